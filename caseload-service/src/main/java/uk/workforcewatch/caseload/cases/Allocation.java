package uk.workforcewatch.caseload.cases;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of who holds a case: the allocation history. An allocation that broke a limit on a senior
 * manager's say records the limits it broke and why.
 */
@Entity
@Table(name = "allocation")
public class Allocation extends PanacheEntityBase {

    public enum Change {
        ALLOCATED,
        REALLOCATED,
        UNALLOCATED,
        /** Unallocated because the worker's leaving date came. */
        WORKER_LEFT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID caseId;

    /** The worker who holds the case from now on; empty when it became unallocated. */
    public UUID workerId;

    @Enumerated(EnumType.STRING)
    public Change change;

    public Instant recordedAt;

    /** Who made the change (the token's name), or {@code system} for a leaver's cases. */
    public String recordedBy;

    /** Why a senior manager let the allocation break a limit. */
    public String overrideReason;

    /** The limits the allocation broke, with their figures. */
    public String overridden;

    static Allocation of(Case kase, Change change, Instant at, String by) {
        Allocation allocation = new Allocation();
        allocation.caseId = kase.id;
        allocation.workerId = kase.workerId;
        allocation.change = change;
        allocation.recordedAt = at;
        allocation.recordedBy = by;
        return allocation;
    }
}
