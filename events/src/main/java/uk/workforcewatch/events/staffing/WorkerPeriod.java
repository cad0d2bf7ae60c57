package uk.workforcewatch.events.staffing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a worker's role, team, FTE and post are from {@code effectiveFrom} until the next period
 * starts. {@code postId} is empty when the worker fills no post of the establishment.
 */
public record WorkerPeriod(LocalDate effectiveFrom, Role role, UUID teamId, BigDecimal fte, UUID postId) {
}
