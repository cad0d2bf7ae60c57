package uk.workforcewatch.sickness.trends;

import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.Certification;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An absence episode as the figures need it: whose, the team it belongs to (the worker's on its first day),
 * its first and last day ({@code endDate} empty while open), reason, certification and return-to-work interview.
 */
public record Spell(UUID id, UUID workerId, UUID teamId, LocalDate startDate, LocalDate endDate,
                    AbsenceReason reason, Certification certification, LocalDate returnInterviewOn) {

    /** The last day counted when asking about {@code asOf}: the end, or {@code asOf} when that comes first or it is open. */
    public LocalDate lastCountedBy(LocalDate asOf) {
        return endDate == null || asOf.isBefore(endDate) ? asOf : endDate;
    }
}
