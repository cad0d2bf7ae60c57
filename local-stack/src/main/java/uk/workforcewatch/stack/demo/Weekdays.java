package uk.workforcewatch.stack.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Monday to Friday: the plan's working days (the services also take bank holidays out; the plan need not). */
final class Weekdays {

    private Weekdays() {
    }

    static boolean is(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The day, or the first weekday after it. */
    static LocalDate onOrAfter(LocalDate day) {
        LocalDate found = day;
        while (!is(found)) {
            found = found.plusDays(1);
        }
        return found;
    }

    /** The day, or the last weekday before it. */
    static LocalDate onOrBefore(LocalDate day) {
        LocalDate found = day;
        while (!is(found)) {
            found = found.minusDays(1);
        }
        return found;
    }

    /** The weekday {@code count} weekdays after a weekday ({@code count} 0: the day itself). */
    static LocalDate after(LocalDate weekday, int count) {
        LocalDate found = weekday;
        for (int i = 0; i < count; i++) {
            found = onOrAfter(found.plusDays(1));
        }
        return found;
    }

    /** The weekday {@code count} weekdays before the day (the day itself not counted). */
    static LocalDate before(LocalDate day, int count) {
        LocalDate found = day;
        for (int i = 0; i < count; i++) {
            found = onOrBefore(found.minusDays(1));
        }
        return found;
    }

    /** Weekdays from {@code from} to {@code to}, both included; none when {@code to} is earlier. */
    static int countInclusive(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        return (int) from.datesUntil(to.plusDays(1)).filter(Weekdays::is).count();
    }
}
