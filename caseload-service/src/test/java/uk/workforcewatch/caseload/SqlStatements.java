package uk.workforcewatch.caseload;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The SQL statements the service sends to PostgreSQL while a piece of a test runs. Hibernate Reactive
 * names every statement it hands to the database client, at debug level, on {@code org.hibernate.SQL}
 * (transaction begin and commit are not statements of the change, and are not named).
 */
final class SqlStatements {

    private static final Logger SQL = Logger.getLogger("org.hibernate.SQL");

    private SqlStatements() {
    }

    /** The statements sent while the action ran, in the order they were sent. */
    static List<String> during(Runnable action) {
        List<String> sent = new ArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (sent) {
                    sent.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = SQL.getLevel();
        boolean toParents = SQL.getUseParentHandlers();
        SQL.addHandler(recorder);
        SQL.setUseParentHandlers(false);   // counted, not printed
        SQL.setLevel(Level.FINE);
        try {
            action.run();
        } finally {
            SQL.setLevel(level);
            SQL.setUseParentHandlers(toParents);
            SQL.removeHandler(recorder);
        }
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }
}
