package uk.workforcewatch.sickness.trends;

/** How absence trends are grouped: by calendar month, team, reason (health data, aggregated) or role. */
public enum GroupBy {
    MONTH,
    TEAM,
    REASON,
    ROLE
}
