package uk.workforcewatch.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Working days: Monday to Friday, less the bank holidays of England and Wales. One calendar for every service,
 * so that they all count days alike. It knows the years of {@link #supportedYears()}; any date outside them that
 * it is asked about is refused with a {@link DateOutsideCalendarException}, never counted by a guess.
 */
public final class WorkingDays {

    private static final WorkingDays ENGLAND_AND_WALES = new WorkingDays(EnglandAndWales.YEARS,
            Set.copyOf(IntStream.rangeClosed(EnglandAndWales.YEARS.first(), EnglandAndWales.YEARS.last())
                    .mapToObj(EnglandAndWales::bankHolidays).flatMap(List::stream).toList()));

    private final SupportedYears years;
    private final Set<LocalDate> holidays;

    private WorkingDays(SupportedYears years, Set<LocalDate> holidays) {
        this.years = years;
        this.holidays = holidays;
    }

    /** The working days of England and Wales: the one calendar. */
    public static WorkingDays englandAndWales() {
        return ENGLAND_AND_WALES;
    }

    /** The years whose dates this calendar answers for. */
    public SupportedYears supportedYears() {
        return years;
    }

    /** Whether the day lies in a year this calendar knows. */
    public boolean covers(LocalDate day) {
        return years.contains(day);
    }

    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDayKnown(require(day));
    }

    /** The working days from {@code from} to {@code to}, both included, in order; none when {@code to} is earlier. */
    public Stream<LocalDate> inclusive(LocalDate from, LocalDate to) {
        require(from);
        require(to);
        return between(from, to);
    }

    /** How many working days from {@code from} to {@code to}, both included: Monday to Friday of one week is 5. */
    public int countInclusive(LocalDate from, LocalDate to) {
        return (int) inclusive(from, to).count();
    }

    /** Working days after {@code from} up to and including {@code to}: whole working days waited since {@code from}. */
    public int countAfter(LocalDate from, LocalDate to) {
        require(from);
        require(to);
        return (int) between(from.plusDays(1), to).count();
    }

    /**
     * Working days after {@code from} up to {@code to}, where {@code from} may lie before the years known: then only
     * the known years' are counted, so the answer is at least what it says, never more. For "has it waited more than
     * N working days", as a case unallocated since before the calendar begins has.
     */
    public int countAfterAtLeast(LocalDate from, LocalDate to) {
        LocalDate firstKnown = LocalDate.of(years.first(), 1, 1);
        require(to);
        return (int) between(from.isBefore(firstKnown) ? firstKnown : from.plusDays(1), to).count();
    }

    private Stream<LocalDate> between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Stream.empty();
        }
        return from.datesUntil(to.plusDays(1)).filter(this::isWorkingDayKnown);
    }

    private boolean isWorkingDayKnown(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    private LocalDate require(LocalDate day) {
        if (!covers(day)) {
            throw new DateOutsideCalendarException(day, years);
        }
        return day;
    }
}
