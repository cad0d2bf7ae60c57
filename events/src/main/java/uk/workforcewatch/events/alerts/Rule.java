package uk.workforcewatch.events.alerts;

/** The breach rules the gateway watches, each with who needs to hear of it. */
public enum Rule {
    CASELOAD_OVER_LIMIT(Audience.CASELOAD),
    CP_MIX_OVER_LIMIT(Audience.CASELOAD),
    WEIGHTED_LOAD_OVER_LIMIT(Audience.CASELOAD),
    CASE_UNALLOCATED(Audience.CASELOAD),
    TEAM_VACANCY_RATE_HIGH(Audience.STAFFING),
    TEAM_AGENCY_RATE_HIGH(Audience.STAFFING);

    /** Caseload alerts go to senior managers and the team's manager; staffing alerts to senior managers and HR. */
    public enum Audience {
        CASELOAD,
        STAFFING
    }

    private final Audience audience;

    Rule(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }
}
