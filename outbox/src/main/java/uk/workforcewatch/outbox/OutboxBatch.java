package uk.workforcewatch.outbox;

import uk.workforcewatch.events.DomainEvent;
import uk.workforcewatch.events.EventJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;

/**
 * The outbox for bulk work on a JDBC connection of its own (an import): the rows {@link Outbox} writes, in batches,
 * in that connection's transaction, so they commit or roll back with the changes. The relay sends them as any other.
 */
public final class OutboxBatch implements AutoCloseable {

    private static final int SIZE = 500;

    private final PreparedStatement insert;
    private int pending;

    public OutboxBatch(Connection connection) throws SQLException {
        this.insert = connection.prepareStatement("insert into outbox_event"
                + " (event_id, topic, aggregate_id, type, payload, occurred_at) values (?, ?, ?, ?, ?, ?)");
    }

    public void add(String topic, DomainEvent event) throws SQLException {
        insert.setObject(1, event.eventId());
        insert.setString(2, topic);
        insert.setString(3, event.aggregateId().toString());
        insert.setString(4, event.type());
        insert.setString(5, EventJson.write(event));
        insert.setObject(6, event.occurredAt().atOffset(ZoneOffset.UTC));
        insert.addBatch();
        if (++pending >= SIZE) {
            flush();
        }
    }

    public void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        flush();
        insert.close();
    }
}
