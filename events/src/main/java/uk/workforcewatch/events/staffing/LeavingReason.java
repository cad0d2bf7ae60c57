package uk.workforcewatch.events.staffing;

/** Why a worker left, in the census's terms. */
public enum LeavingReason {
    RESIGNATION,
    RETIREMENT,
    END_OF_CONTRACT,
    DISMISSAL,
    REDUNDANCY,
    DEATH,
    OTHER,
    NOT_KNOWN
}
