package uk.workforcewatch.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.absence.AbsenceTopics;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Replaying the topics from the start into an empty view rebuilds the same view and the same alerts:
 * a story is played, its view and alerts are read, the rows are removed, every record of its subjects is
 * delivered again in the order the topics hold them, and the view and alerts are read again.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
class ReplayTest {

    private static final List<String> TOPICS = List.of(StaffingTopics.TEAMS, StaffingTopics.WORKERS,
            StaffingTopics.POSTS, CaseloadTopics.CASES, CaseloadTopics.WORKER_CASELOADS, AbsenceTopics.WORKER_ABSENCE,
            AbsenceTopics.EPISODES);

    @Test
    void aReplayFromTheStartRebuildsTheSameViewAndAlerts() throws Exception {
        UUID team = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        UUID permanent = UUID.randomUUID();
        UUID agency = UUID.randomUUID();
        UUID overloaded = UUID.randomUUID();
        UUID recovered = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        Events.post(post, team, 0, "1.0");
        Events.post(UUID.randomUUID(), team, 0, "1.0");
        Events.worker(permanent, team, 0, Employment.PERMANENT, "1.0", post);
        Events.worker(agency, team, 0, Employment.AGENCY, "0.8", null);
        Events.caseload(overloaded, team, 1, 11, 5, 15);
        Events.caseload(overloaded, team, 2, 12, 5, 15);
        Events.caseload(recovered, team, 1, 0, 18, 15);
        Events.caseload(recovered, team, 2, 0, 14, 15);
        Events.kase(waiting, team, 0, CaseCategory.CP, null, Instant.now().minus(Duration.ofDays(2)));
        UUID absent = UUID.randomUUID();
        UUID longEpisode = UUID.randomUUID();
        UUID endedEpisode = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        Events.caseload(absent, team, 1, 2, 3, 15);
        Events.episode(longEpisode, absent, team, 0, today.minusDays(40), null, Certification.SELF_CERTIFIED, null);
        Events.episode(longEpisode, absent, team, 1, today.minusDays(40), null, Certification.FIT_NOTE, null);
        Events.workerAbsence(absent, team, 0, today.minusDays(40), longEpisode);
        Events.episode(endedEpisode, recovered, team, 0, today.minusDays(25), null, Certification.SELF_CERTIFIED, null);
        Events.episode(endedEpisode, recovered, team, 1, today.minusDays(25), today.minusDays(20),
                Certification.SELF_CERTIFIED, null);
        Set<String> subjects = Set.of(team, post, permanent, agency, overloaded, recovered, waiting, absent,
                longEpisode, endedEpisode).stream().map(UUID::toString).collect(Collectors.toSet());

        // all applied: two workers, the post, the case and three caseloads, the recovered one at 14 cases, an
        // absence and two episodes, each at version 1; and open: the team's two rates, the overloaded
        // worker's count and mix, the waiting CP case, the absent worker's cases and long-term absence, the
        // interview overdue
        await().atMost(Duration.ofSeconds(60)).until(() -> view(subjects).size() == 10
                && view(subjects).stream().anyMatch(row -> row.contains("open_cases=14"))
                && view(subjects).stream().filter(row -> row.contains("certification=")
                        && row.contains("version=1")).count() == 2
                && alerts(subjects).size() == 8);
        List<String> view = view(subjects);
        List<String> alerts = alerts(subjects);
        assertFalse(view.isEmpty());

        forget(subjects);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (String topic : TOPICS) {
            EventLog.readRaw(topic).stream().filter(r -> subjects.contains(r.key())).forEach(records::add);
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            EventLog.publishRaw(record.topic(), record.key(), record.value(), EventLog.header(record, "ce_type"));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(view, view(subjects));
            assertEquals(alerts, alerts(subjects));
        });
    }

    /** Every view row of the subjects, every column, in a stable order. */
    private static List<String> view(Set<String> subjects) throws SQLException {
        List<String> rows = new ArrayList<>();
        rows.addAll(rows("select * from team_view where id::text = any(?) order by id", subjects));
        rows.addAll(rows("select * from worker_view where id::text = any(?) order by id", subjects));
        rows.addAll(rows("select * from post_view where id::text = any(?) order by id", subjects));
        rows.addAll(rows("select * from case_view where id::text = any(?) order by id", subjects));
        rows.addAll(rows("select * from caseload_view where worker_id::text = any(?) order by worker_id", subjects));
        rows.addAll(rows("select * from worker_absence_view where worker_id::text = any(?) order by worker_id",
                subjects));
        rows.addAll(rows("select * from absence_episode_view where id::text = any(?) order by id", subjects));
        return rows;
    }

    /**
     * The subjects' open alerts without their ids and times, which a replay makes anew. (Which alerts
     * fired and resolved on the way depends on how the topics interleave; where they end does not.)
     */
    private static List<String> alerts(Set<String> subjects) throws SQLException {
        return rows("select rule, subject_type, subject_id, team_id, severity, status, summary, figures from alert"
                + " where subject_id::text = any(?) and status <> 'RESOLVED' order by subject_id, rule", subjects);
    }

    private static void forget(Set<String> subjects) throws SQLException {
        try (Connection db = connect()) {
            for (String sql : List.of(
                    "delete from delivery where alert_id in (select id from alert where subject_id::text = any(?))",
                    "delete from alert where subject_id::text = any(?)",
                    "delete from team_view where id::text = any(?)", "delete from worker_view where id::text = any(?)",
                    "delete from post_view where id::text = any(?)", "delete from case_view where id::text = any(?)",
                    "delete from caseload_view where worker_id::text = any(?)",
                    "delete from worker_absence_view where worker_id::text = any(?)",
                    "delete from absence_episode_view where id::text = any(?)")) {
                try (var statement = db.prepareStatement(sql)) {
                    statement.setArray(1, db.createArrayOf("text", subjects.toArray()));
                    statement.executeUpdate();
                }
            }
        }
    }

    private static List<String> rows(String sql, Set<String> subjects) throws SQLException {
        try (Connection db = connect(); var statement = db.prepareStatement(sql)) {
            statement.setArray(1, db.createArrayOf("text", subjects.toArray()));
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(result.getMetaData().getColumnName(i)).append('=').append(result.getString(i)).append(' ');
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(ServiceTestEnvironment.database().jdbcUrl(), "postgres", "postgres");
    }
}
