package uk.workforcewatch.events.staffing;

/**
 * The worker's status in the child and family social work career framework, with its census code. An
 * {@link Role#ASYE} worker is at {@link #ASYE} without saying so.
 */
public enum CareerStage {
    ASYE(1),
    FRONTLINE_PRACTITIONER(2),
    PRACTICE_SUPERVISOR(3),
    PRACTICE_LEADER(4);

    private final int code;

    CareerStage(int code) {
        this.code = code;
    }

    /** The census code. */
    public int code() {
        return code;
    }
}
