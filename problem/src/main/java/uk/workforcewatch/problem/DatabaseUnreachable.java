package uk.workforcewatch.problem;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.net.SocketException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * A failure that is the database out of reach (its connection lost, refused, or ended by the server), not
 * anything about the request: the change was not made, or its answer was lost, and trying again is safe.
 */
final class DatabaseUnreachable {

    /** How Vert.x's SQL client says a pooled connection was lost before a statement could use it. */
    private static final String CLOSED_BEFORE_USE = "Connection is not active now";

    private DatabaseUnreachable() {
    }

    static boolean causedBy(Throwable failure) {
        Deque<Throwable> toLook = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        toLook.push(failure);
        while (!toLook.isEmpty()) {
            Throwable next = toLook.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (isConnectionLoss(next)) {
                return true;
            }
            if (next.getCause() != null) {
                toLook.push(next.getCause());
            }
            if (next instanceof CompositeException composite) {
                composite.getCauses().forEach(toLook::push);
            }
        }
        return false;
    }

    private static boolean isConnectionLoss(Throwable failure) {
        return failure instanceof ClosedConnectionException
                || failure instanceof SocketException
                || failure instanceof NoStackTraceThrowable && failure.getMessage() != null
                && failure.getMessage().startsWith(CLOSED_BEFORE_USE)
                || failure instanceof DatabaseException database && lostConnection(database.getSqlState())
                || failure instanceof SQLException sql && lostConnection(sql.getSQLState());
    }

    /** SQLSTATE class 08 (connection exception) and 57P01–57P03 (the server shutting down or not yet up). */
    private static boolean lostConnection(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.matches("57P0[123]"));
    }
}
