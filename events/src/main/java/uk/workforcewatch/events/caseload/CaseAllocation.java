package uk.workforcewatch.events.caseload;

import java.time.Instant;
import java.util.UUID;

/**
 * One worker's holding of a case: from its allocation to them until it ended (a reallocation, an unallocation or
 * the case's closure), empty while they hold it.
 */
public record CaseAllocation(UUID workerId, Instant allocatedAt, Instant endedAt) {
}
