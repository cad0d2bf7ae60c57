package uk.workforcewatch.gateway.audit;

/** The decisions the gateway writes to its audit log. */
public enum AuditAction {
    /** A senior manager allocated a case past a caseload limit, with a reason. */
    LIMIT_OVERRIDE,
    ALERT_ACKNOWLEDGED,
    SILENCE_SET,
    SILENCE_ENDED,
    /** Someone read one worker's absence record (an episode, or the worker's list of episodes). */
    ABSENCE_RECORD_READ,
    /** Someone produced the census return, which carries each worker's sickness absence in the year. */
    CENSUS_RETURN_PRODUCED
}
