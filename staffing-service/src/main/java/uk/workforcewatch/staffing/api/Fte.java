package uk.workforcewatch.staffing.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** FTE is kept, and published, to six decimal places, as the census returns it. */
public final class Fte {

    private static final int SCALE = 6;

    private Fte() {
    }

    /** The FTE at six places; input is validated to at most six already. */
    public static BigDecimal of(BigDecimal fte) {
        return fte == null ? null : fte.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
