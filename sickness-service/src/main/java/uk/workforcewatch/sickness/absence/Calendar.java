package uk.workforcewatch.sickness.absence;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import uk.workforcewatch.calendar.WorkingDays;

/** The working-day calendar and the arithmetic built on it, from the configuration. */
public class Calendar {

    @Produces
    @Singleton
    WorkingDays workingDays(AbsenceConfig config) {
        return new WorkingDays(config.bankHolidays().orElse(WorkingDays.ENGLAND_AND_WALES));
    }

    @Produces
    @Singleton
    DaysLost daysLost(WorkingDays workingDays, AbsenceConfig config) {
        return new DaysLost(workingDays, config.longTermAfterDays());
    }
}
