package uk.workforcewatch.events.absence;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Whether a worker is absent, as of the day it was published: {@code since} is the first day of the
 * episode that keeps them away and {@code episodeId} names it; both empty when the worker is not absent.
 */
public record WorkerAbsenceState(UUID workerId, UUID teamId, boolean absent, LocalDate since, UUID episodeId) {
}
