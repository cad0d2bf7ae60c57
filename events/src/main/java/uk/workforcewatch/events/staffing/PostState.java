package uk.workforcewatch.events.staffing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A post of a team's establishment. It exists from {@code establishedOn} to {@code removedOn}
 * (inclusive, empty while it stays). Who fills it is told by the workers' periods, not here.
 */
public record PostState(UUID id, UUID teamId, Role role, BigDecimal fte, LocalDate establishedOn,
                        LocalDate removedOn, List<RecruitmentState> recruitment) {
}
