package uk.workforcewatch.caseload.cases;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseState;
import uk.workforcewatch.events.caseload.CaseStatus;

import java.time.Instant;
import java.time.LocalDate;
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

    /** How many allocations the case has had: every change of worker counts, for continuity. */
    public int workersSoFar;

    @Version
    public long version;

    public boolean isOpen() {
        return status == CaseStatus.OPEN;
    }

    public CaseState state() {
        return new CaseState(id, reference, category, teamId, status, workerId, openedOn, unallocatedSince, closedOn,
                closeReason, workersSoFar);
    }
}
