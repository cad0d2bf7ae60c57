package uk.workforcewatch.staffing.workers;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.OptimisticLock;
import uk.workforcewatch.events.staffing.CareerStage;
import uk.workforcewatch.events.staffing.CensusRole;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.LeaverDestination;
import uk.workforcewatch.events.staffing.LeavingReason;
import uk.workforcewatch.events.staffing.Qualification;
import uk.workforcewatch.events.staffing.QualificationLevel;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.StartOrigin;
import uk.workforcewatch.events.staffing.WorkerState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A worker employed from {@code startDate} to {@code leftOn} (the last day, inclusive). Role, team,
 * FTE and post change over time: {@link #periods} holds them all, oldest first, so any of them is
 * known as of any date.
 */
@Entity
@Table(name = "worker")
public class Worker extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The council's own key for the worker, from its HR system; empty for one hired without. */
    public String staffNumber;

    public String name;

    @Enumerated(EnumType.STRING)
    public Employment employment;

    public LocalDate startDate;

    /** As HR entered it, well-formed or not: the census return's quality report flags a malformed one. */
    public String registrationNumber;

    @Enumerated(EnumType.STRING)
    public StartOrigin origin;

    public LocalDate leftOn;

    @Enumerated(EnumType.STRING)
    public LeavingReason leavingReason;

    @Enumerated(EnumType.STRING)
    public LeaverDestination leavingDestination;

    public String qualificationInstitution;

    @Enumerated(EnumType.STRING)
    public QualificationLevel qualificationLevel;

    /** Only where the census role differs from what the role implies. */
    @Enumerated(EnumType.STRING)
    public CensusRole censusRole;

    @Enumerated(EnumType.STRING)
    public CareerStage careerStage;

    @Version
    public long version;

    /**
     * The day the values published as current were in force. Bookkeeping only: it changes no version
     * of the worker.
     */
    @OptimisticLock(excluded = true)
    public LocalDate publishedAsOf;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "worker_period", joinColumns = @JoinColumn(name = "worker_id"))
    @OrderBy("effectiveFrom")
    public List<Period> periods = new ArrayList<>();

    /** Employed on the date: started and not yet past the last day. */
    public boolean employedOn(LocalDate date) {
        return !date.isBefore(startDate) && (leftOn == null || !date.isAfter(leftOn));
    }

    /** The period in force on the date; empty before the start date. */
    public Optional<Period> periodOn(LocalDate date) {
        Period found = null;
        for (Period period : periods) {
            if (period.effectiveFrom.isAfter(date)) {
                break;
            }
            found = period;
        }
        return Optional.ofNullable(found);
    }

    /** What is in force today, or the first period for a worker who has not started yet. */
    public Period current(LocalDate today) {
        return periodOn(today).orElse(periods.get(0));
    }

    /** Status on the date: not started yet, employed, or left. */
    public WorkerStatus statusOn(LocalDate date) {
        if (date.isBefore(startDate)) {
            return WorkerStatus.STARTING;
        }
        return employedOn(date) ? WorkerStatus.ACTIVE : WorkerStatus.LEFT;
    }

    /**
     * Records a change from {@code from} on: the values not named stay as they were on that date. A change
     * on the first day of an existing period replaces that period's values.
     */
    void change(LocalDate from, Role role, UUID teamId, BigDecimal fte, UUID postId, boolean clearPost) {
        Period before = periodOn(from).orElseThrow();
        Period next = new Period(from,
                role != null ? role : before.role,
                teamId != null ? teamId : before.teamId,
                fte != null ? fte : before.fte,
                clearPost ? null : postId != null ? postId : before.postId);
        periods.removeIf(period -> period.effectiveFrom.equals(from));
        periods.add(next);
        periods.sort((a, b) -> a.effectiveFrom.compareTo(b.effectiveFrom));
    }

    /** Where and at what level the worker qualified; empty when not recorded. */
    public Qualification qualification() {
        return qualificationLevel == null ? null : new Qualification(qualificationInstitution, qualificationLevel);
    }

    void qualification(Qualification qualification) {
        qualificationInstitution = qualification.institution();
        qualificationLevel = qualification.level();
    }

    /** The worker as of the day: the values in force then, and every period. */
    public WorkerState state(LocalDate asOf) {
        Period now = current(asOf);
        return new WorkerState(id, staffNumber, name, now.role, now.teamId, now.fte, now.postId, employment, startDate,
                registrationNumber, origin, leftOn, leavingReason, leavingDestination, qualification(), censusRole,
                careerStage, periods.stream().map(Period::state).toList(), asOf);
    }
}
