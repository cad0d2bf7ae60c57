package uk.workforcewatch.caseload.cases;

import uk.workforcewatch.access.TeamScope;

/** Who is making a change: their name for the history, the teams they may act on, and whether they may override. */
public record Caller(String name, TeamScope scope, boolean mayOverride) {

    public static final Caller SYSTEM = new Caller("system", TeamScope.ALL, false);
}
