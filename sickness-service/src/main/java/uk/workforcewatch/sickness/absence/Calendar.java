package uk.workforcewatch.sickness.absence;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import uk.workforcewatch.calendar.WorkingDays;

/** The working-day calendar (the calendar module's, the one every service counts with) and the arithmetic on it. */
public class Calendar {

    @Produces
    @Singleton
    WorkingDays workingDays() {
        return WorkingDays.englandAndWales();
    }

    @Produces
    @Singleton
    DaysLost daysLost(WorkingDays workingDays, AbsenceConfig config) {
        return new DaysLost(workingDays, config.longTermAfterDays());
    }
}
