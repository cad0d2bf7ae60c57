package uk.workforcewatch.sickness.staff;

import io.smallrye.mutiny.Uni;
import uk.workforcewatch.replica.ReplicaRows;

import java.util.Objects;
import java.util.UUID;

/**
 * Locks a worker's row for the rest of the transaction before the worker is read, so that everything
 * about one worker (their absence episodes, their status, staffing's changes) takes turns. (Locking while
 * reading, with a lock mode on the find, would leave the periods read before the lock.)
 */
public final class RowLock {

    private RowLock() {
    }

    /** Waits for the worker's lock, as staffing's consumer takes it; the item is false when no worker has the id. */
    public static Uni<Boolean> worker(UUID id) {
        return ReplicaRows.lockWorker(id).map(Objects::nonNull);
    }

    /** Locks the worker, then reads them with their periods; null when no worker has the id. */
    public static Uni<KnownWorker> lockAndLoad(UUID id) {
        return worker(id).chain(found -> found ? KnownWorker.<KnownWorker>findById(id) : Uni.createFrom().nullItem());
    }
}
