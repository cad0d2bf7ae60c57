package uk.workforcewatch.replica;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uk.workforcewatch.consuming.Retry;
import uk.workforcewatch.events.EventJson;
import uk.workforcewatch.events.staffing.TeamEvent;
import uk.workforcewatch.events.staffing.WorkerEvent;

/**
 * Keeps a service's copy of staffing's teams and workers, for every service that keeps one: the one consumer of
 * {@code staffing-teams} and {@code staffing-workers}. An event is applied only when its version is newer than the one
 * held, in the transaction of the copy's change and under the worker's row lock, so repeats and replays change nothing
 * and the service's own commands on a worker take turns with staffing's changes. A change that fails is tried again
 * with back-off ({@link Retry}); a record that cannot be read, or whose change keeps failing, goes to the dead-letter
 * topic and the consumer carries on. What the copy of a worker is, the service says ({@link WorkerReplica}).
 */
@ApplicationScoped
public class StaffingConsumer {

    private static final Logger LOG = Logger.getLogger(StaffingConsumer.class);

    private final WorkerReplica<?> workers;
    private final Retry retry;

    StaffingConsumer(WorkerReplica<?> workers, Retry retry) {
        this.workers = workers;
        this.retry = retry;
    }

    @Incoming("staffing-teams")
    public Uni<Void> onTeam(byte[] record) {
        TeamEvent event = EventJson.read(record, TeamEvent.class);
        return retry.apply(event, () -> Panache.withTransaction(() -> ReplicaRows.applyTeam(event)))
                .onFailure().invoke(e -> LOG.warnf(e, "Could not apply %s %s version %d: to the dead-letter topic",
                        event.type(), event.aggregateId(), event.version()));
    }

    @Incoming("staffing-workers")
    public Uni<Void> onWorker(byte[] record) {
        WorkerEvent event = EventJson.read(record, WorkerEvent.class);
        return apply(workers, event).onFailure().invoke(e -> LOG.warnf(e,
                "Could not apply %s %s version %d: to the dead-letter topic", event.type(), event.aggregateId(),
                event.version()));
    }

    private <W> Uni<Void> apply(WorkerReplica<W> replica, WorkerEvent event) {
        return retry.apply(event, () -> Panache.withTransaction(() -> ReplicaRows.lockWorker(event.aggregateId())
                        .chain(held -> {
                            if (held != null && held >= event.version()) {
                                return Uni.createFrom().<W>nullItem();
                            }
                            return ReplicaRows.claimStaffNumber(event).chain(staffNumber -> (held == null
                                            ? Uni.createFrom().<W>nullItem() : replica.find(event.aggregateId()))
                                    .chain(copy -> replica.apply(copy, event, staffNumber)))
                                    .invoke(() -> LOG.infof("Applied %s worker=%s version=%d", event.type(),
                                            event.aggregateId(), event.version()));
                        })))
                .chain(applied -> applied == null ? Uni.createFrom().voidItem() : replica.committed(applied));
    }
}
