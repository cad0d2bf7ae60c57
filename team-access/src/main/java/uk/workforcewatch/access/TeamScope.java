package uk.workforcewatch.access;

import io.quarkus.security.ForbiddenException;

import java.util.Optional;
import java.util.UUID;

/**
 * The teams a caller may see: all of them, or the one team they manage. A plain value, so it can be
 * taken at the start of a request and checked later in a reactive pipeline.
 */
public record TeamScope(Optional<UUID> onlyTeam) {

    public static final TeamScope ALL = new TeamScope(Optional.empty());

    public boolean includes(UUID teamId) {
        return onlyTeam.isEmpty() || onlyTeam.get().equals(teamId);
    }

    /** Refuses (403) a team outside the scope. */
    public void require(UUID teamId) {
        if (!includes(teamId)) {
            throw new ForbiddenException("Not your team");
        }
    }
}
