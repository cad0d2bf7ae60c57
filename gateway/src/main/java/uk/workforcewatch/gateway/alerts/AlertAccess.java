package uk.workforcewatch.gateway.alerts;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.access.TeamAccess;
import uk.workforcewatch.access.TeamScope;
import uk.workforcewatch.events.alerts.Rule;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Which alerts a caller sees: senior managers all, a team manager their team's, HR officers those whose
 * audience includes HR (staffing and absence alerts).
 */
@RequestScoped
public class AlertAccess {

    /** The team to keep to (or any) and the rules to keep to (or any). */
    public record Visible(UUID teamId, List<Rule> rules) {

        void require(Alert alert) {
            if (!allows(alert.rule, alert.teamId)) {
                throw new ForbiddenException("Not an alert of yours");
            }
        }

        boolean allows(Rule rule, UUID alertTeam) {
            return (teamId == null || teamId.equals(alertTeam)) && (rules == null || rules.contains(rule));
        }
    }

    private static final List<Rule> HR = Arrays.stream(Rule.values()).filter(rule -> rule.audience().hr()).toList();

    private final SecurityIdentity identity;
    private final TeamAccess teams;

    AlertAccess(SecurityIdentity identity, TeamAccess teams) {
        this.identity = identity;
        this.teams = teams;
    }

    /** What the caller may see, narrowed to the team asked for; refuses (403) a team not theirs. */
    public Visible visible(UUID teamAsked) {
        if (identity.hasRole(Roles.SENIOR_MANAGER)) {
            return new Visible(teamAsked, null);
        }
        if (identity.hasRole(Roles.HR_OFFICER)) {
            return new Visible(teamAsked, HR);
        }
        TeamScope scope = teams.scope();
        UUID own = scope.onlyTeam().orElseThrow();
        if (teamAsked != null) {
            scope.require(teamAsked);
        }
        return new Visible(own, null);
    }
}
