package uk.workforcewatch.events.staffing;

import uk.workforcewatch.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A change of a post, with its full new state. Published to {@link StaffingTopics#POSTS}. */
public record PostEvent(UUID eventId, String type, UUID aggregateId, long version, Instant occurredAt, PostState post)
        implements DomainEvent {

    public static final String ESTABLISHED = "PostEstablished";
    public static final String REMOVED = "PostRemoved";
    public static final String RECRUITMENT_CHANGED = "PostRecruitmentChanged";
    /** The post's team, role, FTE or dates set anew from a council's file, or published again as a date of it comes. */
    public static final String CHANGED = "PostChanged";
}
