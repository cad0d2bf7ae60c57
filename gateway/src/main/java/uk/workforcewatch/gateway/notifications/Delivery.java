package uk.workforcewatch.gateway.notifications;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One alert change for one receiver. Deliveries for the same receiver and team owed within the group window of
 * the first of them are due together, and become one batch once it has passed; a batch is retried, with the same idempotency key, until the
 * receiver accepts it, and never sent again after that.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    /** Held back when due: its alert acknowledged, resolved or silenced since it was queued. */
    public static final String SUPPRESSED = "SUPPRESSED";

    @Id
    public UUID id;
    public String target;
    public UUID teamId;
    public UUID alertId;
    /** FIRED, RESOLVED or REPEAT. */
    public String kind;
    /** The alert as it stood, as JSON. */
    public String message;
    public Instant createdAt;
    public UUID batchId;
    public String status;
    public int attempts;
    /** Before its batch: when its group is due, the end of the first message's window; then the next try. */
    public Instant nextAttemptAt;
    public Instant deliveredAt;
    public String lastError;
    /** Why it was suppressed. */
    public String suppressedReason;
}
