package uk.workforcewatch.events.staffing;

/** Where a leaver went: the census's leaver destination, with its code. */
public enum LeaverDestination {
    SOCIAL_WORK_OTHER_COUNCIL_ENGLAND(1),
    SOCIAL_WORK_OUTSIDE_ENGLAND(2),
    AGENCY_OR_CONSULTANCY_ENGLAND(3),
    SOCIAL_WORK_NOT_COUNCIL_ENGLAND(4),
    OTHER_SOCIAL_CARE_ENGLAND(5),
    NOT_SOCIAL_CARE_OR_NO_EMPLOYMENT(6),
    OTHER(7),
    NOT_KNOWN(8),
    NOT_YET_COLLECTED(9);

    private final int code;

    LeaverDestination(int code) {
        this.code = code;
    }

    /** The census code. */
    public int code() {
        return code;
    }
}
