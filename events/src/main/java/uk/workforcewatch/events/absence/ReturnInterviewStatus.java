package uk.workforcewatch.events.absence;

/**
 * Where an episode's return-to-work interview stands on a day. The return day is the day after the last day absent;
 * an interview is in time within sickness-service's {@code returnInterviewDueWithinWorkingDays} working days after it.
 */
public enum ReturnInterviewStatus {
    /** The worker is not back yet: the episode is open, or its last day has not passed. */
    NOT_DUE,
    /** Back, with no interview recorded, and still in time. */
    DUE,
    /** Back, with no interview recorded, and more working days gone than it is due within. */
    OVERDUE,
    /** An interview is recorded. */
    HELD
}
