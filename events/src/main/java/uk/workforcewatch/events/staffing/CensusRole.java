package uk.workforcewatch.events.staffing;

/**
 * The worker's role as the census counts it, with its code. A worker's {@link Role} implies one
 * ({@code TEAM_MANAGER}: first-line manager, {@code SENIOR_PRACTITIONER}: senior practitioner,
 * {@code SOCIAL_WORKER} and {@code ASYE}: case holder); a worker carries a census role of their own only
 * where it differs, such as a team manager who is a middle manager.
 */
public enum CensusRole {
    SENIOR_MANAGER(1),
    MIDDLE_MANAGER(2),
    FIRST_LINE_MANAGER(3),
    SENIOR_PRACTITIONER(4),
    CASE_HOLDER(5),
    QUALIFIED_WITHOUT_CASES(6);

    private final int code;

    CensusRole(int code) {
        this.code = code;
    }

    /** The census code. */
    public int code() {
        return code;
    }
}
