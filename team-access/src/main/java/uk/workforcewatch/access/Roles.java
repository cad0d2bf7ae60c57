package uk.workforcewatch.access;

/** The roles of the {@code groups} claim. */
public final class Roles {

    /** Manages one team, named by the token's {@value #TEAM_CLAIM} claim, and sees only that team. */
    public static final String TEAM_MANAGER = "team-manager";
    /** A head of service or director: sees and acts on every team. */
    public static final String SENIOR_MANAGER = "senior-manager";
    /** Records and reads staffing and absence for every team. */
    public static final String HR_OFFICER = "hr-officer";

    /** The claim that names the team a team manager manages (the team's id). */
    public static final String TEAM_CLAIM = "team";

    private Roles() {
    }
}
