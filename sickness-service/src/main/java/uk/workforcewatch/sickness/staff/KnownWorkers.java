package uk.workforcewatch.sickness.staff;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.events.staffing.WorkerState;
import uk.workforcewatch.replica.WorkerReplica;

import java.util.UUID;

/**
 * Sickness-service's copy of staffing's workers, kept by the shared staffing consumer: the worker with the history of
 * their role, team and FTE in the worker's own collection, so that FTE on any day of an absence is known.
 */
@ApplicationScoped
class KnownWorkers implements WorkerReplica<KnownWorker> {

    /** Read once the row is locked, so the periods it loads are the latest. */
    @Override
    public Uni<KnownWorker> find(UUID id) {
        return KnownWorker.findById(id);
    }

    @Override
    public Uni<KnownWorker> apply(KnownWorker held, WorkerEvent event, String staffNumber) {
        KnownWorker worker = held != null ? held : new KnownWorker();
        WorkerState state = event.worker();
        worker.id = event.aggregateId();
        worker.staffNumber = staffNumber;
        worker.teamId = state.teamId();
        worker.startDate = state.startDate();
        worker.leftOn = state.leftOn();
        worker.staffingVersion = event.version();
        worker.staffingOccurredAt = event.occurredAt();
        worker.periods.clear();
        WorkerReplica.periods(state).forEach(period -> worker.periods.add(new StaffPeriod(period)));
        return worker.persist();
    }
}
