package uk.workforcewatch.events.staffing;

import uk.workforcewatch.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A change of a worker, with the worker's full new state. Published to {@link StaffingTopics#WORKERS}. */
public record WorkerEvent(UUID eventId, String type, UUID aggregateId, long version, Instant occurredAt,
                          WorkerState worker) implements DomainEvent {

    public static final String HIRED = "WorkerHired";
    /** A change recorded, or the worker published again as a date of theirs comes (see {@link WorkerState}). */
    public static final String CHANGED = "WorkerChanged";
    public static final String LEFT = "WorkerLeft";
}
