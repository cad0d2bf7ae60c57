package uk.workforcewatch.events.staffing;

/** Where a worker came from into the role: the census's start origin, with its code. */
public enum StartOrigin {
    NEWLY_QUALIFIED(1),
    SOCIAL_WORK_OTHER_COUNCIL_ENGLAND(2),
    SOCIAL_WORK_OUTSIDE_ENGLAND(3),
    AGENCY_OR_CONSULTANCY_ENGLAND(4),
    SOCIAL_WORK_NOT_COUNCIL_ENGLAND(5),
    OTHER_SOCIAL_CARE_ENGLAND(6),
    NOT_SOCIAL_CARE_OR_NO_EMPLOYMENT(7),
    OTHER(8),
    NOT_KNOWN(9),
    NOT_YET_COLLECTED(10);

    private final int code;

    StartOrigin(int code) {
        this.code = code;
    }

    /** The census code. */
    public int code() {
        return code;
    }
}
