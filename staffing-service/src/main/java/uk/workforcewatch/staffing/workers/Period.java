package uk.workforcewatch.staffing.workers;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.staffing.api.Fte;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A worker's role, team, FTE and post from {@code effectiveFrom} until the next period starts. */
@Embeddable
public class Period {

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(precision = 7, scale = 6)
    public BigDecimal fte;

    @Column(name = "post_id")
    public UUID postId;

    protected Period() {
    }

    Period(LocalDate effectiveFrom, Role role, UUID teamId, BigDecimal fte, UUID postId) {
        this.effectiveFrom = effectiveFrom;
        this.role = role;
        this.teamId = teamId;
        this.fte = Fte.of(fte);
        this.postId = postId;
    }

    WorkerPeriod state() {
        return new WorkerPeriod(effectiveFrom, role, teamId, fte, postId);
    }
}
