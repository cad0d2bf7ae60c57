package uk.workforcewatch.caseload.staff;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import uk.workforcewatch.caseload.caseloads.WorkerCaseloads;
import uk.workforcewatch.caseload.cases.LeaverCases;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.events.staffing.WorkerState;
import uk.workforcewatch.replica.WorkerReplica;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Caseload-service's copy of staffing's workers, kept by the shared staffing consumer: the worker as they stand, and
 * their periods in a table of their own. When a worker's limits may have changed their caseload snapshot is published
 * again; when their leaving date has come, their cases are released.
 */
@ApplicationScoped
class KnownWorkers implements WorkerReplica<KnownWorker> {

    private final WorkerCaseloads caseloads;
    private final LeaverCases leavers;
    private final Clock clock;

    KnownWorkers(WorkerCaseloads caseloads, LeaverCases leavers, Clock clock) {
        this.caseloads = caseloads;
        this.leavers = leavers;
        this.clock = clock;
    }

    /** The row is locked already; read with the lock mode, which publishing a caseload snapshot asks for. */
    @Override
    public Uni<KnownWorker> find(UUID id) {
        return KnownWorker.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public Uni<KnownWorker> apply(KnownWorker held, WorkerEvent event, String staffNumber) {
        KnownWorker worker = held != null ? held : new KnownWorker();
        WorkerState state = event.worker();
        worker.id = event.aggregateId();
        worker.staffNumber = staffNumber;
        worker.teamId = state.teamId();
        worker.role = state.role();
        worker.fte = state.fte();
        worker.employment = state.employment();
        worker.startDate = state.startDate();
        worker.leftOn = state.leftOn();
        worker.staffingVersion = event.version();
        worker.staffingOccurredAt = event.occurredAt();
        // the worker's row first: their periods refer to it
        return worker.persist().chain(Panache::flush)
                .chain(() -> KnownPeriod.delete("workerId", worker.id))
                .chain(() -> KnownPeriod.persist(WorkerReplica.periods(state).stream()
                        .map(period -> KnownPeriod.of(worker.id, period))))
                .chain(() -> caseloads.recountAndPublish(worker))
                .replaceWith(worker);
    }

    /** A leaver's cases go once their leaving date has come, each case locked before the worker, as allocations do. */
    @Override
    public Uni<Void> committed(KnownWorker worker) {
        return worker.hasLeftBy(LocalDate.now(clock)) ? leavers.release(worker.id) : Uni.createFrom().voidItem();
    }
}
