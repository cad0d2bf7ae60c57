package uk.workforcewatch.gateway.rules;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import uk.workforcewatch.calendar.WorkingDays;

/** The working-day calendar of the rules: the configured bank holidays, else those of England and Wales. */
public class Calendar {

    @Produces
    @Singleton
    WorkingDays workingDays(RulesConfig config) {
        return new WorkingDays(config.bankHolidays().orElse(WorkingDays.ENGLAND_AND_WALES));
    }
}
