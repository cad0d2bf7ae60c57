package uk.workforcewatch.access;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may see which team: senior managers and HR officers every team, a team manager only the team
 * named in their token. Resources ask it after the role check of {@code @RolesAllowed}.
 */
@RequestScoped
public class TeamAccess {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    TeamAccess(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** True when the caller sees every team. */
    public boolean seesAllTeams() {
        return identity.hasRole(Roles.SENIOR_MANAGER) || identity.hasRole(Roles.HR_OFFICER);
    }

    /** The teams the caller may see; refuses (403) a caller with no role that sees a team. */
    public TeamScope scope() {
        return seesAllTeams() ? TeamScope.ALL : new TeamScope(Optional.of(managedTeam()));
    }

    /** Refuses (403) a caller who may not see this team. */
    public void requireTeam(UUID teamId) {
        scope().require(teamId);
    }

    /** Refuses (403) a caller who may not see the team, or the whole council when no team is named. */
    public void requireTeamOrCouncil(UUID teamIdOrNull) {
        if (teamIdOrNull == null) {
            requireAllTeams();
        } else {
            requireTeam(teamIdOrNull);
        }
    }

    /** Refuses (403) a caller who does not see every team. */
    public void requireAllTeams() {
        if (!seesAllTeams()) {
            throw new ForbiddenException("Council-wide figures are for senior managers and HR officers");
        }
    }

    private UUID managedTeam() {
        if (!identity.hasRole(Roles.TEAM_MANAGER)) {
            throw new ForbiddenException("No role that sees a team");
        }
        Object claim = token.getClaim(Roles.TEAM_CLAIM);
        if (claim == null) {
            throw new ForbiddenException("A team manager's token must name their team");
        }
        try {
            return UUID.fromString(claim.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException("The token's team claim is not a team id");
        }
    }
}
