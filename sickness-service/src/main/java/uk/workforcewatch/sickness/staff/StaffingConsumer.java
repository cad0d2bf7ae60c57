package uk.workforcewatch.sickness.staff;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uk.workforcewatch.consuming.Retry;
import uk.workforcewatch.events.EventJson;
import uk.workforcewatch.events.staffing.TeamEvent;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.events.staffing.WorkerState;

import java.time.ZoneOffset;

/**
 * Keeps the local copy of staffing's teams and workers. An event is applied only when its version is
 * newer than the one held, in the transaction of the copy's change, so repeats and replays change
 * nothing. A change that fails is tried again with back-off ({@link Retry}); a record that cannot be read, or whose
 * change keeps failing, goes to the dead-letter topic and the consumer carries on.
 */
@ApplicationScoped
public class StaffingConsumer {

    private static final Logger LOG = Logger.getLogger(StaffingConsumer.class);

    private final Retry retry;

    StaffingConsumer(Retry retry) {
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
        // the row lock first: an absence command on the same worker may be writing its status
        return retry.apply(event, () -> Panache.withTransaction(() -> RowLock.lockAndLoad(event.aggregateId()).chain(held -> {
            if (held != null && held.staffingVersion >= event.version()) {
                return Uni.createFrom().voidItem();
            }
            KnownWorker worker = held != null ? held : new KnownWorker();
            return staffNumber(event).chain(staffNumber -> {
                copy(event, staffNumber, worker);
                LOG.infof("Applied %s worker=%s version=%d", event.type(), worker.id, event.version());
                return worker.persist().replaceWithVoid();
            });
        }))).onFailure().invoke(e -> LOG.warnf(e, "Could not apply %s %s version %d: to the dead-letter topic",
                event.type(), event.aggregateId(), event.version()));
    }

    /**
     * The staff number the worker takes. Staffing gives a number to one worker at a time, but two workers' events
     * arrive in any order: when another worker here holds the number, the claim published later wins. The other's
     * older claim is cleared (their event giving it up is still to come), or, the other's being newer, this worker
     * goes without for now (their own later event brings the number they have since).
     */
    private static Uni<String> staffNumber(WorkerEvent event) {
        String number = event.worker().staffNumber();
        if (number == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("update worker set staff_number = null"
                        + " where staff_number = :number and id <> :id"
                        + " and (staffing_occurred_at is null or staffing_occurred_at <= :occurredAt)")
                .setParameter("number", number).setParameter("id", event.aggregateId())
                .setParameter("occurredAt", event.occurredAt().atOffset(ZoneOffset.UTC)).executeUpdate()
                .chain(() -> session.createNativeQuery("select count(*) from worker where staff_number = :number"
                                + " and id <> :id", Long.class)
                        .setParameter("number", number).setParameter("id", event.aggregateId()).getSingleResult())
                .map(newer -> {
                    if (newer > 0) {
                        LOG.infof("Staff number of worker=%s version=%d held by a newer claim: left empty",
                                event.aggregateId(), event.version());
                        return null;
                    }
                    return number;
                }));
    }

    private static void copy(WorkerEvent event, String staffNumber, KnownWorker worker) {
        WorkerState state = event.worker();
        worker.id = event.aggregateId();
        worker.staffNumber = staffNumber;
        worker.teamId = state.teamId();
        worker.startDate = state.startDate();
        worker.leftOn = state.leftOn();
        worker.staffingVersion = event.version();
        worker.staffingOccurredAt = event.occurredAt();
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
