package uk.workforcewatch.events.staffing;

/** The level of the social work qualification, with its census code. */
public enum QualificationLevel {
    UNDERGRADUATE(1),
    POSTGRADUATE(2),
    OTHER(3);

    private final int code;

    QualificationLevel(int code) {
        this.code = code;
    }

    /** The census code. */
    public int code() {
        return code;
    }
}
