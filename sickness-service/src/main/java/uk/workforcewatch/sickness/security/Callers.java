package uk.workforcewatch.sickness.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.access.TeamAccess;

/**
 * Reads the caller from the token, once per request. Reasons are health data: HR officers see them all, a
 * team manager those of their own team (the scope limits which episodes they reach); a senior manager sees
 * figures only, even one who also holds the team manager's role.
 */
@RequestScoped
public class Callers {

    private final SecurityIdentity identity;
    private final TeamAccess access;

    Callers(SecurityIdentity identity, TeamAccess access) {
        this.identity = identity;
        this.access = access;
    }

    public Caller current() {
        boolean hr = identity.hasRole(Roles.HR_OFFICER);
        boolean senior = identity.hasRole(Roles.SENIOR_MANAGER);
        boolean manager = identity.hasRole(Roles.TEAM_MANAGER);
        String role = hr ? Roles.HR_OFFICER : senior ? Roles.SENIOR_MANAGER : Roles.TEAM_MANAGER;
        // the principal's name is the token's upn (else preferred_username, else sub)
        return new Caller(identity.getPrincipal().getName(), role, access.scope(), hr || (manager && !senior));
    }
}
