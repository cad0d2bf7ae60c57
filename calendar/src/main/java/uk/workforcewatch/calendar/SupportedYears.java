package uk.workforcewatch.calendar;

import java.time.LocalDate;

/** The years a calendar knows, both included: it answers for their dates and refuses every other. */
public record SupportedYears(int first, int last) {

    public SupportedYears {
        if (last < first) {
            throw new IllegalArgumentException("the last year " + last + " is before the first " + first);
        }
    }

    public boolean contains(int year) {
        return year >= first && year <= last;
    }

    public boolean contains(LocalDate day) {
        return contains(day.getYear());
    }

    /** As people say it, such as {@code 2018 to 2030}. */
    @Override
    public String toString() {
        return first + " to " + last;
    }
}
