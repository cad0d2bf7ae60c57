package uk.workforcewatch.events.staffing;

import uk.workforcewatch.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A change of a team, with its full new state. Published to {@link StaffingTopics#TEAMS}. */
public record TeamEvent(UUID eventId, String type, UUID aggregateId, long version, Instant occurredAt, TeamState team)
        implements DomainEvent {

    public static final String CREATED = "TeamCreated";
    public static final String CHANGED = "TeamChanged";
}
