package uk.workforcewatch.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends pending outbox rows to Kafka in id order and marks them sent once the broker has acknowledged
 * them. It runs on a thread of its own with one database connection, which LISTENs for the commit
 * notifications the outbox trigger raises, so new rows go out at once; a short poll is the safety net.
 * While Kafka or the database is unreachable it retries with a doubling back-off. An advisory lock makes
 * one relay per database the sender, so several replicas of a service never interleave.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Key of the advisory lock held by the sending relay; any constant shared by all replicas. */
    private static final long LEADER_LOCK = 0x6f7574626f78L;
    private static final Duration CLEANUP_EVERY = Duration.ofHours(1);

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final OutboxSender sender;
    private final Counter sentCounter;
    private final Counter failureCounter;
    private final Counter parkedCounter;

    private volatile boolean running;
    private Thread thread;
    private Instant nextCleanup = Instant.EPOCH;

    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config;
        this.sender = new OutboxSender(bootstrapServers, config);
        this.sentCounter = Counter.builder("outbox.events.sent").description("Events acknowledged by Kafka")
                .register(registry);
        this.failureCounter = Counter.builder("outbox.send.failures")
                .description("Attempts to send pending events that failed and will be retried").register(registry);
        this.parkedCounter = Counter.builder("outbox.events.parked")
                .description("Events Kafka can never take, set aside for an operator").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Outbox relay disabled");
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(config.pollInterval().plusSeconds(5).toMillis());
        }
        sender.close();
    }

    private void run() {
        Duration backoff = config.backoffMin();
        while (running) {
            try (Connection connection = dataSource.getConnection(); Releaser released = new Releaser(connection)) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN outbox_event");
                }
                boolean leader = false;
                while (running) {
                    leader = leader || tryLead(connection);
                    if (leader) {
                        try {
                            int sent = sendPending(connection);
                            backoff = config.backoffMin();
                            removeOldSentRows(connection);
                            if (sent == config.batchSize()) {
                                continue; // more may be waiting
                            }
                        } catch (OutboxSender.SendFailure e) {
                            failureCounter.increment();
                            LOG.warnf("Kafka did not take pending events (%s); retrying in %d ms", e.getMessage(),
                                    backoff.toMillis());
                            pause(backoff);
                            backoff = next(backoff);
                            continue;
                        }
                    }
                    awaitCommit(connection);
                }
            } catch (SQLException | RuntimeException e) {
                // any failure: the connection is closed (giving up the lock), and the relay starts again
                if (!running) {
                    return;
                }
                failureCounter.increment();
                LOG.warnf(e, "Outbox relay failed (%s); starting again in %d ms", e.getMessage(), backoff.toMillis());
                sender.close();
                pause(backoff);
                backoff = next(backoff);
            }
        }
    }

    /** Gives up the leader's lock and the LISTEN before the connection goes back to the pool. */
    private record Releaser(Connection connection) implements AutoCloseable {
        @Override
        public void close() {
            try (Statement release = connection.createStatement()) {
                release.execute("select pg_advisory_unlock_all(); UNLISTEN *");
            } catch (SQLException e) {
                // a broken connection holds nothing any more
            }
        }
    }

    private boolean tryLead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, LEADER_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                boolean leader = result.getBoolean(1);
                if (leader) {
                    LOG.info("Outbox relay is sending for this database");
                }
                return leader;
            }
        }
    }

    /** Sends one batch; returns how many rows were sent. Rows after a failed one stay pending. */
    private int sendPending(Connection connection) throws SQLException {
        List<PendingEvent> batch = loadPending(connection);
        if (batch.isEmpty()) {
            return 0;
        }
        OutboxSender.Result result = sender.send(batch);
        markSent(connection, result.acknowledged());
        sentCounter.increment(result.acknowledged().size());
        if (result.poison() != null) {
            park(connection, result.poison(), result.failure().getMessage());
            return batch.size(); // go on at once with the rows behind it
        }
        if (result.failure() != null) {
            throw result.failure();
        }
        return batch.size();
    }

    private List<PendingEvent> loadPending(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select id, event_id, topic, aggregate_id, type, payload, occurred_at from outbox_event"
                        + " where sent_at is null and parked_at is null order by id limit ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                List<PendingEvent> batch = new ArrayList<>();
                while (rows.next()) {
                    batch.add(new PendingEvent(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getTimestamp(7).toInstant()));
                }
                return batch;
            }
        }
    }

    /** Sets aside a row Kafka can never take, so the rows behind it are not held up for ever. */
    private void park(Connection connection, long id, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set parked_at = now(), park_reason = ? where id = ?")) {
            update.setString(1, reason);
            update.setLong(2, id);
            update.executeUpdate();
        }
        parkedCounter.increment();
        LOG.errorf("Outbox row %d parked: Kafka can never take it (%s); the rows behind it go on", id, reason);
    }

    private static void markSent(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set sent_at = now() where id = any(?)")) {
            update.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            update.executeUpdate();
        }
    }

    private void removeOldSentRows(Connection connection) throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(CLEANUP_EVERY);
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from outbox_event where sent_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, config.retention().toSeconds());
            int removed = delete.executeUpdate();
            if (removed > 0) {
                LOG.infof("Removed %d outbox rows sent more than %s ago", removed, config.retention());
            }
        }
    }

    /** Blocks until a transaction that wrote outbox rows commits, or the poll interval passes. */
    private void awaitCommit(Connection connection) throws SQLException {
        connection.unwrap(PGConnection.class).getNotifications((int) config.pollInterval().toMillis());
    }

    private Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : doubled;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
