package uk.workforcewatch.sickness.staff;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A worker as staffing-service last published them, with the history of their role, team and FTE, so
 * FTE on any day of an absence is known; and the absence status sickness-service last published for them.
 * Sickness-service never asks staffing-service; this copy is all it knows.
 */
@Entity
@Table(name = "worker")
public class KnownWorker extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The council's own key for the worker, by which its files name them; empty when staffing has none. */
    public String staffNumber;

    /** The team in force when staffing last published the worker. */
    public UUID teamId;

    public LocalDate startDate;

    /** The last day employed; empty while the worker stays. */
    public LocalDate leftOn;

    /** The version of the staffing event applied last; older or repeated events are ignored. */
    public long staffingVersion;

    /** When staffing published the event applied last. */
    public Instant staffingOccurredAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "worker_period", joinColumns = @JoinColumn(name = "worker_id"))
    @OrderBy("effectiveFrom")
    public List<StaffPeriod> periods = new ArrayList<>();

    /** The absence status last published: absent, since when, in which episode. */
    public boolean absent;

    public LocalDate absentSince;

    public UUID absentEpisodeId;

    /** The version of the last absence status published; empty until the first. */
    public Long absenceVersion;

    public boolean employedOn(LocalDate date) {
        return !date.isBefore(startDate) && (leftOn == null || !date.isAfter(leftOn));
    }

    /** The period in force on the date; empty before the first. */
    public Optional<StaffPeriod> periodOn(LocalDate date) {
        StaffPeriod found = null;
        for (StaffPeriod period : periods) {
            if (period.effectiveFrom.isAfter(date)) {
                break;
            }
            found = period;
        }
        return Optional.ofNullable(found);
    }
}
