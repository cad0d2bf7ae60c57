package uk.workforcewatch.gateway.notifications;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import uk.workforcewatch.events.alerts.Rule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Mutes notifications of a rule (or every rule) for a team or a subject until a time. The alerts still
 * fire and show; only the messages are held back.
 */
@Entity
@Table(name = "silence")
public class Silence extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Empty: every rule. */
    @Enumerated(EnumType.STRING)
    public Rule rule;
    /** Empty: every team. */
    public UUID teamId;
    /** Empty: every subject. */
    public UUID subjectId;
    public Instant until;
    public String reason;
    public String createdBy;
    public Instant createdAt;
    /** Set when someone ends the silence early. */
    public Instant endedAt;

    /** The silences in force at the time, soonest to end first. */
    public static Uni<List<Silence>> inForce(Instant now) {
        return list("endedAt is null and until > ?1", Sort.by("until"), now);
    }

    /** Whether it mutes the messages about an alert of this rule, team and subject. */
    public boolean covers(Rule alertRule, UUID alertTeam, UUID alertSubject) {
        return (rule == null || rule == alertRule) && (teamId == null || teamId.equals(alertTeam))
                && (subjectId == null || subjectId.equals(alertSubject));
    }
}
