package uk.workforcewatch.sickness;

import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.LeavingReason;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.ServiceArea;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.events.staffing.TeamEvent;
import uk.workforcewatch.events.staffing.TeamState;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.events.staffing.WorkerState;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Plays staffing-service for the tests: publishes its team and worker events to the real broker, and waits
 * until sickness-service has taken them in (it has no API that shows its copy, so the wait reads its table).
 */
public final class Staffing {

    public static final LocalDate STARTED = LocalDate.of(2020, 1, 6);

    private Staffing() {
    }

    public static UUID team() {
        UUID id = UUID.randomUUID();
        EventLog.publish(StaffingTopics.TEAMS, new TeamEvent(UUID.randomUUID(), TeamEvent.CREATED, id, 0, Instant.now(),
                new TeamState(id, "Team " + id, ServiceArea.CHILD_PROTECTION, null)));
        await().atMost(Duration.ofSeconds(60)).until(() -> Long.valueOf(0).equals(version("team", id)));
        return id;
    }

    /** A worker in the team at one FTE since 2020, once sickness-service knows them. */
    public static UUID worker(UUID team, String fte) {
        return worker(team, fte, null);
    }

    /** A worker as {@link #worker(UUID, String)}, known by the council's staff number (null for none). */
    public static UUID worker(UUID team, String fte, String staffNumber) {
        UUID id = UUID.randomUUID();
        publishWorker(id, 0, team, List.of(period(STARTED, team, fte)), null, staffNumber, Instant.now());
        awaitVersion(id, 0);
        return id;
    }

    public static WorkerPeriod period(LocalDate from, UUID team, String fte) {
        return new WorkerPeriod(from, Role.SOCIAL_WORKER, team, new BigDecimal(fte), null);
    }

    /** Publishes the worker's state at a version, as staffing-service would: the last period is what is current. */
    public static void publishWorker(UUID id, long version, UUID team, List<WorkerPeriod> history, LocalDate leftOn) {
        publishWorker(id, version, team, history, leftOn, null, Instant.now());
    }

    /** As above, with the worker's staff number (null for none), published at {@code occurredAt}. */
    public static void publishWorker(UUID id, long version, UUID team, List<WorkerPeriod> history, LocalDate leftOn,
                                     String staffNumber, Instant occurredAt) {
        WorkerPeriod now = history.get(history.size() - 1);
        WorkerState state = new WorkerState(id, staffNumber, "Worker " + id, now.role(), team, now.fte(), null,
                Employment.PERMANENT, history.get(0).effectiveFrom(), null, null, leftOn,
                leftOn == null ? null : LeavingReason.RESIGNATION, null, null, null, null, history);
        EventLog.publish(StaffingTopics.WORKERS, new WorkerEvent(UUID.randomUUID(),
                leftOn == null ? (version == 0 ? WorkerEvent.HIRED : WorkerEvent.CHANGED) : WorkerEvent.LEFT, id, version,
                occurredAt, state));
    }

    public static void awaitVersion(UUID worker, long version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Long.valueOf(version).equals(version("worker", worker)));
    }

    /** The staff number sickness-service holds for the worker, or null. */
    public static String staffNumber(UUID worker) {
        return column("staff_number", "worker", worker);
    }

    /** The staffing version sickness-service holds for the row, or null when it has none. */
    private static Long version(String table, UUID id) {
        String version = column("staffing_version", table, id);
        return version == null ? null : Long.valueOf(version);
    }

    private static String column(String column, String table, UUID id) {
        try (var connection = DriverManager.getConnection(ServiceTestEnvironment.database().jdbcUrl(), "postgres",
                "postgres");
             var statement = connection.prepareStatement("select " + column + " from " + table + " where id = ?")) {
            statement.setObject(1, id);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            // the schema may not be there yet while the service starts
            return null;
        }
    }
}
