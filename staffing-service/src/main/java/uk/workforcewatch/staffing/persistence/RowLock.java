package uk.workforcewatch.staffing.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * Locks an aggregate's row for the rest of the transaction before the aggregate is read, so that
 * concurrent changes of one aggregate take turns and each reads what the one before it committed.
 * (Locking while reading, with a lock mode on the find, leaves the collections read before the lock.)
 */
public final class RowLock {

    private RowLock() {
    }

    /** Waits for the row's lock; the item is false when no row has the id. {@code table} is a constant. */
    public static Uni<Boolean> lock(String table, UUID id) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select 1 from " + table + " where id = :id for update", Integer.class)
                .setParameter("id", id).getResultList())
                .map(rows -> !rows.isEmpty());
    }
}
