package uk.workforcewatch.sickness.trends;

import uk.workforcewatch.sickness.security.Caller;

import java.util.UUID;

/** The team a list is limited to: the one named, else a team manager's own; refuses (403) another team. */
final class Scopes {

    private Scopes() {
    }

    static UUID team(Caller caller, UUID teamId) {
        UUID team = teamId != null ? teamId : caller.scope().onlyTeam().orElse(null);
        if (team != null) {
            caller.scope().require(team);
        }
        return team;
    }
}
