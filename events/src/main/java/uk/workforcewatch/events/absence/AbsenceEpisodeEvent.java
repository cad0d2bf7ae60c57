package uk.workforcewatch.events.absence;

import uk.workforcewatch.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of an absence episode, with its full new state and the thresholds in force when it was published
 * ({@code thresholds} empty in events from before they travelled). Published to {@link AbsenceTopics#EPISODES}.
 */
public record AbsenceEpisodeEvent(UUID eventId, String type, UUID aggregateId, long version, Instant occurredAt,
                                  AbsenceEpisodeState episode, AbsenceThresholds thresholds) implements DomainEvent {

    public static final String STARTED = "AbsenceStarted";
    /** The reason or certification corrected, or the episode published again as a day changes what its dates mean. */
    public static final String CHANGED = "AbsenceChanged";
    public static final String ENDED = "AbsenceEnded";
    public static final String RETURN_INTERVIEW_RECORDED = "ReturnInterviewRecorded";
}
