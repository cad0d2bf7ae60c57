package uk.workforcewatch.caseload;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.events.caseload.WorkerCaseload;
import uk.workforcewatch.events.caseload.WorkerCaseloadEvent;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.caseload.Api.allocate;
import static uk.workforcewatch.caseload.Api.openCase;
import static uk.workforcewatch.caseload.Api.senior;

/**
 * Every caseload snapshot of a worker carries a version of its own, one more than the last, however many writers
 * change the worker at once: the gateway keeps only a newer version, so two snapshots of one version lose one.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class CaseloadVersionsTest {

    @Test
    void allocationsAndAStaffingChangeToOneWorkerAtOnceEachPublishTheNextVersionAndNoneIsLost() throws Exception {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");   // caseload version 1
        List<String> cases = List.of(openCase(team, "CIN"), openCase(team, "LAC"), openCase(team, "CP"));
        ExecutorService pool = Executors.newFixedThreadPool(cases.size());
        List<Future<Integer>> answers = new ArrayList<>();
        // a transaction of the test's holds the worker's row, so that the writers below are all under way, each
        // having read what it reads before the lock, by the time the first of them may go on
        try (Connection holder = DriverManager.getConnection(ServiceTestEnvironment.database().jdbcUrl(), "postgres",
                "postgres")) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from worker where id = ? for update")) {
                lock.setObject(1, worker);
                lock.executeQuery().close();
            }
            for (String kase : cases) {
                answers.add(pool.submit(() -> allocate(senior(), kase, worker, null).extract().statusCode()));
            }
            awaitWaitingForLocks(cases.size());
            // staffing's change (the worker goes part-time) arrives behind them
            Staffing.publishWorker(worker, 1, team, Role.SOCIAL_WORKER, "0.5", null);
            awaitWaitingForLocks(cases.size() + 1);
            holder.commit();
        }
        try {
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        var published = EventLog.awaitRecords(CaseloadTopics.WORKER_CASELOADS, worker.toString(), 5,
                WorkerCaseloadEvent.class, Duration.ofSeconds(60));
        assertEquals(LongStream.rangeClosed(1, 5).boxed().toList(),
                published.stream().map(p -> p.event().version()).toList());
        WorkerCaseload last = published.get(published.size() - 1).event().caseload();
        assertEquals(3, last.openCases());
        assertEquals(7, last.limit());
        senior().get("/api/v1/workers/" + worker + "/caseload").then().body("openCases", equalTo(3),
                "limit", equalTo(7));
    }

    /** Waits until that many of the service's statements wait for a lock another transaction holds. */
    private static void awaitWaitingForLocks(int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> waitingForLocks() == count);
    }

    private static int waitingForLocks() throws SQLException {
        try (Connection connection = DriverManager.getConnection(ServiceTestEnvironment.database().jdbcUrl(),
                "postgres", "postgres");
             PreparedStatement select = connection.prepareStatement("select count(*) from pg_stat_activity"
                     + " where datname = current_database() and cardinality(pg_blocking_pids(pid)) > 0");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
