package uk.workforcewatch.caseload.limits;

import java.math.BigDecimal;

/** A limit an allocation would break, with the figures: now, after the allocation, and the maximum. */
public record Breach(Limit limit, BigDecimal current, BigDecimal after, BigDecimal maximum) {

    public String describe() {
        return limit + " (" + current.stripTrailingZeros().toPlainString() + " now, "
                + after.stripTrailingZeros().toPlainString() + " after, at most "
                + maximum.stripTrailingZeros().toPlainString() + ")";
    }
}
