package uk.workforcewatch.gateway.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One decision: who (and in which role), when, what, about which subject, with what they gave as the why. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    public Instant at;
    public String actor;
    public String actorRole;
    @Enumerated(EnumType.STRING)
    public AuditAction action;
    /** {@code CASE}, {@code ALERT}, {@code SILENCE} or {@code WORKER}. */
    public String subjectType;
    public UUID subjectId;
    public UUID teamId;
    /** The reason or note given, or what was read; never health data. */
    public String detail;
}
