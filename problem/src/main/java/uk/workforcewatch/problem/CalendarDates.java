package uk.workforcewatch.problem;

import uk.workforcewatch.calendar.SupportedYears;
import uk.workforcewatch.calendar.WorkingDays;

import java.time.LocalDate;

/**
 * Checks a request's own dates against the years the working-day calendar knows, before anything is counted, so
 * that the refusal (400) names the field at fault rather than a date deep inside a count.
 */
public final class CalendarDates {

    private CalendarDates() {
    }

    /** Refuses a date outside the supported years; no date, no check. */
    public static void require(String field, LocalDate date) {
        String outside = outside(date);
        if (outside != null) {
            throw ProblemException.invalid(field, outside);
        }
    }

    /** Why the date cannot be taken, naming the supported years, as a refusal or a file's report says it; else null. */
    public static String outside(LocalDate date) {
        return date == null || calendar().covers(date) ? null
                : date + " lies outside the supported years " + years() + " of the working-day calendar";
    }

    /** Refuses a period that the field implies, such as a census reference date's year, reaching outside them. */
    public static void requirePeriod(String field, String period, LocalDate from, LocalDate to) {
        if (!calendar().covers(from) || !calendar().covers(to)) {
            throw ProblemException.invalid(field, period + ", " + from + " to " + to
                    + ", lies outside the supported years " + years() + " of the working-day calendar");
        }
    }

    private static WorkingDays calendar() {
        return WorkingDays.englandAndWales();
    }

    private static SupportedYears years() {
        return calendar().supportedYears();
    }
}
