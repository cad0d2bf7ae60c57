package uk.workforcewatch.events.caseload;

import uk.workforcewatch.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A worker's caseload changed (a case allocated, moved, closed or recategorised, or the worker's FTE,
 * role or team changed). Keyed by worker id. Published to {@link CaseloadTopics#WORKER_CASELOADS}.
 */
public record WorkerCaseloadEvent(UUID eventId, String type, UUID aggregateId, long version, Instant occurredAt,
                                  WorkerCaseload caseload) implements DomainEvent {

    public static final String CHANGED = "WorkerCaseloadChanged";
}
