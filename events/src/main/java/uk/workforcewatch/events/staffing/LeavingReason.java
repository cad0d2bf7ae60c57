package uk.workforcewatch.events.staffing;

/** Why a worker left: the census's reason for leaving, with its code. */
public enum LeavingReason {
    RESIGNATION(1),
    VOLUNTARY_REDUNDANCY(2),
    COMPULSORY_REDUNDANCY(3),
    DISMISSED(4),
    RETIRED(5),
    DECEASED(6),
    MOVED_TO_OTHER_ROLE_IN_COUNCIL(7),
    OTHER(8),
    NOT_KNOWN(9),
    NOT_YET_COLLECTED(10);

    private final int code;

    LeavingReason(int code) {
        this.code = code;
    }

    /** The census code. */
    public int code() {
        return code;
    }
}
