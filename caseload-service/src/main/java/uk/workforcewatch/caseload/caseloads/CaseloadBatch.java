package uk.workforcewatch.caseload.caseloads;

import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.bulk.Sql;
import uk.workforcewatch.caseload.limits.Caseload;
import uk.workforcewatch.caseload.limits.CaseloadLimits;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.events.caseload.WorkerCaseloadEvent;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.outbox.OutboxBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The caseload snapshots of many workers at once, for bulk work on a JDBC connection (an import): counted in one
 * statement, each worker's snapshot version taken in another, published through the same transaction's outbox.
 */
@ApplicationScoped
public class CaseloadBatch {

    private final CaseloadLimits limits;
    private final Clock clock;

    CaseloadBatch(CaseloadLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Publishes the workers' caseloads as they now stand, a thousand workers a statement. */
    public void publish(Connection connection, Collection<UUID> workers, OutboxBatch events) throws SQLException {
        List<UUID> all = List.copyOf(workers);
        for (int from = 0; from < all.size(); from += 1_000) {
            publishSome(connection, all.subList(from, Math.min(all.size(), from + 1_000)), events);
        }
    }

    private void publishSome(Connection connection, List<UUID> workers, OutboxBatch events) throws SQLException {
        Map<UUID, Map<CaseCategory, Integer>> counts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select worker_id, category, count(*) as cases"
                + " from case_file where status = 'OPEN' and worker_id = any(?) group by worker_id, category")) {
            Sql.uuids(select, 1, workers);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.computeIfAbsent(Sql.uuid(rows, "worker_id"), id -> new EnumMap<>(CaseCategory.class))
                            .put(CaseCategory.valueOf(rows.getString("category")), rows.getInt("cases"));
                }
            }
        }
        // one statement bumps each version under the row lock it takes, after any allocation holding it commits
        try (PreparedStatement update = connection.prepareStatement("update worker set caseload_version ="
                + " caseload_version + 1 where id = any(?) returning id, team_id, role, fte, caseload_version")) {
            Sql.uuids(update, 1, workers);
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    UUID id = Sql.uuid(rows, "id");
                    Caseload caseload = new Caseload(counts.getOrDefault(id, Map.of()));
                    events.add(CaseloadTopics.WORKER_CASELOADS, new WorkerCaseloadEvent(UUID.randomUUID(),
                            WorkerCaseloadEvent.CHANGED, id, rows.getLong("caseload_version"), clock.instant(),
                            limits.snapshot(id, Sql.uuid(rows, "team_id"), Role.valueOf(rows.getString("role")),
                                    rows.getBigDecimal("fte"), caseload)));
                }
            }
        }
    }
}
