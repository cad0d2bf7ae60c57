package uk.workforcewatch.events.absence;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An absence episode (spell) as it stands. {@code endDate} is the last day absent, empty while the episode
 * is open; {@code teamId} is the worker's team on the first day. The return-to-work interview fields stay
 * empty until one is recorded.
 */
public record AbsenceEpisodeState(
        UUID id,
        UUID workerId,
        UUID teamId,
        LocalDate startDate,
        LocalDate endDate,
        AbsenceReason reason,
        Certification certification,
        LocalDate returnInterviewOn,
        String returnInterviewBy) {
}
