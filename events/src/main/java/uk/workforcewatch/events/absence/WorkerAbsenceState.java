package uk.workforcewatch.events.absence;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Whether a worker is absent, as of {@code asOf}, the day it was published: {@code since} is the first day of the
 * episode that keeps them away and {@code episodeId} names it; both empty when the worker is not absent.
 * {@code workingDaysAbsent} counts the working days from {@code since} to {@code asOf}, both included (0 when not
 * absent): sickness-service publishes the status again, one version more, on each working day it grows, as well as
 * on the day an episode starts or the day after one ends. {@code asOf} is empty in events from before it travelled.
 */
public record WorkerAbsenceState(UUID workerId, UUID teamId, boolean absent, LocalDate since, UUID episodeId,
                                 LocalDate asOf, int workingDaysAbsent) {

    /** A status with no day named, as events from before {@code asOf} travelled read. */
    public WorkerAbsenceState(UUID workerId, UUID teamId, boolean absent, LocalDate since, UUID episodeId) {
        this(workerId, teamId, absent, since, episodeId, null, 0);
    }
}
