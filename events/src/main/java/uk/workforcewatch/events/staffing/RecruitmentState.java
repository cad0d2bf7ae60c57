package uk.workforcewatch.events.staffing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One round of recruitment to a post: the milestones reached so far, and the days from the offer to the
 * start once both are known ("shortening the line").
 */
public record RecruitmentState(UUID id, LocalDate advertisedOn, LocalDate offerMadeOn, LocalDate startsOn,
                               LocalDate withdrawnOn, Long daysFromOfferToStart) {
}
