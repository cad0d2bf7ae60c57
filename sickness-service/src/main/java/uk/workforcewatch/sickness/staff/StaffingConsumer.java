package uk.workforcewatch.sickness.staff;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uk.workforcewatch.events.EventJson;
import uk.workforcewatch.events.staffing.TeamEvent;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.events.staffing.WorkerState;

/**
 * Keeps the local copy of staffing's teams and workers. An event is applied only when its version is
 * newer than the one held, in the transaction of the copy's change, so repeats and replays change
 * nothing. A record that cannot be read or applied goes to the dead-letter topic and the consumer carries on.
 */
@ApplicationScoped
public class StaffingConsumer {

    private static final Logger LOG = Logger.getLogger(StaffingConsumer.class);

    @Incoming("staffing-teams")
    public Uni<Void> onTeam(byte[] record) {
        TeamEvent event = EventJson.read(record, TeamEvent.class);
        return Panache.withTransaction(() -> KnownTeam.<KnownTeam>findById(event.aggregateId()).chain(held -> {
            if (held != null && held.staffingVersion >= event.version()) {
                return Uni.createFrom().voidItem();
            }
            KnownTeam team = held != null ? held : new KnownTeam();
            team.id = event.aggregateId();
            team.name = event.team().name();
            team.staffingVersion = event.version();
            return team.persist().replaceWithVoid();
        }));
    }

    @Incoming("staffing-workers")
    public Uni<Void> onWorker(byte[] record) {
        WorkerEvent event = EventJson.read(record, WorkerEvent.class);
        // the row lock first: an absence command on the same worker may be writing its status
        return Panache.withTransaction(() -> RowLock.lockAndLoad(event.aggregateId()).chain(held -> {
            if (held != null && held.staffingVersion >= event.version()) {
                return Uni.createFrom().voidItem();
            }
            KnownWorker worker = held != null ? held : new KnownWorker();
            copy(event, worker);
            LOG.infof("Applied %s worker=%s version=%d", event.type(), worker.id, event.version());
            return worker.persist().replaceWithVoid();
        })).onFailure().invoke(e -> LOG.warnf(e, "Could not apply %s %s version %d: to the dead-letter topic",
                event.type(), event.aggregateId(), event.version()));
    }

    private static void copy(WorkerEvent event, KnownWorker worker) {
        WorkerState state = event.worker();
        worker.id = event.aggregateId();
        worker.teamId = state.teamId();
        worker.startDate = state.startDate();
        worker.leftOn = state.leftOn();
        worker.staffingVersion = event.version();
        worker.periods.clear();
        if (state.history() == null || state.history().isEmpty()) {
            // a producer that sends no history: what is current is all there is to know
            worker.periods.add(new StaffPeriod(new WorkerPeriod(state.startDate(), state.role(), state.teamId(),
                    state.fte(), state.postId())));
        } else {
            state.history().forEach(period -> worker.periods.add(new StaffPeriod(period)));
        }
    }
}
