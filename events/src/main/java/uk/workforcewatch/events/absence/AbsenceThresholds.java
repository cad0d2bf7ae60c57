package uk.workforcewatch.events.absence;

/**
 * The absence thresholds sickness-service judges absence by, carried on every absence event it publishes so that
 * consumers (the gateway's rules) judge by the same ones instead of configuring copies. Sickness-service's
 * configuration owns them.
 *
 * @param longTermAfterDays                   an episode is long-term from this many calendar days
 * @param bradfordTrigger                     a Bradford factor at or above this has reached the trigger
 * @param returnInterviewDueWithinWorkingDays a return-to-work interview is due within this many working days
 *                                            after the return day; later it is overdue
 */
public record AbsenceThresholds(int longTermAfterDays, int bradfordTrigger, int returnInterviewDueWithinWorkingDays) {
}
