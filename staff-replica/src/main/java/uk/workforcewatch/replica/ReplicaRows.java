package uk.workforcewatch.replica;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;
import uk.workforcewatch.events.staffing.TeamEvent;
import uk.workforcewatch.events.staffing.WorkerEvent;

import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The columns every copy of staffing's teams and workers has, whatever else a service keeps beside them, and the
 * statements the consumer runs on them in the session's transaction:
 * {@code team (id uuid primary key, name text, staffing_version bigint)} and
 * {@code worker (id uuid primary key, staff_number text, staffing_version bigint, staffing_occurred_at timestamptz)}.
 */
public final class ReplicaRows {

    private static final Logger LOG = Logger.getLogger(ReplicaRows.class);

    private ReplicaRows() {
    }

    /**
     * Waits for the worker's row lock, held to the end of the transaction, before anything of the worker is read, so
     * that everything about one worker (staffing's changes, the service's own commands) takes turns. (Locking while
     * reading an entity could leave what it loads in further statements, such as its periods, read before the lock.)
     * The item is the version of staffing's event the copy holds, or null when no worker has the id.
     */
    public static Uni<Long> lockWorker(UUID id) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("select staffing_version from worker where id = :id for update", Long.class)
                        .setParameter("id", id).getResultList())
                .map(versions -> versions.isEmpty() ? null : versions.get(0));
    }

    /** The team as the event has it, in one statement, unless the copy holds that version or a newer one already. */
    static Uni<Void> applyTeam(TeamEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into team (id, name,"
                        + " staffing_version) values (:id, :name, :version) on conflict (id) do update"
                        + " set name = excluded.name, staffing_version = excluded.staffing_version"
                        + " where team.staffing_version < excluded.staffing_version")
                .setParameter("id", event.aggregateId()).setParameter("name", event.team().name())
                .setParameter("version", event.version()).executeUpdate())
                .invoke(applied -> {
                    if (applied > 0) {
                        LOG.infof("Applied %s team=%s version=%d", event.type(), event.aggregateId(), event.version());
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The staff number the worker takes. Staffing gives a number to one worker at a time, but two workers' events
     * arrive in any order (each on its own partition): when another worker here holds the number, the claim published
     * later wins. The other's older claim is cleared (their event giving it up is still to come), or, the other's
     * being newer, this worker goes without for now (their own later event brings the number they have since).
     */
    static Uni<String> claimStaffNumber(WorkerEvent event) {
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
}
