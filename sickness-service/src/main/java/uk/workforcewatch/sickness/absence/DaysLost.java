package uk.workforcewatch.sickness.absence;

import uk.workforcewatch.calendar.WorkingDays;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The arithmetic of an absence episode, as the domain defines it. An episode counts to its last day, or
 * to the day asked about when that comes first (an open episode runs to the day asked about). Working
 * days lost are the working days in that span, each times the worker's FTE that day; an episode is
 * long-term when that span is the configured number of calendar days or more. Pure: no clock, no database.
 */
public final class DaysLost {

    private final WorkingDays workingDays;
    private final int longTermAfterDays;

    public DaysLost(WorkingDays workingDays, int longTermAfterDays) {
        this.workingDays = workingDays;
        this.longTermAfterDays = longTermAfterDays;
    }

    /** The last day counted: the episode's end, or the day asked about when that is earlier or the episode open. */
    public static LocalDate lastCounted(LocalDate endDate, LocalDate asOf) {
        return endDate == null || asOf.isBefore(endDate) ? asOf : endDate;
    }

    /** Working days lost, times the FTE of each day, to two places; zero when the day asked about is before the start. */
    public BigDecimal workingDaysLost(LocalDate startDate, LocalDate endDate, LocalDate asOf, FteHistory fte) {
        return workingDays.inclusive(startDate, lastCounted(endDate, asOf))
                .map(fte::fteOn)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** Working days inside the episode to the day counted, not scaled by FTE. */
    public int workingDays(LocalDate startDate, LocalDate endDate, LocalDate asOf) {
        return workingDays.countInclusive(startDate, lastCounted(endDate, asOf));
    }

    /** Calendar days from the first day to the last counted, both included; zero before the start. */
    public long calendarDays(LocalDate startDate, LocalDate endDate, LocalDate asOf) {
        LocalDate last = lastCounted(endDate, asOf);
        return last.isBefore(startDate) ? 0 : ChronoUnit.DAYS.between(startDate, last) + 1;
    }

    public boolean isLongTerm(LocalDate startDate, LocalDate endDate, LocalDate asOf) {
        return calendarDays(startDate, endDate, asOf) >= longTermAfterDays;
    }
}
