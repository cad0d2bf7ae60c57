package uk.workforcewatch.calendar;

import java.time.LocalDate;

/**
 * One worker's Bradford factor on a day, tallied spell by spell: S = spells overlapping the 52 weeks (364 days)
 * ending that day, D = working days absent inside that window (not scaled by FTE; an open spell runs to the day),
 * score S² × D. Kept here, beside the working days it counts, so every service scores alike.
 */
public final class BradfordFactor {

    public static final int WINDOW_DAYS = 364;

    private final WorkingDays workingDays;
    private final LocalDate asOf;
    private final LocalDate windowStart;
    private int spells;
    private int daysAbsent;

    public BradfordFactor(WorkingDays workingDays, LocalDate asOf) {
        this.workingDays = workingDays;
        this.asOf = asOf;
        this.windowStart = windowStart(asOf);
    }

    /** The first day of the window ending {@code asOf}. */
    public static LocalDate windowStart(LocalDate asOf) {
        return asOf.minusDays(WINDOW_DAYS - 1);
    }

    public static long score(int spells, int daysAbsent) {
        return (long) spells * spells * daysAbsent;
    }

    /** Counts a spell from its first to its last day ({@code null} while it is open), if it overlaps the window. */
    public BradfordFactor add(LocalDate firstDay, LocalDate lastDay) {
        if (firstDay.isAfter(asOf) || (lastDay != null && lastDay.isBefore(windowStart))) {
            return this;
        }
        LocalDate from = firstDay.isBefore(windowStart) ? windowStart : firstDay;
        LocalDate to = lastDay == null || lastDay.isAfter(asOf) ? asOf : lastDay;
        spells++;
        daysAbsent += workingDays.countInclusive(from, to);
        return this;
    }

    public int spells() {
        return spells;
    }

    public int daysAbsent() {
        return daysAbsent;
    }

    public long score() {
        return score(spells, daysAbsent);
    }
}
