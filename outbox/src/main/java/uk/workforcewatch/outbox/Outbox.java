package uk.workforcewatch.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.events.DomainEvent;
import uk.workforcewatch.events.EventJson;

import java.time.ZoneOffset;

/**
 * Records an event in the outbox, inside the transaction of the change it describes, so the two
 * commit or roll back together. {@link OutboxRelay} sends it to Kafka after the commit.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "insert into outbox_event"
            + " (event_id, topic, aggregate_id, type, payload, occurred_at)"
            + " values (:eventId, :topic, :aggregateId, :type, :payload, :occurredAt)";

    /**
     * Must run inside the change's transaction ({@code @WithTransaction}); flush the aggregate first so
     * the event carries its new version.
     */
    public Uni<Void> publish(String topic, DomainEvent event) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "An outbox event must be written in the transaction of its change: " + event.type()))
                .chain(transaction -> Panache.getSession())
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("eventId", event.eventId())
                        .setParameter("topic", topic)
                        .setParameter("aggregateId", event.aggregateId().toString())
                        .setParameter("type", event.type())
                        .setParameter("payload", EventJson.write(event))
                        .setParameter("occurredAt", event.occurredAt().atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }
}
