package uk.workforcewatch.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every published event carries besides the aggregate's full new state. Consumers apply an
 * event only when its {@link #version()} is newer than the one they hold.
 */
public interface DomainEvent {

    UUID eventId();

    /** What happened, for example {@code WorkerHired}; also sent as the CloudEvents type. */
    String type();

    /** The id of the aggregate; also the Kafka record key, so one aggregate stays in one partition. */
    UUID aggregateId();

    /** Increases by one with every change of the aggregate; the first state is version 0. */
    long version();

    Instant occurredAt();
}
