package uk.workforcewatch.stack.demo;

import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The caseload limits the demo is drawn against: caseload-service's and the gateway's defaults (DOMAIN.md).
 * The plan keeps everyone inside them except the story's subjects, whose allocations carry an override.
 */
final class Limits {

    static final int FULL_TIME = 15;
    static final int ASYE_FULL_TIME = 12;

    private Limits() {
    }

    /** floor(15 × FTE), floor(12 × FTE) for ASYE. */
    static int caseload(Role role, BigDecimal fte) {
        int fullTime = role == Role.ASYE ? ASYE_FULL_TIME : FULL_TIME;
        return fte.multiply(BigDecimal.valueOf(fullTime)).setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    /** floor(2/3 × the caseload limit): 10 of 15. */
    static int cp(Role role, BigDecimal fte) {
        return caseload(role, fte) * 2 / 3;
    }
}
