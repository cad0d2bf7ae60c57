package uk.workforcewatch.events.alerts;

import uk.workforcewatch.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A change of an alert, with its full new state. Published to {@link AlertTopics#ALERTS}, keyed by alert id. */
public record AlertEvent(UUID eventId, String type, UUID aggregateId, long version, Instant occurredAt,
                         AlertState alert) implements DomainEvent {

    public static final String FIRED = "AlertFired";
    public static final String UPDATED = "AlertUpdated";
    public static final String ACKNOWLEDGED = "AlertAcknowledged";
    public static final String RESOLVED = "AlertResolved";
}
