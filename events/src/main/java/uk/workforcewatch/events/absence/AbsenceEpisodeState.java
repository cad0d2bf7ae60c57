package uk.workforcewatch.events.absence;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An absence episode (spell) as it stands. {@code endDate} is the last day absent, empty while the episode
 * is open; {@code teamId} is the worker's team on the first day. The return-to-work interview fields stay
 * empty until one is recorded.
 *
 * <p>What its dates mean on {@code asOf}, the day it was published (sickness-service publishes the episode again,
 * one version more, on the day any of them changes): {@code longTerm}, lasted sickness-service's
 * {@code longTermAfterDays} calendar days or more, counted to its end or to {@code asOf}; {@code fitNoteNeeded},
 * self-certified and lasted more than {@link #SELF_CERTIFIED_DAYS} calendar days, so a fit note is needed and none is
 * recorded; {@code returnInterview}, where its return-to-work interview stands. {@code asOf} is empty in events from
 * before these travelled, and the three say nothing then.
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
        String returnInterviewBy,
        LocalDate asOf,
        boolean longTerm,
        boolean fitNoteNeeded,
        ReturnInterviewStatus returnInterview) {

    /** The calendar days a worker's own word covers; a fit note is needed after them. */
    public static final int SELF_CERTIFIED_DAYS = 7;

    /** An episode with nothing said of its dates on a day, as events from before {@code asOf} travelled read. */
    public AbsenceEpisodeState(UUID id, UUID workerId, UUID teamId, LocalDate startDate, LocalDate endDate,
                               AbsenceReason reason, Certification certification, LocalDate returnInterviewOn,
                               String returnInterviewBy) {
        this(id, workerId, teamId, startDate, endDate, reason, certification, returnInterviewOn, returnInterviewBy,
                null, false, false, null);
    }
}
