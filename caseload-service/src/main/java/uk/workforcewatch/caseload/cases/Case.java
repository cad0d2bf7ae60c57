package uk.workforcewatch.caseload.cases;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.workforcewatch.events.caseload.CaseAllocation;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseState;
import uk.workforcewatch.events.caseload.CaseStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A child (or sibling group) known by a pseudonymous reference, owned by a team, held by a worker or not. Who held
 * it when is its allocation history ({@link Allocation}); the row keeps what follows from the history's latest change.
 */
@Entity
@Table(name = "case_file")
public class Case extends PanacheEntityBase {

    @Id
    public UUID id;

    public String reference;

    /** The category in force today; its history is {@link CaseCategoryChange}. */
    @Enumerated(EnumType.STRING)
    public CaseCategory category;

    public UUID teamId;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    /** The worker who holds the case; empty while it is unallocated. A closed case keeps its last holder. */
    public UUID workerId;

    public LocalDate openedOn;

    /** When the case last became unallocated; empty while a worker holds it. */
    public Instant unallocatedSince;

    public LocalDate closedOn;

    public String closeReason;

    /** How many workers have held the case, for continuity: one who holds it again counts once. */
    public int workersSoFar;

    /** The date the latest change of who holds the case took effect (its opening before the first): none may be dated earlier. */
    public LocalDate changedOn;

    @Version
    public long version;

    public boolean isOpen() {
        return status == CaseStatus.OPEN;
    }

    /** The case as published, with who held it when. */
    public CaseState state(List<CaseAllocation> holdings) {
        return new CaseState(id, reference, category, teamId, status, workerId, openedOn, unallocatedSince, closedOn,
                closeReason, workersSoFar, holdings);
    }

    /** The latest change in force made the worker (or nobody) hold the case from the date; since is when it became waiting. */
    void heldBy(UUID worker, LocalDate effectiveOn, Instant since) {
        workerId = worker;
        changedOn = effectiveOn;
        unallocatedSince = worker == null ? since : null;
    }

    void close(LocalDate on, String reason) {
        status = CaseStatus.CLOSED;
        closedOn = on;
        closeReason = reason;
    }
}
