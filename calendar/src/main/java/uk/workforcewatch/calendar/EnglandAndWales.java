package uk.workforcewatch.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bank holidays of England and Wales, worked out from their rules (New Year's Day, Good Friday, Easter Monday,
 * the first and last Mondays of May, the last Monday of August, Christmas Day and Boxing Day, each moved to the next
 * weekday still free when it falls at a weekend) plus the one-off changes proclaimed since 2018. Known for
 * {@link #YEARS} only: a year after them may bring a change not yet announced, so it is refused, never guessed.
 */
public final class EnglandAndWales {

    public static final SupportedYears YEARS = new SupportedYears(2018, 2030);

    /** Holidays moved for one year: the day the rules give, and the day it was held instead. */
    private static final Map<LocalDate, LocalDate> MOVED = Map.of(
            // early May, to the 75th anniversary of VE Day
            LocalDate.of(2020, 5, 4), LocalDate.of(2020, 5, 8),
            // spring, to the Platinum Jubilee
            LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 2));

    /** Holidays added for one year. */
    private static final Set<LocalDate> ADDED = Set.of(
            LocalDate.of(2022, 6, 3),   // the Platinum Jubilee
            LocalDate.of(2022, 9, 19),  // the state funeral of Queen Elizabeth II
            LocalDate.of(2023, 5, 8));  // the coronation of King Charles III

    private EnglandAndWales() {
    }

    /** The year's bank holidays in date order; a year outside {@link #YEARS} is refused. */
    public static List<LocalDate> bankHolidays(int year) {
        if (!YEARS.contains(year)) {
            throw new DateOutsideCalendarException(LocalDate.of(year, 1, 1), YEARS);
        }
        TreeSet<LocalDate> holidays = new TreeSet<>();
        for (LocalDate day : byTheRules(year)) {
            holidays.add(MOVED.getOrDefault(day, day));
        }
        ADDED.stream().filter(day -> day.getYear() == year).forEach(holidays::add);
        return List.copyOf(holidays);
    }

    private static List<LocalDate> byTheRules(int year) {
        LocalDate easter = Easter.sunday(year);
        List<LocalDate> days = new ArrayList<>();
        days.add(nextFreeWeekday(LocalDate.of(year, 1, 1), days));
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        // Christmas first: when both fall at the weekend, Boxing Day's substitute is the day after Christmas's
        days.add(nextFreeWeekday(LocalDate.of(year, 12, 25), days));
        days.add(nextFreeWeekday(LocalDate.of(year, 12, 26), days));
        return days;
    }

    /** The day itself when it is a weekday not yet a holiday, else the next that is. */
    private static LocalDate nextFreeWeekday(LocalDate day, List<LocalDate> taken) {
        LocalDate free = day;
        while (free.getDayOfWeek() == DayOfWeek.SATURDAY || free.getDayOfWeek() == DayOfWeek.SUNDAY
                || taken.contains(free)) {
            free = free.plusDays(1);
        }
        return free;
    }
}
