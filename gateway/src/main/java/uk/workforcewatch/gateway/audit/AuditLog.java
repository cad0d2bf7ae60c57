package uk.workforcewatch.gateway.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.access.Roles;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Writes the audit log, in the caller's transaction: a decision and its entry commit together or not at all.
 * The actor is the caller's token ({@code upn}), with the role they acted in.
 */
@ApplicationScoped
public class AuditLog {

    private static final List<String> ROLES = List.of(Roles.SENIOR_MANAGER, Roles.HR_OFFICER, Roles.TEAM_MANAGER);

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> record(SecurityIdentity actor, AuditAction action, String subjectType, UUID subjectId,
                            UUID teamId, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.at = clock.instant();
        entry.actor = actor.getPrincipal().getName();
        entry.actorRole = ROLES.stream().filter(actor::hasRole).findFirst().orElse("none");
        entry.action = action;
        entry.subjectType = subjectType;
        entry.subjectId = subjectId;
        entry.teamId = teamId;
        entry.detail = detail;
        return entry.persist().replaceWithVoid();
    }
}
