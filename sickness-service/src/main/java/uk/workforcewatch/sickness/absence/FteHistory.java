package uk.workforcewatch.sickness.absence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A worker's FTE day by day: each change holds from its date until the next; nothing before the start
 * date or after the last day employed.
 */
public record FteHistory(LocalDate startDate, LocalDate leftOn, List<Change> changes) {

    /** FTE {@code fte} from {@code from} on. */
    public record Change(LocalDate from, BigDecimal fte) {
    }

    public FteHistory {
        changes = changes.stream().sorted(Comparator.comparing(Change::from)).toList();
    }

    /** Full time throughout, for a worker employed from the start date on. */
    public static FteHistory constant(LocalDate startDate, BigDecimal fte) {
        return new FteHistory(startDate, null, List.of(new Change(startDate, fte)));
    }

    /** The FTE on the day; zero when the worker was not employed then. */
    public BigDecimal fteOn(LocalDate day) {
        if (day.isBefore(startDate) || (leftOn != null && day.isAfter(leftOn))) {
            return BigDecimal.ZERO;
        }
        BigDecimal found = BigDecimal.ZERO;
        for (Change change : changes) {
            if (change.from().isAfter(day)) {
                break;
            }
            found = change.fte();
        }
        return found;
    }
}
