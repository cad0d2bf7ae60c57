package uk.workforcewatch.caseload.staff;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.WorkerPeriod;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A worker's role, team and FTE from a date until the next period starts, as staffing published them: the limits
 * and the team a caseload as of a past date is judged by, and the role a back-dated holding is judged by.
 */
@Entity
@Table(name = "worker_period")
@IdClass(KnownPeriod.Key.class)
public class KnownPeriod extends PanacheEntityBase {

    /** The worker and the day the period starts. */
    public static class Key implements Serializable {
        public UUID workerId;
        public LocalDate effectiveFrom;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(workerId, key.workerId)
                    && Objects.equals(effectiveFrom, key.effectiveFrom);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workerId, effectiveFrom);
        }
    }

    @Id
    public UUID workerId;

    @Id
    public LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    public Role role;

    public UUID teamId;

    @Column(precision = 7, scale = 6)
    public BigDecimal fte;

    /** The role the worker had on the day, from the period then in force; empty before their first. */
    public static Uni<Role> roleOn(UUID workerId, LocalDate day) {
        return KnownPeriod.<KnownPeriod>find("workerId = ?1 and effectiveFrom <= ?2 order by effectiveFrom desc",
                workerId, day).firstResult().map(period -> period == null ? null : period.role);
    }

    static KnownPeriod of(UUID workerId, WorkerPeriod period) {
        KnownPeriod known = new KnownPeriod();
        known.workerId = workerId;
        known.effectiveFrom = period.effectiveFrom();
        known.role = period.role();
        known.teamId = period.teamId();
        known.fte = period.fte();
        return known;
    }
}
