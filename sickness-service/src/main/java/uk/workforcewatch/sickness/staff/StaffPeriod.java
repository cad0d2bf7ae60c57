package uk.workforcewatch.sickness.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.WorkerPeriod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A worker's role, team and FTE from {@code effectiveFrom} until the next period starts, as staffing published it. */
@Embeddable
public class StaffPeriod {

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(precision = 7, scale = 6)
    public BigDecimal fte;

    protected StaffPeriod() {
    }

    StaffPeriod(WorkerPeriod period) {
        this.effectiveFrom = period.effectiveFrom();
        this.role = period.role();
        this.teamId = period.teamId();
        this.fte = period.fte();
    }
}
