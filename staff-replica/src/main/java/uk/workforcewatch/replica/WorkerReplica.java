package uk.workforcewatch.replica;

import io.smallrye.mutiny.Uni;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.events.staffing.WorkerState;

import java.util.List;
import java.util.UUID;

/**
 * A service's copy of staffing's workers: how the service keeps one is its own (its entity, its periods); how
 * staffing's events reach it is {@link StaffingConsumer}'s. The copy's table is {@code worker}, with at least the
 * columns {@link ReplicaRows} names. One bean of the service implements it.
 *
 * @param <W> the service's entity for a worker
 */
public interface WorkerReplica<W> {

    /** The copy of the worker, read once the consumer holds their row lock, so what it reads is the latest. */
    Uni<W> find(UUID id);

    /**
     * Makes the copy ({@code held} is null for a worker new here) or updates it from the event's state, and persists
     * it, in the consumer's transaction: with {@code staffNumber} as the worker may take it (empty while another
     * worker's newer claim holds it), the event's version as {@code staffing_version} and its {@code occurredAt} as
     * {@code staffing_occurred_at}; and does whatever else the service must do in that transaction when a worker
     * changes.
     */
    Uni<W> apply(W held, WorkerEvent event, String staffNumber);

    /** What the service does once a change has committed, outside its transaction and retries; nothing by default. */
    default Uni<Void> committed(W worker) {
        return Uni.createFrom().voidItem();
    }

    /**
     * The periods of role, team and FTE a copy keeps: the event's history, or, from a producer that sends none, what
     * is current in force from the start date, as that is all there is to know.
     */
    static List<WorkerPeriod> periods(WorkerState state) {
        if (state.history() == null || state.history().isEmpty()) {
            return List.of(new WorkerPeriod(state.startDate(), state.role(), state.teamId(), state.fte(),
                    state.postId()));
        }
        return state.history();
    }
}
