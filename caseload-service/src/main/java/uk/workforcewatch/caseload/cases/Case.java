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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A child (or sibling group) known by a pseudonymous reference, owned by a team, held by a worker or not. */
@Entity
@Table(name = "case_file")
public class Case extends PanacheEntityBase {

    @Id
    public UUID id;

    public String reference;

    @Enumerated(EnumType.STRING)
    public CaseCategory category;

    public UUID teamId;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    /** The worker who holds the case; empty while it is unallocated. */
    public UUID workerId;

    public LocalDate openedOn;

    /** When the case last became unallocated; empty while a worker holds it. */
    public Instant unallocatedSince;

    public LocalDate closedOn;

    public String closeReason;

    /** How many workers have held the case, for continuity: one who holds it again counts once. */
    public int workersSoFar;

    @Version
    public long version;

    /** Who has held the case and when, oldest first, as JSON: published with every snapshot. */
    String holdings = "[]";

    public boolean isOpen() {
        return status == CaseStatus.OPEN;
    }

    public CaseState state() {
        return new CaseState(id, reference, category, teamId, status, workerId, openedOn, unallocatedSince, closedOn,
                closeReason, workersSoFar, allocations());
    }

    public List<CaseAllocation> allocations() {
        return Holdings.read(holdings);
    }

    /** The worker holds the case from now on: whoever held it until now stops at the same moment. */
    void holdBy(UUID worker, Instant time) {
        Instant at = stored(time);
        List<CaseAllocation> held = ended(at);
        held.add(new CaseAllocation(worker, at, null));
        holdings = Holdings.write(held);
        workersSoFar = (int) held.stream().map(CaseAllocation::workerId).distinct().count();
        workerId = worker;
        unallocatedSince = null;
    }

    /** Nobody holds the case from now on. */
    void release(Instant time) {
        Instant at = stored(time);
        holdings = Holdings.write(ended(at));
        workerId = null;
        unallocatedSince = at;
    }

    /** The case is closed: its holding ends now, though it keeps the name of the worker who held it last. */
    void close(LocalDate on, String reason, Instant time) {
        holdings = Holdings.write(ended(stored(time)));
        status = CaseStatus.CLOSED;
        closedOn = on;
        closeReason = reason;
    }

    /** A time as the database keeps it (to the microsecond), so that the holdings and the row always agree. */
    private static Instant stored(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    private List<CaseAllocation> ended(Instant at) {
        List<CaseAllocation> held = new ArrayList<>(allocations());
        held.replaceAll(allocation -> allocation.endedAt() == null
                ? new CaseAllocation(allocation.workerId(), allocation.allocatedAt(), at) : allocation);
        return held;
    }
}
