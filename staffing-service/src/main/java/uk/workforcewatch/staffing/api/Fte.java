package uk.workforcewatch.staffing.api;

import uk.workforcewatch.bulk.CsvRow;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** FTE is kept, and published, to six decimal places, as the census returns it. */
public final class Fte {

    private static final int SCALE = 6;

    private Fte() {
    }

    /** An FTE from a file: above 0 and at most 1, to at most six places, as the API takes it; else an error of the row. */
    public static BigDecimal read(CsvRow row, String column) {
        BigDecimal fte = row.decimal(column, true);
        if (fte == null) {
            return null;
        }
        if (fte.signum() <= 0 || fte.compareTo(BigDecimal.ONE) > 0 || fte.stripTrailingZeros().scale() > SCALE) {
            row.reject(column, "must be above 0 and at most 1.0, to at most six places");
            return null;
        }
        return of(fte);
    }

    /** The FTE at six places; input is validated to at most six already. */
    public static BigDecimal of(BigDecimal fte) {
        return fte == null ? null : fte.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
