package uk.workforcewatch.events.absence;

import uk.workforcewatch.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A worker's absence status changed (absent from an episode's first day, back after its last, one more working day
 * absent), with the thresholds in force when it was published ({@code thresholds} empty in events from before they
 * travelled). Keyed by worker id. Published to {@link AbsenceTopics#WORKER_ABSENCE}.
 */
public record WorkerAbsenceEvent(UUID eventId, String type, UUID aggregateId, long version, Instant occurredAt,
                                 WorkerAbsenceState absence, AbsenceThresholds thresholds) implements DomainEvent {

    public static final String CHANGED = "WorkerAbsenceChanged";
}
