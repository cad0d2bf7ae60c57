package uk.workforcewatch.events.caseload;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * A worker's caseload and limits as they stand: open cases held, by category; the weighted load;
 * the limit (15 per full-time worker by default, pro-rata, lower for ASYE), the CP limit, the weighted
 * limit, and the headroom left under the limit (negative when over). {@code weightsConfigured} says
 * whether the council weights cases at all: where it does not, the weighted figures add nothing.
 */
public record WorkerCaseload(
        UUID workerId,
        UUID teamId,
        int openCases,
        Map<CaseCategory, Integer> byCategory,
        BigDecimal weightedLoad,
        int limit,
        int cpLimit,
        BigDecimal weightedLimit,
        boolean weightsConfigured,
        int headroom) {
}
