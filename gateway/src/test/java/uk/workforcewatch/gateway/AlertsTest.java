package uk.workforcewatch.gateway;

import io.quarkus.hibernate.reactive.panache.Panache;
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
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.events.alerts.AlertEvent;
import uk.workforcewatch.events.alerts.AlertTopics;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.gateway.alerts.Evaluation;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.TestClock;
import uk.workforcewatch.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The breach rules firing and resolving on the services' events, one alert per problem, and acknowledgement. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
class AlertsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DEAD_LETTERS = "gateway.dead-letter.v1";

    @Inject
    Evaluation evaluation;
    @Inject
    WorkingDays workingDays;
    @Inject
    Clock clock;

    @AfterEach
    void backToNow() {
        TestClock.reset();
    }

    static RequestSpecification senior() {
        return RestAssured.given().auth().oauth2(Tokens.seniorManager()).contentType(ContentType.JSON);
    }

    private static List<Map<String, Object>> alertsOf(UUID subject) {
        return senior().queryParam("size", 500).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("").stream().filter(a -> subject.toString().equals(a.get("subjectId")))
                .toList();
    }

    @Test
    void aWorkerOverTheLimitFiresOneAlertWithItsFiguresWhateverTheRepeatsAndItResolves() {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        Events.caseload(worker, team, 1, 4, 12, 15);
        await().atMost(WAIT).until(() -> alertsOf(worker).size() == 1);
        Events.caseload(worker, team, 1, 4, 12, 15);    // a duplicate
        Events.caseload(worker, team, 0, 0, 0, 15);     // an older version, out of order
        Events.caseload(worker, team, 2, 4, 13, 15);    // still over, new figures

        await().atMost(WAIT).untilAsserted(() -> senior().queryParam("rule", "CASELOAD_OVER_LIMIT")
                .get("/api/v1/breaches").then().body("findAll { it.subjectId == '" + worker + "' }.figures.openCases",
                        equalTo(List.of(17))));
        assertEquals(1, alertsOf(worker).size());
        assertEquals("HIGH", alertsOf(worker).get(0).get("severity"));

        Events.caseload(worker, team, 3, 4, 10, 15);
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alertsOf(worker).get(0).get("status")));
        var events = EventLog.read(AlertTopics.ALERTS, AlertEvent.class,
                r -> r.key().equals(alertsOf(worker).get(0).get("id")));
        assertEquals(List.of(AlertEvent.FIRED, AlertEvent.UPDATED, AlertEvent.RESOLVED),
                events.stream().map(EventLog.Published::ceType).toList());
        assertEquals(List.of(0L, 1L, 2L), events.stream().map(e -> e.event().version()).toList());
    }

    @Test
    void twelveCpCasesOfFifteenBreakTheMixAndTenResolveIt() {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        Events.caseload(worker, team, 1, 12, 3, 15);
        await().atMost(WAIT).untilAsserted(() -> senior().queryParam("rule", "CP_MIX_OVER_LIMIT").get("/api/v1/breaches")
                .then().body("findAll { it.subjectId == '" + worker + "' }.figures.cpCases", equalTo(List.of(12))));
        assertEquals(1, alertsOf(worker).size(), "15 of 15 is within the limit: only the mix breaks");
        senior().get("/api/v1/monitoring/workers/" + worker).then().statusCode(200)
                .body("caseload.byCategory.CP", equalTo(12), "caseload.byCategory.CIN", equalTo(3));

        Events.caseload(worker, team, 2, 10, 5, 15);     // the CP limit of 15 is 10: at it, not over it
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alertsOf(worker).get(0).get("status")));
        assertEquals(1, alertsOf(worker).size());
    }

    @Test
    void aWeightedLoadOverItsLimitFiresWithItsFiguresOnlyWhereWeightsAreConfiguredAndResolves() {
        UUID team = UUID.randomUUID();
        UUID weighted = UUID.randomUUID();
        UUID unweighted = UUID.randomUUID();
        Events.weightedCaseload(weighted, team, 1, 2, 8, 15, "24.75", "22.5");   // 10 cases: within the count and mix
        Events.caseload(unweighted, team, 1, 0, 16, 15);   // its "weighted" 16 over 15 counts for nothing

        await().atMost(WAIT).untilAsserted(() -> senior().queryParam("teamId", team).get("/api/v1/breaches").then()
                .body("rule", equalTo(List.of("CASELOAD_OVER_LIMIT", "WEIGHTED_LOAD_OVER_LIMIT")))
                .body("find { it.rule == 'WEIGHTED_LOAD_OVER_LIMIT' }.subjectId", equalTo(weighted.toString()))
                .body("find { it.rule == 'WEIGHTED_LOAD_OVER_LIMIT' }.severity", equalTo("MEDIUM"))
                .body("find { it.rule == 'WEIGHTED_LOAD_OVER_LIMIT' }.figures.weightedLoad", equalTo(24.75f))
                .body("find { it.rule == 'WEIGHTED_LOAD_OVER_LIMIT' }.figures.weightedLimit", equalTo(22.5f)));

        Events.weightedCaseload(weighted, team, 2, 2, 7, 15, "22.5", "22.5");   // at the limit, not over it
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alertsOf(weighted).get(0).get("status")));
        assertEquals(1, alertsOf(weighted).size());
    }

    @Test
    void anUnallocatedCpCaseFiresAfterTwentyFourHoursAndResolvesWhenAllocated() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID kase = UUID.randomUUID();
        Events.kase(kase, team, 0, CaseCategory.CP, null, Instant.now().minus(Duration.ofHours(2)));
        await().atMost(WAIT).until(() -> viewHasCase(team, kase));
        assertEquals(0, alertsOf(kase).size());

        TestClock.advance(Duration.ofHours(23));
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        List<Map<String, Object>> fired = alertsOf(kase);
        assertEquals(1, fired.size());
        assertEquals("CRITICAL", fired.get(0).get("severity"));
        assertEquals(25, ((Map<?, ?>) fired.get(0).get("figures")).get("hoursWaiting"));
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals(1, alertsOf(kase).size());

        Events.kase(kase, team, 1, CaseCategory.CP, UUID.randomUUID(), null);
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alertsOf(kase).get(0).get("status")));
    }

    @Test
    void theTimerLooksOnlyAtWhatTimeChanges() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        Events.kase(waiting, team, 0, CaseCategory.CP, null, since);
        Events.kase(held, team, 0, CaseCategory.CP, UUID.randomUUID(), null);
        await().atMost(WAIT).until(() -> viewHasCase(team, waiting) && lookedAt(held));

        // a waiting CP case is next looked at the moment it has waited past its 24 hours; an allocated one never
        assertEquals(Optional.of(since.plus(Duration.ofHours(24)).plusSeconds(1)), nextLook(waiting));
        assertEquals(Optional.empty(), nextLook(held));

        // the hours it waits are its figures: once in breach, it is looked at on each hour
        TestClock.advance(Duration.ofHours(23));
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals(25, ((Map<?, ?>) alertsOf(waiting).get(0).get("figures")).get("hoursWaiting"));
        assertEquals(Optional.of(since.plus(Duration.ofHours(26))), nextLook(waiting));

        // allocated, it needs time no more
        Events.kase(waiting, team, 1, CaseCategory.CP, UUID.randomUUID(), null);
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alertsOf(waiting).get(0).get("status")));
        assertEquals(Optional.empty(), nextLook(waiting));
    }

    /** When the timer will look at the subject again, as the last evaluation scheduled it. */
    private static Optional<Instant> nextLook(UUID subject) {
        return select("select due_at from evaluation_due where subject_id = :s", OffsetDateTime.class, subject)
                .stream().findFirst().map(OffsetDateTime::toInstant);
    }

    /** The case reached the view, and was evaluated in the same transaction. */
    private static boolean lookedAt(UUID kase) {
        return !select("select id from case_view where id = :s", UUID.class, kase).isEmpty();
    }

    private static <T> List<T> select(String sql, Class<T> type, UUID subject) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery(sql, type).setParameter("s", subject)
                            .getResultList())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anotherCaseFiresAfterMoreThanFiveWorkingDaysWithItsFiguresAndResolvesWhenAllocated() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID kase = UUID.randomUUID();
        Instant since = Instant.now();
        Events.kase(kase, team, 0, CaseCategory.LAC, null, since);
        await().atMost(WAIT).until(() -> viewHasCase(team, kase));
        LocalDate waitingFrom = LocalDate.ofInstant(since, clock.getZone());
        LocalDate sixthWorkingDay = waitingFrom;
        while (workingDays.countAfter(waitingFrom, sixthWorkingDay) < 6) {
            sixthWorkingDay = sixthWorkingDay.plusDays(1);
        }

        moveClockTo(sixthWorkingDay.minusDays(1));    // the last day on which it has waited 5 working days
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals(0, alertsOf(kase).size(), "5 working days is within the threshold");

        moveClockTo(sixthWorkingDay);
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        List<Map<String, Object>> fired = alertsOf(kase);
        assertEquals(1, fired.size());
        assertEquals("MEDIUM", fired.get(0).get("severity"));
        assertEquals(Map.of("workingDaysWaiting", 6, "thresholdWorkingDays", 5, "category", "LAC",
                "reference", "REF-" + kase.toString().substring(0, 8)), fired.get(0).get("figures"));

        Events.kase(kase, team, 1, CaseCategory.LAC, UUID.randomUUID(), null);
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alertsOf(kase).get(0).get("status")));
    }

    /** Moves the test clock to noon of the day, the council's time, whatever the hour now. */
    private void moveClockTo(LocalDate day) {
        TestClock.advance(Duration.between(clock.instant(), day.atTime(12, 0).atZone(clock.getZone())));
    }

    @Test
    void aTeamWithTooManyVacanciesOrAgencyWorkersIsFlagged() {
        UUID team = UUID.randomUUID();
        UUID filled = UUID.randomUUID();
        Events.post(filled, team, 0, "1.0");
        Events.post(UUID.randomUUID(), team, 0, "1.0");
        Events.worker(UUID.randomUUID(), team, 0, Employment.PERMANENT, "1.0", filled);
        Events.worker(UUID.randomUUID(), team, 0, Employment.AGENCY, "1.0", null);
        // vacancy 1.0 / (1.0 + 1.0) = 50%; agency 1.0 / (1.0 + 1.0) = 50%
        await().atMost(WAIT).untilAsserted(() -> senior().queryParam("teamId", team).get("/api/v1/breaches").then()
                .body("rule", hasSize(2)).body("find { it.rule == 'TEAM_VACANCY_RATE_HIGH' }.figures.vacancyRate",
                        equalTo(0.5f)));
        RestAssured.given().auth().oauth2(Tokens.hrOfficer()).queryParam("teamId", team).get("/api/v1/breaches")
                .then().statusCode(200).body("$", hasSize(2));
    }

    @Test
    void aTeamsAgencyRateFiresWithItsFiguresAndResolvesWhenTheAgencyWorkerLeaves() {
        UUID team = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        UUID agency = UUID.randomUUID();
        Events.post(post, team, 0, "1.0");
        Events.worker(UUID.randomUUID(), team, 0, Employment.PERMANENT, "1.0", post);
        Events.worker(agency, team, 0, Employment.AGENCY, "0.5", null);
        // agency 0.5 / (0.5 + 1.0) = 33.33%, over 25%; the one post is filled, so nothing is vacant
        await().atMost(WAIT).untilAsserted(() -> senior().queryParam("teamId", team).get("/api/v1/breaches").then()
                .body("rule", equalTo(List.of("TEAM_AGENCY_RATE_HIGH")))
                .body("[0].figures", equalTo(Map.of("agencyWorkerRate", 0.3333f, "agencyFte", 0.5f,
                        "fteInPost", 1.0f, "threshold", 0.25f))));

        Events.worker(agency, "Worker " + agency, Role.SOCIAL_WORKER, team, 1, Employment.AGENCY, "0.5", null,
                LocalDate.now(clock).minusDays(1));
        await().atMost(WAIT).untilAsserted(() -> senior().queryParam("teamId", team)
                .queryParam("rule", "TEAM_AGENCY_RATE_HIGH").get("/api/v1/alerts").then()
                .body("status", equalTo(List.of("RESOLVED"))));
        senior().queryParam("teamId", team).get("/api/v1/breaches").then().body("$", hasSize(0));
    }

    @Test
    void aLeaversPostFallsVacantAndAnAgencyCoverEndsOnTheirDaysWithNothingRecordedThen() throws Throwable {
        LocalDate today = LocalDate.now(clock);
        LocalDate lastDay = today.plusDays(2);
        // a team whose one permanent worker leaves after their last day, the post theirs
        UUID leaving = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        Events.post(post, leaving, 0, "1.0");
        Events.worker(UUID.randomUUID(), "Leaver", Role.SOCIAL_WORKER, leaving, 0, Employment.PERMANENT, "1.0", post,
                lastDay);
        // a team whose agency worker's cover ends on the same day
        UUID covered = UUID.randomUUID();
        UUID filled = UUID.randomUUID();
        Events.post(filled, covered, 0, "1.0");
        Events.worker(UUID.randomUUID(), covered, 0, Employment.PERMANENT, "1.0", filled);
        Events.worker(UUID.randomUUID(), "Cover", Role.SOCIAL_WORKER, covered, 0, Employment.AGENCY, "1.0", null,
                lastDay);
        await().atMost(WAIT).until(() -> breachRules(covered).equals(List.of("TEAM_AGENCY_RATE_HIGH")));
        await().atMost(WAIT).until(() -> nextLook(leaving).isPresent());
        assertEquals(List.of(), breachRules(leaving));

        moveClockTo(lastDay);
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals(List.of(), breachRules(leaving), "employed to the end of their last day");
        assertEquals(List.of("TEAM_AGENCY_RATE_HIGH"), breachRules(covered), "covered to the end of its last day");

        moveClockTo(lastDay.plusDays(1));
        VertxContextSupport.subscribeAndAwait(() -> evaluation.due());
        assertEquals(List.of("TEAM_VACANCY_RATE_HIGH"), breachRules(leaving));
        assertEquals(List.of(), breachRules(covered));
    }

    private static List<String> breachRules(UUID team) {
        return senior().queryParam("teamId", team).get("/api/v1/breaches").then().statusCode(200).extract()
                .jsonPath().getList("rule", String.class);
    }

    @Test
    void aWorkerTakingAVacantPostInTheirOwnTeamResolvesTheVacancy() {
        UUID team = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        Events.post(post, team, 0, "1.0");
        Events.worker(worker, team, 0, Employment.PERMANENT, "1.0", null);
        await().atMost(WAIT).untilAsserted(() -> senior().queryParam("teamId", team).queryParam("rule",
                "TEAM_VACANCY_RATE_HIGH").get("/api/v1/breaches").then().body("$", hasSize(1)));

        Events.worker(worker, team, 1, Employment.PERMANENT, "1.0", post);
        await().atMost(WAIT).untilAsserted(() -> senior().queryParam("teamId", team).get("/api/v1/breaches").then()
                .body("$", hasSize(0)));
    }

    @Test
    void breachesAreFilteredBySeverityAndAlertsByStatusAndTimeFired() {
        UUID team = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        Events.weightedCaseload(early, team, 1, 0, 16, 15, "30", "22");   // over the count (HIGH) and the weights (MEDIUM)
        await().atMost(WAIT).until(() -> alertsOf(early).size() == 2);
        for (var expected : Map.of("HIGH", List.of("CASELOAD_OVER_LIMIT"), "MEDIUM", List.of("WEIGHTED_LOAD_OVER_LIMIT"),
                "CRITICAL", List.<String>of()).entrySet()) {
            senior().queryParam("teamId", team).queryParam("severity", expected.getKey()).get("/api/v1/breaches")
                    .then().statusCode(200).body("rule", equalTo(expected.getValue()));
        }

        Instant between = clock.instant().plus(Duration.ofMinutes(30));
        TestClock.advance(Duration.ofHours(1));
        Events.caseload(late, team, 1, 0, 17, 15);
        await().atMost(WAIT).until(() -> alertsOf(late).size() == 1);
        Events.weightedCaseload(early, team, 2, 0, 10, 15, "20", "22");
        await().atMost(WAIT).until(() -> alertsOf(early).stream().allMatch(a -> "RESOLVED".equals(a.get("status"))));

        senior().queryParam("teamId", team).queryParam("since", between.toString()).get("/api/v1/alerts").then()
                .statusCode(200).body("subjectId", equalTo(List.of(late.toString())));
        senior().queryParam("teamId", team).queryParam("status", "FIRING").get("/api/v1/alerts").then()
                .statusCode(200).body("subjectId", equalTo(List.of(late.toString())));
        senior().queryParam("teamId", team).queryParam("status", "RESOLVED").get("/api/v1/alerts").then()
                .statusCode(200).body("subjectId", equalTo(List.of(early.toString(), early.toString())))
                .body("rule", containsInAnyOrder("CASELOAD_OVER_LIMIT", "WEIGHTED_LOAD_OVER_LIMIT"));
        senior().queryParam("teamId", team).queryParam("status", "ACKNOWLEDGED").get("/api/v1/alerts").then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void anAlertIsAcknowledgedOnceByThoseWhoMay() {
        UUID team = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        Events.caseload(worker, team, 1, 0, 16, 15);
        await().atMost(WAIT).until(() -> alertsOf(worker).size() == 1);
        String id = (String) alertsOf(worker).get(0).get("id");

        RestAssured.given().auth().oauth2(Tokens.hrOfficer()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/alerts/" + id + "/acknowledgement").then().statusCode(403);
        RestAssured.given().auth().oauth2(Tokens.teamManager(other)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/alerts/" + id + "/acknowledgement").then().statusCode(403);
        RestAssured.given().auth().oauth2(Tokens.hrOfficer()).get("/api/v1/breaches").then().statusCode(200)
                .body("findAll { it.subjectId == '" + worker + "' }", hasSize(0));
        RestAssured.given().auth().oauth2(Tokens.teamManager(team)).contentType(ContentType.JSON)
                .body(Map.of("note", "Reallocating two cases this week")).post("/api/v1/alerts/" + id + "/acknowledgement")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"),
                        "acknowledgementNote", equalTo("Reallocating two cases this week"));
        senior().body(Map.of()).post("/api/v1/alerts/" + id + "/acknowledgement").then().statusCode(409);
        RestAssured.given().auth().oauth2(Tokens.teamManager(team)).get("/api/v1/alerts").then().statusCode(200)
                .body("id", equalTo(List.of(id)));
        RestAssured.get("/api/v1/alerts").then().statusCode(401);
    }

    /** The open alerts a team manager sees: their rules, by subject. */
    private static List<String> breachesSeenBy(UUID team, UUID... subjects) {
        List<String> ids = Arrays.stream(subjects).map(UUID::toString).toList();
        return RestAssured.given().auth().oauth2(Tokens.teamManager(team)).get("/api/v1/breaches").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("").stream()
                .filter(a -> ids.contains(a.get("subjectId"))).map(a -> (String) a.get("rule")).sorted().toList();
    }

    @Test
    void aWorkersOpenAlertsFollowThemToTheirNewTeamAndTheResolvedOnesStayWhereTheyWereRaised() {
        UUID north = UUID.randomUUID();
        UUID south = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        Events.worker(worker, north, 0, Employment.PERMANENT, "1.0", null);
        Events.caseload(worker, north, 1, 11, 5, 15);   // over the limit, and over the CP limit
        Events.caseload(worker, north, 2, 0, 16, 15);   // the mix resolves
        Events.episode(episode, worker, north, 0, today.minusDays(24), today.minusDays(20), Certification.SELF_CERTIFIED,
                null);   // no return-to-work interview: overdue
        await().atMost(WAIT).until(() -> breachesSeenBy(north, worker, episode).equals(
                List.of("CASELOAD_OVER_LIMIT", "RETURN_TO_WORK_OVERDUE")));
        await().atMost(WAIT).until(() -> alertsOf(worker).stream().anyMatch(a -> "RESOLVED".equals(a.get("status"))));
        Map<String, Object> caseload = alertsOf(worker).stream()
                .filter(a -> "CASELOAD_OVER_LIMIT".equals(a.get("rule"))).findFirst().orElseThrow();

        Events.worker(worker, north, 0, Employment.PERMANENT, "1.0", null);   // a repeat moves nothing
        Events.worker(worker, south, 1, Employment.PERMANENT, "1.0", null);
        await().atMost(WAIT).until(() -> breachesSeenBy(south, worker, episode).equals(
                List.of("CASELOAD_OVER_LIMIT", "RETURN_TO_WORK_OVERDUE")));
        assertEquals(List.of(), breachesSeenBy(north, worker, episode), "the team before no longer sees them");
        RestAssured.given().auth().oauth2(Tokens.teamManager(north)).get("/api/v1/alerts").then().statusCode(200)
                .body("findAll { it.subjectId == '" + worker + "' }.rule", equalTo(List.of("CP_MIX_OVER_LIMIT")));

        var events = EventLog.awaitRecords(AlertTopics.ALERTS, (String) caseload.get("id"), 2, AlertEvent.class, WAIT);
        var moved = events.get(events.size() - 1);
        assertEquals(AlertEvent.UPDATED, moved.ceType());
        assertEquals(south, moved.event().alert().teamId());
        assertEquals(((Integer) caseload.get("version")) + 1L, moved.event().version());

        // caseload-service has not heard of the move yet: its figures change the alert, not its team
        Events.caseload(worker, north, 3, 0, 17, 15);
        await().atMost(WAIT).untilAsserted(() -> RestAssured.given().auth().oauth2(Tokens.teamManager(south))
                .get("/api/v1/breaches").then().statusCode(200)
                .body("findAll { it.subjectId == '" + worker + "' }.figures.openCases", equalTo(List.of(17))));
        assertEquals(List.of(), breachesSeenBy(north, worker, episode));

        // nor does an alert that fires after the move fire in the team before
        Events.caseload(worker, north, 4, 11, 6, 15);
        await().atMost(WAIT).until(() -> breachesSeenBy(south, worker, episode).equals(
                List.of("CASELOAD_OVER_LIMIT", "CP_MIX_OVER_LIMIT", "RETURN_TO_WORK_OVERDUE")));
        assertEquals(List.of(), breachesSeenBy(north, worker, episode));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithTheReasonAndTheNextOnItsTopicIsApplied() {
        UUID worker = UUID.randomUUID();
        // the same key as the good record: the same partition, so the consumer meets the poison first
        String key = worker.toString();
        EventLog.publishRaw(StaffingTopics.WORKERS, key, "{\"broken\":".getBytes(StandardCharsets.UTF_8), "WorkerHired");
        Events.worker(worker, UUID.randomUUID(), 0, Employment.PERMANENT, "1.0", null);

        await().atMost(WAIT).untilAsserted(() -> senior().get("/api/v1/monitoring/workers/" + worker).then()
                .statusCode(200).body("name", equalTo("Worker " + worker)));
        var dead = await().atMost(WAIT).until(() -> EventLog.readRaw(DEAD_LETTERS).stream()
                .filter(record -> key.equals(record.key())).toList(), records -> !records.isEmpty());
        assertEquals(1, dead.size(), "only the poison");
        assertEquals(StaffingTopics.WORKERS, EventLog.header(dead.get(0), "dead-letter-topic"));
        String reason = EventLog.header(dead.get(0), "dead-letter-reason");
        assertTrue(reason != null && !reason.isBlank(), "the reason it was refused");
    }

    /** The team's picture lists the case as waiting once the gateway has taken in its event. */
    private static boolean viewHasCase(UUID team, UUID kase) {
        var response = senior().get("/api/v1/monitoring/teams/" + team);
        return response.statusCode() == 200
                && response.jsonPath().getList("unallocated.caseId").contains(kase.toString());
    }
}
