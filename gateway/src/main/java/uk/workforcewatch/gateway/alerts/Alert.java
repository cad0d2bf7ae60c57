package uk.workforcewatch.gateway.alerts;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.OptimisticLock;
import uk.workforcewatch.events.alerts.AlertStatus;
import uk.workforcewatch.events.alerts.Rule;
import uk.workforcewatch.events.alerts.Severity;

import java.time.Instant;
import java.util.UUID;

/** One alert per rule and subject while its breach lasts: fired, perhaps acknowledged, then resolved. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Rule rule;
    public String subjectType;
    public UUID subjectId;
    public UUID teamId;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    @Enumerated(EnumType.STRING)
    public AlertStatus status;
    public String summary;
    /** The figures that make the rule hold, as JSON. */
    public String figures;
    public Instant firedAt;
    public Instant acknowledgedAt;
    public String acknowledgedBy;
    public String acknowledgementNote;
    public Instant resolvedAt;
    /**
     * When a message about it was last owed to its audience, for repeats. Bookkeeping, not a change of the
     * alert: it takes no new version and publishes no event.
     */
    @OptimisticLock(excluded = true)
    public Instant lastNotifiedAt;
    /**
     * One more with every change, and the version of the alert's events. Checked as it is written: a change
     * made from a stale read fails instead of overwriting the one committed meanwhile.
     */
    @Version
    public long version;

    public boolean isOpen() {
        return status != AlertStatus.RESOLVED;
    }
}
