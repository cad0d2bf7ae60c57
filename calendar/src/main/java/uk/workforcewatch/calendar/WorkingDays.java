package uk.workforcewatch.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Working days: Monday to Friday, less the bank holidays given (England and Wales by default). A plain
 * value, so every service counts days the same way and each wires its own configured holidays.
 */
public final class WorkingDays {

    /** The bank holidays of England and Wales, 2025 to 2027 (substitute days where one falls at a weekend). */
    public static final List<LocalDate> ENGLAND_AND_WALES = Stream.of(
            "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
            "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
            "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28")
            .map(LocalDate::parse).toList();

    private final Set<LocalDate> holidays;

    public WorkingDays(Collection<LocalDate> bankHolidays) {
        this.holidays = Set.copyOf(bankHolidays);
    }

    /** England and Wales, 2025 to 2027. */
    public static WorkingDays englandAndWales() {
        return new WorkingDays(ENGLAND_AND_WALES);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /** The working days from {@code from} to {@code to}, both included, in order; none when {@code to} is earlier. */
    public Stream<LocalDate> inclusive(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Stream.empty();
        }
        return from.datesUntil(to.plusDays(1)).filter(this::isWorkingDay);
    }

    /** How many working days from {@code from} to {@code to}, both included: Monday to Friday of one week is 5. */
    public int countInclusive(LocalDate from, LocalDate to) {
        return (int) inclusive(from, to).count();
    }

    /** Working days after {@code from} up to and including {@code to}: whole working days waited since {@code from}. */
    public int countAfter(LocalDate from, LocalDate to) {
        return countInclusive(from.plusDays(1), to);
    }
}
