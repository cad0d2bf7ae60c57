package uk.workforcewatch.events.caseload;

import uk.workforcewatch.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A change of a case, with its full new state. Published to {@link CaseloadTopics#CASES}. */
public record CaseEvent(UUID eventId, String type, UUID aggregateId, long version, Instant occurredAt,
                        CaseState caseState) implements DomainEvent {

    public static final String OPENED = "CaseOpened";
    public static final String RECATEGORISED = "CaseRecategorised";
    public static final String ALLOCATED = "CaseAllocated";
    public static final String REALLOCATED = "CaseReallocated";
    public static final String UNALLOCATED = "CaseUnallocated";
    public static final String CLOSED = "CaseClosed";
    /** A change of who held the case, recorded in error, was corrected: its holdings are those in force now. */
    public static final String HISTORY_CORRECTED = "CaseHistoryCorrected";
    /** The case set anew from a council's file of cases: its facts and history as the file has them. */
    public static final String IMPORTED = "CaseImported";
}
