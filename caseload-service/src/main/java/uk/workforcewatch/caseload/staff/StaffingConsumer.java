package uk.workforcewatch.caseload.staff;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uk.workforcewatch.caseload.caseloads.WorkerCaseloads;
import uk.workforcewatch.caseload.cases.LeaverCases;
import uk.workforcewatch.consuming.Retry;
import uk.workforcewatch.events.EventJson;
import uk.workforcewatch.events.staffing.TeamEvent;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.events.staffing.WorkerState;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps the local copy of staffing's teams and workers. An event is applied only when its version is
 * newer than the one held, in the transaction of the copy's change, so repeats and replays change
 * nothing. A change that fails is tried again with back-off ({@link Retry}); a record that cannot be read, or
 * whose change keeps failing, goes to the dead-letter topic and the consumer carries on. When a worker's limits may have changed their caseload snapshot is published again; when their
 * leaving date has come, their cases are released.
 */
@ApplicationScoped
public class StaffingConsumer {

    private static final Logger LOG = Logger.getLogger(StaffingConsumer.class);

    private final WorkerCaseloads caseloads;
    private final LeaverCases leavers;
    private final Clock clock;
    private final Retry retry;

    StaffingConsumer(WorkerCaseloads caseloads, LeaverCases leavers, Clock clock, Retry retry) {
        this.caseloads = caseloads;
        this.leavers = leavers;
        this.clock = clock;
        this.retry = retry;
    }

    @Incoming("staffing-teams")
    public Uni<Void> onTeam(byte[] record) {
        TeamEvent event = EventJson.read(record, TeamEvent.class);
        return retry.apply(event, () -> Panache.withTransaction(() -> KnownTeam.<KnownTeam>findById(event.aggregateId()).chain(held -> {
            if (held != null && held.staffingVersion >= event.version()) {
                return Uni.createFrom().voidItem();
            }
            KnownTeam team = held != null ? held : new KnownTeam();
            team.id = event.aggregateId();
            team.name = event.team().name();
            team.staffingVersion = event.version();
            return team.persist().replaceWithVoid();
        })));
    }

    @Incoming("staffing-workers")
    public Uni<Void> onWorker(byte[] record) {
        WorkerEvent event = EventJson.read(record, WorkerEvent.class);
        // the row lock first: an allocation may be counting and publishing this worker's caseload at the same time
        return retry.apply(event, () -> Panache.withTransaction(() -> KnownWorker.<KnownWorker>findById(event.aggregateId(),
                LockModeType.PESSIMISTIC_WRITE).chain(held -> {
            if (held != null && held.staffingVersion >= event.version()) {
                return Uni.createFrom().item(false);
            }
            KnownWorker worker = held != null ? held : new KnownWorker();
            copy(event, worker);
            LOG.infof("Applied %s worker=%s version=%d", event.type(), worker.id, event.version());
            return worker.persist().chain(Panache::flush)
                    .chain(() -> KnownPeriod.delete("workerId", worker.id))
                    .chain(() -> KnownPeriod.persist(periods(event)))
                    .chain(() -> caseloads.recountAndPublish(worker))
                    .replaceWith(worker.hasLeftBy(LocalDate.now(clock)));
        })).chain(left -> left ? leavers.release(event.aggregateId()) : Uni.createFrom().voidItem()));
    }

    /** The worker's periods as published; an event without them has the state in force from the start date. */
    private static List<KnownPeriod> periods(WorkerEvent event) {
        WorkerState state = event.worker();
        List<WorkerPeriod> history = state.history() == null || state.history().isEmpty()
                ? List.of(new WorkerPeriod(state.startDate(), state.role(), state.teamId(), state.fte(), state.postId()))
                : state.history();
        return history.stream().map(period -> KnownPeriod.of(event.aggregateId(), period)).toList();
    }

    private static void copy(WorkerEvent event, KnownWorker worker) {
        WorkerState state = event.worker();
        worker.id = event.aggregateId();
        worker.staffNumber = state.staffNumber();
        worker.teamId = state.teamId();
        worker.role = state.role();
        worker.fte = state.fte();
        worker.employment = state.employment();
        worker.startDate = state.startDate();
        worker.leftOn = state.leftOn();
        worker.staffingVersion = event.version();
    }
}
