package uk.workforcewatch.staffing.workers;

/** Where a worker stands on a date. */
public enum WorkerStatus {
    /** Hired with a start date still to come. */
    STARTING,
    ACTIVE,
    /** Past their last day. */
    LEFT
}
