package uk.workforcewatch.events.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case as it stands. {@code reference} is pseudonymous, never a child's name. {@code workerId} is
 * empty while the case is unallocated, and {@code unallocatedSince} then tells since when.
 * {@code workersSoFar} counts the workers who have held the case, for continuity.
 */
public record CaseState(
        UUID id,
        String reference,
        CaseCategory category,
        UUID teamId,
        CaseStatus status,
        UUID workerId,
        LocalDate openedOn,
        Instant unallocatedSince,
        LocalDate closedOn,
        String closeReason,
        int workersSoFar,
        List<CaseAllocation> allocations) {
}
