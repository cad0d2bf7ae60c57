package uk.workforcewatch.sickness.absence;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.absence.AbsenceThresholds;

/**
 * The working-day calendar (the calendar module's, the one every service counts with), the arithmetic on it, and
 * the absence thresholds from the configuration, which this service owns and publishes on its events.
 */
public class Calendar {

    @Produces
    @Singleton
    WorkingDays workingDays() {
        return WorkingDays.englandAndWales();
    }

    @Produces
    @Singleton
    AbsenceThresholds thresholds(AbsenceConfig config) {
        return new AbsenceThresholds(config.longTermAfterDays(), config.bradfordTrigger(),
                config.returnInterviewDueWithinDays());
    }

    @Produces
    @Singleton
    DaysLost daysLost(WorkingDays workingDays, AbsenceConfig config) {
        return new DaysLost(workingDays, config.longTermAfterDays());
    }
}
