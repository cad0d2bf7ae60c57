package uk.workforcewatch.events.alerts;

/** The breach rules the gateway watches, each with who needs to hear of it. */
public enum Rule {
    CASELOAD_OVER_LIMIT(Audience.CASELOAD),
    CP_MIX_OVER_LIMIT(Audience.CASELOAD),
    WEIGHTED_LOAD_OVER_LIMIT(Audience.CASELOAD),
    CASE_UNALLOCATED(Audience.CASELOAD),
    TEAM_VACANCY_RATE_HIGH(Audience.STAFFING),
    TEAM_AGENCY_RATE_HIGH(Audience.STAFFING),
    /** A worker absent for some working days still holds open cases: someone must cover them. */
    CASES_HELD_BY_ABSENT_WORKER(Audience.CASELOAD),
    /** A worker's current absence episode has become long-term. */
    LONG_TERM_ABSENCE(Audience.STAFFING),
    /** A worker came back some working days ago and no return-to-work interview is recorded. */
    RETURN_TO_WORK_OVERDUE(Audience.ABSENCE),
    /** A team lost more than a share of its working time to sickness over the last weeks. */
    TEAM_SICKNESS_RATE_HIGH(Audience.ABSENCE),
    /** A worker's Bradford factor has reached the trigger for a review. */
    BRADFORD_TRIGGER(Audience.ABSENCE);

    /**
     * Senior managers hear of every alert. Caseload alerts go to the team's manager as well; staffing
     * alerts to HR; absence follow-up, which HR and the team's manager do together, to both.
     */
    public enum Audience {
        CASELOAD(true, false),
        STAFFING(false, true),
        ABSENCE(true, true);

        private final boolean teamManagers;
        private final boolean hr;

        Audience(boolean teamManagers, boolean hr) {
            this.teamManagers = teamManagers;
            this.hr = hr;
        }

        /** Whether the team's manager hears of these alerts. */
        public boolean teamManagers() {
            return teamManagers;
        }

        /** Whether HR officers hear of, and see, these alerts. */
        public boolean hr() {
            return hr;
        }
    }

    private final Audience audience;

    Rule(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }
}
