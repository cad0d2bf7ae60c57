package uk.workforcewatch.gateway.rules;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import uk.workforcewatch.calendar.WorkingDays;

/** The working-day calendar of the rules and the census: the calendar module's, the one every service counts with. */
public class Calendar {

    @Produces
    @Singleton
    WorkingDays workingDays() {
        return WorkingDays.englandAndWales();
    }
}
