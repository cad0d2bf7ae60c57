package uk.workforcewatch.events.staffing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A post of a team's establishment. It exists from {@code establishedOn} to {@code removedOn}
 * (inclusive, empty while it stays). Who fills it is told by the workers' periods, not here. Staffing publishes
 * the post again, one version more, on the day one of its dates comes (its establishment, the day after its removal,
 * a round's milestone), so the latest event is true as of {@code asOf}, the day it was published; empty in events
 * from before it travelled.
 */
public record PostState(UUID id, UUID teamId, Role role, BigDecimal fte, LocalDate establishedOn,
                        LocalDate removedOn, List<RecruitmentState> recruitment, LocalDate asOf) {

    /** A post with no day named, as events from before {@code asOf} travelled read. */
    public PostState(UUID id, UUID teamId, Role role, BigDecimal fte, LocalDate establishedOn, LocalDate removedOn,
                     List<RecruitmentState> recruitment) {
        this(id, teamId, role, fte, establishedOn, removedOn, recruitment, null);
    }
}
