package uk.workforcewatch.events.staffing;

import java.time.LocalDate;
import java.util.UUID;

/** One round of recruitment to a post: the milestones reached so far. */
public record RecruitmentState(UUID id, LocalDate advertisedOn, LocalDate offerMadeOn, LocalDate startsOn,
                               LocalDate withdrawnOn) {
}
