package uk.workforcewatch.outbox;

import java.time.Instant;

/** An outbox row not yet acknowledged by Kafka. */
record PendingEvent(long id, String eventId, String topic, String aggregateId, String type, String payload,
                    Instant occurredAt) {
}
