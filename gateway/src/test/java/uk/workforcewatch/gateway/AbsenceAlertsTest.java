package uk.workforcewatch.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.events.alerts.AlertEvent;
import uk.workforcewatch.events.alerts.AlertTopics;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.gateway.alerts.Evaluation;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.TestClock;
import uk.workforcewatch.testing.Tokens;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The absence rules firing and resolving on sickness-service's events: cases held by an absent worker, a
 * long-term absence, a return-to-work interview overdue, a Bradford factor at the trigger, a team's sickness
 * rate; as days pass on the timer; and repeats changing nothing. Dates are worked out from today by the gateway's own calendar, so the tests hold on any day.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
class AbsenceAlertsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Evaluation evaluation;
    @Inject
    Clock clock;
    @Inject
    WorkingDays workingDays;

    @AfterEach
    void backToNow() {
        TestClock.reset();
    }

    static RequestSpecification senior() {
        return RestAssured.given().auth().oauth2(Tokens.seniorManager()).contentType(ContentType.JSON);
    }

    private static List<Map<String, Object>> alertsOf(UUID subject, String rule) {
        return senior().queryParam("size", 500).queryParam("rule", rule).get("/api/v1/alerts").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("").stream()
                .filter(a -> subject.toString().equals(a.get("subjectId"))).toList();
    }

    private static Map<?, ?> figures(Map<String, Object> alert) {
        return (Map<?, ?>) alert.get("figures");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The latest day from which to today, both included, there are this many working days. */
    private LocalDate workingDaysBack(int days) {
        LocalDate day = today();
        while (workingDays.countInclusive(day, today()) < days) {
            day = day.minusDays(1);
        }
        return day;
    }

    @Test
    void anAbsentWorkerStillHoldingCasesIsFlaggedHighWithCpMediumWithoutAndItResolvesOnTheirReturn() {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        LocalDate since = workingDaysBack(3);
        Events.caseload(worker, team, 1, 2, 3, 15);
        Events.workerAbsence(worker, team, 0, since, episode);
        await().atMost(WAIT).until(() -> alertsOf(worker, "CASES_HELD_BY_ABSENT_WORKER").size() == 1);
        Map<String, Object> alert = alertsOf(worker, "CASES_HELD_BY_ABSENT_WORKER").get(0);
        assertEquals("HIGH", alert.get("severity"), "a CP case among them");
        assertEquals(Map.of("workingDaysAbsent", 3, "since", since.toString(), "openCases", 5, "cpCases", 2),
                figures(alert));
        assertEquals(team.toString(), alert.get("teamId"));
        senior().get("/api/v1/monitoring/workers/" + worker).then().statusCode(200)
                .body("absent", equalTo(true), "absentSince", equalTo(since.toString()));
        senior().get("/api/v1/monitoring/teams/" + team).then().statusCode(200)
                .body("workers.find { it.id == '" + worker + "' }.absent", equalTo(true));

        Events.workerAbsence(worker, team, 0, since, episode);    // a duplicate
        Events.caseload(worker, team, 1, 2, 3, 15);                // a duplicate
        Events.caseload(worker, team, 0, 0, 9, 15);                // an older version, out of order
        Events.caseload(worker, team, 2, 0, 4, 15);                // the CP case reallocated
        await().atMost(WAIT).untilAsserted(() -> senior().queryParam("rule", "CASES_HELD_BY_ABSENT_WORKER")
                .get("/api/v1/breaches").then().body("findAll { it.subjectId == '" + worker + "' }.severity",
                        equalTo(List.of("MEDIUM"))));
        assertEquals(Map.of("workingDaysAbsent", 3, "since", since.toString(), "openCases", 4, "cpCases", 0),
                figures(alertsOf(worker, "CASES_HELD_BY_ABSENT_WORKER").get(0)));
        RestAssured.given().auth().oauth2(Tokens.teamManager(team)).get("/api/v1/breaches").then().statusCode(200)
                .body("findAll { it.subjectId == '" + worker + "' }.rule",
                        equalTo(List.of("CASES_HELD_BY_ABSENT_WORKER")));

        Events.workerAbsence(worker, team, 1, null, null);         // back at work
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alertsOf(worker, "CASES_HELD_BY_ABSENT_WORKER")
                .get(0).get("status")));
        senior().get("/api/v1/monitoring/workers/" + worker).then().statusCode(200)
                .body("absent", equalTo(false), "absentSince", equalTo(null));
        assertEquals(1, alertsOf(worker, "CASES_HELD_BY_ABSENT_WORKER").size());
        var events = EventLog.read(AlertTopics.ALERTS, AlertEvent.class, r -> r.key().equals(alert.get("id")));
        assertEquals(List.of(AlertEvent.FIRED, AlertEvent.UPDATED, AlertEvent.RESOLVED),
                events.stream().map(EventLog.Published::ceType).toList(), "the repeats changed nothing");
    }

    @Test
    void anAbsenceCrossesTheThresholdAsDaysPassAndTheAlertResolvesWhenTheCasesAreReallocated() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        LocalDate since = workingDaysBack(2);
        Events.caseload(worker, team, 1, 0, 3, 15);
        Events.workerAbsence(worker, team, 0, since, UUID.randomUUID());
        await().atMost(WAIT).untilAsserted(() -> senior().get("/api/v1/monitoring/workers/" + worker).then()
                .statusCode(200).body("absent", equalTo(true), "caseload.openCases", equalTo(3)));
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals(0, alertsOf(worker, "CASES_HELD_BY_ABSENT_WORKER").size(), "two working days are not yet three");

        while (workingDays.countInclusive(since, today()) < 3) {
            TestClock.advance(Duration.ofDays(1));
        }
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        List<Map<String, Object>> fired = alertsOf(worker, "CASES_HELD_BY_ABSENT_WORKER");
        assertEquals(1, fired.size());
        assertEquals("MEDIUM", fired.get(0).get("severity"), "no CP case among them");
        assertEquals(3, figures(fired.get(0)).get("workingDaysAbsent"));
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals(1, alertsOf(worker, "CASES_HELD_BY_ABSENT_WORKER").size());

        Events.caseload(worker, team, 2, 0, 0, 15);                // every case reallocated
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alertsOf(worker, "CASES_HELD_BY_ABSENT_WORKER")
                .get(0).get("status")));
    }

    @Test
    void aLongTermAbsenceGoesToHrWithItsFiguresAndResolvesWhenTheEpisodeEnds() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        LocalDate start = today().minusDays(27);
        Events.episode(episode, worker, team, 0, start, null, Certification.FIT_NOTE, null);
        await().atMost(WAIT).until(() -> alertsOf(worker, "LONG_TERM_ABSENCE").size() == 1);
        Map<String, Object> alert = alertsOf(worker, "LONG_TERM_ABSENCE").get(0);
        assertEquals(Map.of("since", start.toString(), "calendarDays", 28, "fitNote", true), figures(alert));
        assertEquals("WORKER", alert.get("subjectType"));
        assertEquals(team.toString(), alert.get("teamId"));
        RestAssured.given().auth().oauth2(Tokens.hrOfficer()).queryParam("teamId", team).get("/api/v1/breaches")
                .then().statusCode(200).body("rule", equalTo(List.of("LONG_TERM_ABSENCE")));
        assertFalse(alert.toString().contains("STRESS"), "the reason never reaches an alert");

        Events.episode(episode, worker, team, 0, start, null, Certification.FIT_NOTE, null);    // a duplicate
        Events.episode(episode, worker, team, 1, start, today().minusDays(1), Certification.FIT_NOTE, null);
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alertsOf(worker, "LONG_TERM_ABSENCE").get(0).get("status")));
        assertEquals(1, alertsOf(worker, "LONG_TERM_ABSENCE").size());
    }

    @Test
    void anAbsenceBecomesLongTermOnItsTwentyEighthDay() throws Throwable {
        UUID worker = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        Events.episode(episode, worker, UUID.randomUUID(), 0, today().minusDays(26), null,
                Certification.SELF_CERTIFIED, null);
        await().atMost(WAIT).until(() -> episodeVersion(episode) == 0);
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals(0, alertsOf(worker, "LONG_TERM_ABSENCE").size(), "27 days are short-term");

        TestClock.advance(Duration.ofDays(1));
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        List<Map<String, Object>> fired = alertsOf(worker, "LONG_TERM_ABSENCE");
        assertEquals(1, fired.size());
        assertEquals(28, figures(fired.get(0)).get("calendarDays"));
        assertEquals(false, figures(fired.get(0)).get("fitNote"));
    }

    @Test
    void aReturnToWorkInterviewNotHeldInTimeIsFlaggedToHrAndTheTeamManagerUntilItIsRecorded() {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        LocalDate end = today().minusDays(20);
        Events.episode(episode, worker, team, 0, end.minusDays(4), null, Certification.SELF_CERTIFIED, null);
        Events.episode(episode, worker, team, 1, end.minusDays(4), end, Certification.SELF_CERTIFIED, null);
        await().atMost(WAIT).until(() -> alertsOf(episode, "RETURN_TO_WORK_OVERDUE").size() == 1);
        Map<String, Object> alert = alertsOf(episode, "RETURN_TO_WORK_OVERDUE").get(0);
        assertEquals("EPISODE", alert.get("subjectType"));
        assertEquals(Map.of("workerId", worker.toString(), "returnDay", end.plusDays(1).toString(),
                "workingDaysSinceReturn", workingDays.countAfter(end.plusDays(1), today()),
                "thresholdWorkingDays", 3), figures(alert));
        RestAssured.given().auth().oauth2(Tokens.hrOfficer()).queryParam("teamId", team).get("/api/v1/breaches")
                .then().statusCode(200).body("rule", equalTo(List.of("RETURN_TO_WORK_OVERDUE")));
        RestAssured.given().auth().oauth2(Tokens.teamManager(team)).get("/api/v1/breaches").then().statusCode(200)
                .body("rule", equalTo(List.of("RETURN_TO_WORK_OVERDUE")));

        Events.episode(episode, worker, team, 1, end.minusDays(4), end, Certification.SELF_CERTIFIED, null);
        Events.episode(episode, worker, team, 2, end.minusDays(4), end, Certification.SELF_CERTIFIED, today());
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alertsOf(episode, "RETURN_TO_WORK_OVERDUE").get(0)
                .get("status")));
        assertEquals(1, alertsOf(episode, "RETURN_TO_WORK_OVERDUE").size());
    }

    @Test
    void aReturnToWorkInterviewFallsDueAfterThreeWorkingDays() throws Throwable {
        UUID episode = UUID.randomUUID();
        LocalDate end = today().minusDays(1);
        Events.episode(episode, UUID.randomUUID(), UUID.randomUUID(), 0, end.minusDays(2), end,
                Certification.SELF_CERTIFIED, null);
        await().atMost(WAIT).until(() -> episodeVersion(episode) == 0);
        while (workingDays.countAfter(end.plusDays(1), today()) < 3) {
            TestClock.advance(Duration.ofDays(1));
        }
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals(0, alertsOf(episode, "RETURN_TO_WORK_OVERDUE").size(), "three working days are in time");

        while (workingDays.countAfter(end.plusDays(1), today()) < 4) {
            TestClock.advance(Duration.ofDays(1));
        }
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        List<Map<String, Object>> fired = alertsOf(episode, "RETURN_TO_WORK_OVERDUE");
        assertEquals(1, fired.size());
        assertEquals(4, figures(fired.get(0)).get("workingDaysSinceReturn"));
    }

    /**
     * History raises no alarm about the past: a back-filled episode ended in 2019 with no interview fires nothing;
     * one ended ten working days ago fires, and resolves once its return day is more than the look-back window of
     * 90 days (the default) behind today.
     */
    @Test
    void aReturnToWorkInterviewOwedLongAgoIsHistoryNotAnAlarm() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID longAgo = UUID.randomUUID();
        Events.episode(longAgo, UUID.randomUUID(), team, 0, LocalDate.of(2019, 6, 10), LocalDate.of(2019, 6, 14),
                Certification.SELF_CERTIFIED, null);
        UUID recent = UUID.randomUUID();
        LocalDate end = workingDaysBack(11);
        Events.episode(recent, UUID.randomUUID(), team, 0, end.minusDays(2), end, Certification.SELF_CERTIFIED, null);
        await().atMost(WAIT).until(() -> alertsOf(recent, "RETURN_TO_WORK_OVERDUE").size() == 1);
        assertEquals(0L, episodeVersion(longAgo), "the back-filled episode is in the view");
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals(0, alertsOf(longAgo, "RETURN_TO_WORK_OVERDUE").size(), "an interview owed since 2019");
        assertEquals(workingDays.countAfter(end.plusDays(1), today()),
                figures(alertsOf(recent, "RETURN_TO_WORK_OVERDUE").get(0)).get("workingDaysSinceReturn"));

        TestClock.advance(Duration.ofDays(90 - ChronoUnit.DAYS.between(end.plusDays(1), today())));
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals("FIRING", alertsOf(recent, "RETURN_TO_WORK_OVERDUE").get(0).get("status"), "90 days back: inside");
        TestClock.advance(Duration.ofDays(1));
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals("RESOLVED", alertsOf(recent, "RETURN_TO_WORK_OVERDUE").get(0).get("status"),
                "91 days back: outside the window");
    }

    @Test
    void aBradfordFactorFiresOnceWhenItReachesTheTriggerAndResolvesWhenSpellsLeaveTheWindow() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        List<UUID> spells = new ArrayList<>();
        int daysAbsent = 0;
        for (int spell = 1; spell <= 5; spell++) {
            // a Monday to Friday spell every month, back from the sixth month before today
            LocalDate monday = today().minusMonths(7 - spell).with(DayOfWeek.MONDAY);
            UUID episode = UUID.randomUUID();
            spells.add(episode);
            Events.episode(episode, worker, team, 0, monday, monday.plusDays(4), Certification.SELF_CERTIFIED,
                    monday.plusDays(7));
            daysAbsent += workingDays.countInclusive(monday, monday.plusDays(4));
            await().atMost(WAIT).until(() -> episodeVersion(episode) == 0);
            if (spell == 3) {
                assertEquals(0, alertsOf(worker, "BRADFORD_TRIGGER").size(), "3 spells score 9 × 15 at most");
            }
            if (spell == 4) {
                // 16 × at least 16 days: at or above 200
                List<Map<String, Object>> fired = alertsOf(worker, "BRADFORD_TRIGGER");
                assertEquals(1, fired.size());
                assertEquals(Map.of("score", 16 * daysAbsent, "spells", 4, "daysAbsent", daysAbsent, "trigger", 200),
                        figures(fired.get(0)));
                assertEquals(team.toString(), fired.get(0).get("teamId"));
                RestAssured.given().auth().oauth2(Tokens.hrOfficer()).queryParam("teamId", team)
                        .get("/api/v1/breaches").then().statusCode(200).body("rule", equalTo(List.of("BRADFORD_TRIGGER")));
                RestAssured.given().auth().oauth2(Tokens.teamManager(team)).get("/api/v1/breaches").then()
                        .statusCode(200).body("rule", equalTo(List.of("BRADFORD_TRIGGER")));
            }
        }
        List<Map<String, Object>> alerts = alertsOf(worker, "BRADFORD_TRIGGER");
        assertEquals(1, alerts.size(), "a later absence does not fire it again");
        assertEquals(25 * daysAbsent, figures(alerts.get(0)).get("score"));

        TestClock.advance(Duration.ofDays(365));
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals("RESOLVED", alertsOf(worker, "BRADFORD_TRIGGER").get(0).get("status"),
                "the spells have left the 52 weeks");
        var events = EventLog.read(AlertTopics.ALERTS, AlertEvent.class, r -> r.key().equals(alerts.get(0).get("id")));
        assertEquals(List.of(AlertEvent.FIRED, AlertEvent.UPDATED, AlertEvent.RESOLVED),
                events.stream().map(EventLog.Published::ceType).toList());
    }

    /**
     * The absence rules judge by the thresholds sickness-service's events carry, the newest it has sent: with its
     * Bradford trigger lowered to 100 three full weeks off (9 × 15 = 135) fire, and back at 200 they resolve.
     */
    @Test
    void theThresholdsOnSicknessServicesEventsAreTheOnesTheRulesJudgeBy() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        List<UUID> spells = new ArrayList<>();
        LocalDate monday = today().minusWeeks(2).with(DayOfWeek.MONDAY);
        for (int spell = 0; spell < 3; spell++) {
            // a whole week of five working days, a month or more before the last
            monday = monday.minusWeeks(4);
            while (workingDays.countInclusive(monday, monday.plusDays(4)) < 5) {
                monday = monday.minusWeeks(1);
            }
            spells.add(UUID.randomUUID());
            Events.episode(spells.get(spell), worker, team, 0, monday, monday.plusDays(4), Certification.SELF_CERTIFIED,
                    monday.plusDays(7));
        }
        UUID lastSpell = spells.get(2);
        LocalDate lastMonday = monday;
        for (UUID spell : spells) {
            await().atMost(WAIT).until(() -> episodeVersion(spell) == 0);
        }
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals(0, alertsOf(worker, "BRADFORD_TRIGGER").size(), "135 is below the trigger of 200");

        Events.episode(lastSpell, worker, team, 1, lastMonday, lastMonday.plusDays(4), Certification.SELF_CERTIFIED,
                lastMonday.plusDays(7), new AbsenceThresholds(28, 100, 3));
        await().atMost(WAIT).until(() -> alertsOf(worker, "BRADFORD_TRIGGER").size() == 1);
        assertEquals(Map.of("score", 135, "spells", 3, "daysAbsent", 15, "trigger", 100),
                figures(alertsOf(worker, "BRADFORD_TRIGGER").get(0)));

        Events.episode(lastSpell, worker, team, 2, lastMonday, lastMonday.plusDays(4), Certification.SELF_CERTIFIED,
                lastMonday.plusDays(7), Events.THRESHOLDS);
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alertsOf(worker, "BRADFORD_TRIGGER").get(0).get("status")));
    }

    @Test
    void aTeamLosingMoreThanSixPercentOfItsWorkingTimeToSicknessIsFlaggedAndResolvesWhenItFalls() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID absentee = UUID.randomUUID();
        UUID colleague = UUID.randomUUID();
        Events.worker(absentee, team, 0, Employment.PERMANENT, "1.0", null);
        Events.worker(colleague, team, 0, Employment.PERMANENT, "1.0", null);
        await().atMost(WAIT).untilAsserted(() -> senior().get("/api/v1/monitoring/teams/" + team).then()
                .statusCode(200).body("workers", hasSize(2)));
        UUID episode = UUID.randomUUID();
        LocalDate start = workingDaysBack(2);
        Events.episode(episode, absentee, team, 0, start, null, Certification.SELF_CERTIFIED, null);
        await().atMost(WAIT).until(() -> episodeVersion(episode) == 0);
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals(0, alertsOf(team, "TEAM_SICKNESS_RATE_HIGH").size(), "2 of about 40 FTE days is about 5%");

        while (workingDays.countInclusive(start, today()) < 3) {
            TestClock.advance(Duration.ofDays(1));
        }
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        List<Map<String, Object>> fired = alertsOf(team, "TEAM_SICKNESS_RATE_HIGH");
        assertEquals(1, fired.size(), "the open episode runs to today: 3 days lost");
        int available = 2 * workingDays.countInclusive(today().minusDays(27), today());
        Map<?, ?> figures = figures(fired.get(0));
        assertEquals(3.0, ((Number) figures.get("fteDaysLost")).doubleValue());
        assertEquals(available, ((Number) figures.get("fteDaysAvailable")).doubleValue());
        assertEquals(today().minusDays(27).toString(), figures.get("from"));
        assertEquals(BigDecimal.valueOf(3).divide(BigDecimal.valueOf(available), 4,
                RoundingMode.HALF_UP).floatValue(), ((Number) figures.get("sicknessRate")).floatValue());
        assertEquals("TEAM", fired.get(0).get("subjectType"));
        RestAssured.given().auth().oauth2(Tokens.hrOfficer()).queryParam("teamId", team).get("/api/v1/breaches")
                .then().statusCode(200).body("rule", equalTo(List.of("TEAM_SICKNESS_RATE_HIGH")));

        Events.episode(episode, absentee, team, 1, start, start, Certification.SELF_CERTIFIED, null);
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alertsOf(team, "TEAM_SICKNESS_RATE_HIGH").get(0)
                .get("status")));
    }

    @Test
    void theGatewayKeepsNoReasonForAnAbsence() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection db = connect(); var statement = db.prepareStatement(
                "select column_name from information_schema.columns where table_name = 'absence_episode_view'");
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                columns.add(result.getString(1));
            }
        }
        assertTrue(columns.contains("certification"));
        assertFalse(columns.stream().anyMatch(c -> c.contains("reason")), columns.toString());
    }

    /** The version of the episode the gateway holds, or -1 while it holds none. */
    private static long episodeVersion(UUID episode) throws SQLException {
        try (Connection db = connect();
             var statement = db.prepareStatement("select version from absence_episode_view where id = ?")) {
            statement.setObject(1, episode);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getLong(1) : -1;
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(ServiceTestEnvironment.database().jdbcUrl(), "postgres", "postgres");
    }
}
