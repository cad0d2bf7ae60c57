package uk.workforcewatch.sickness.trends;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.sickness.absence.AbsenceConfig;

/** The calculators of "what HR asks", from the configuration. */
public class Calculators {

    @Produces
    @Singleton
    AbsenceTrends absenceTrends(WorkingDays workingDays, AbsenceConfig config) {
        return new AbsenceTrends(workingDays, config.longTermAfterDays());
    }

    @Produces
    @Singleton
    BradfordFactors bradfordFactors(WorkingDays workingDays) {
        return new BradfordFactors(workingDays);
    }

    @Produces
    @Singleton
    ReturnInterviews returnInterviews(WorkingDays workingDays, AbsenceConfig config) {
        return new ReturnInterviews(workingDays, config.returnInterviewDueWithinDays());
    }
}
