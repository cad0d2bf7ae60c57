package uk.workforcewatch.calendar;

import java.time.LocalDate;

/**
 * A date the calendar was asked about lies outside the years it knows. Thrown instead of answering, since a
 * count over a year whose bank holidays it does not know would be silently wrong.
 */
public class DateOutsideCalendarException extends RuntimeException {

    private final LocalDate date;
    private final SupportedYears supportedYears;

    public DateOutsideCalendarException(LocalDate date, SupportedYears supportedYears) {
        super(date + " lies outside the working-day calendar of England and Wales, which knows the supported years "
                + supportedYears + " only");
        this.date = date;
        this.supportedYears = supportedYears;
    }

    public LocalDate date() {
        return date;
    }

    public SupportedYears supportedYears() {
        return supportedYears;
    }
}
