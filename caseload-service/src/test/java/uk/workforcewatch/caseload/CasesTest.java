package uk.workforcewatch.caseload;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.caseload.CaseAllocation;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseEvent;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.events.caseload.WorkerCaseloadEvent;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.workforcewatch.caseload.Api.fill;
import static uk.workforcewatch.caseload.Api.allocate;
import static uk.workforcewatch.caseload.Api.manager;
import static uk.workforcewatch.caseload.Api.openCase;
import static uk.workforcewatch.caseload.Api.problem;
import static uk.workforcewatch.caseload.Api.senior;

@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class CasesTest {

    @AfterEach
    void backToToday() {
        TestClock.reset();
    }

    @Test
    void aCaseIsOpenedAllocatedRecategorisedReallocatedUnallocatedAndClosedWithItsHistoryAndEvents() {
        UUID team = Staffing.team();
        UUID first = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        UUID second = Staffing.worker(team, Role.SENIOR_PRACTITIONER, "1.0");
        String id = manager(team).body(Map.of("reference", "CIN-" + UUID.randomUUID().toString().substring(0, 8),
                        "category", "CIN", "teamId", team, "openedOn", "2025-02-03"))
                .post("/api/v1/cases").then().statusCode(201)
                .body("status", equalTo("OPEN"), "workerId", nullValue(), "unallocatedSince", notNullValue())
                .extract().path("id");

        allocate(manager(team), id, first, null).statusCode(200)
                .body("workerId", equalTo(first.toString()), "workersSoFar", equalTo(1), "unallocatedSince", nullValue());
        manager(team).body(Map.of("category", "CP")).post("/api/v1/cases/" + id + "/category").then().statusCode(200)
                .body("category", equalTo("CP"));
        senior().get("/api/v1/workers/" + first + "/caseload").then().statusCode(200)
                .body("openCases", equalTo(1), "byCategory.CP", equalTo(1), "limit", equalTo(15), "cpLimit", equalTo(10),
                        "headroom", equalTo(14));
        allocate(manager(team), id, second, null).statusCode(200).body("workersSoFar", equalTo(2));
        manager(team).delete("/api/v1/cases/" + id + "/allocation").then().statusCode(200)
                .body("workerId", nullValue(), "unallocatedSince", notNullValue());
        manager(team).body(Map.of("closedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(), "reason", "Plan ended"))
                .post("/api/v1/cases/" + id + "/closure")
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        manager(team).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("history.change", equalTo(List.of("ALLOCATED", "REALLOCATED", "UNALLOCATED")))
                .body("history.workerId", equalTo(Arrays.asList(first.toString(), second.toString(), null)));

        var events = EventLog.awaitRecords(CaseloadTopics.CASES, id, 6, CaseEvent.class, Duration.ofSeconds(30));
        assertEquals(List.of(CaseEvent.OPENED, CaseEvent.ALLOCATED, CaseEvent.RECATEGORISED, CaseEvent.REALLOCATED,
                CaseEvent.UNALLOCATED, CaseEvent.CLOSED), events.stream().map(EventLog.Published::ceType).toList());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), events.stream().map(e -> e.event().version()).toList());
        assertEquals(CaseCategory.CP, events.get(5).event().caseState().category());
        // who held the case and when travels with every snapshot, by the dates the changes took effect (today,
        // none given): the first worker until the second took it, the second until it was unallocated; nobody after
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        List<CaseAllocation> held = events.get(5).event().caseState().allocations();
        assertEquals(List.of(new CaseAllocation(first, today, today), new CaseAllocation(second, today, today)), held);
        assertEquals(List.of(), events.get(0).event().caseState().allocations());
        assertEquals(List.of(new CaseAllocation(first, today, null)), events.get(1).event().caseState().allocations(),
                "held while allocated");

        var caseloads = EventLog.awaitRecords(CaseloadTopics.WORKER_CASELOADS, first.toString(), 4,
                WorkerCaseloadEvent.class, Duration.ofSeconds(30));
        // hired (0 cases), allocated (1 CIN), recategorised (1 CP), reallocated away (0)
        assertEquals(List.of(0, 1, 1, 0), caseloads.stream().map(e -> e.event().caseload().openCases()).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), caseloads.stream().map(e -> e.event().version()).toList());
        assertEquals(1, caseloads.get(2).event().caseload().byCategory().get(CaseCategory.CP));
    }

    @Test
    void aWorkerWhoHoldsACaseAgainCountsOnceAmongItsWorkers() {
        UUID team = Staffing.team();
        UUID first = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        UUID second = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        String id = openCase(team, "CIN");
        allocate(manager(team), id, first, null).statusCode(200).body("workersSoFar", equalTo(1));
        manager(team).delete("/api/v1/cases/" + id + "/allocation").then().statusCode(200);
        allocate(manager(team), id, first, null).statusCode(200).body("workersSoFar", equalTo(1));
        allocate(manager(team), id, second, null).statusCode(200).body("workersSoFar", equalTo(2));
    }

    @Test
    void casesAreListedByTeamWorkerStatusAndCategoryWithPaging() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        String cp = openCase(team, "CP");
        openCase(team, "LAC");
        openCase(team, "LAC");
        allocate(senior(), cp, worker, null).statusCode(200);

        manager(team).get("/api/v1/cases").then().statusCode(200).body("total", equalTo(3));
        senior().queryParam("workerId", worker).get("/api/v1/cases").then().body("items.id", equalTo(List.of(cp)));
        senior().queryParam("teamId", team).queryParam("category", "LAC").get("/api/v1/cases").then()
                .body("total", equalTo(2));
        senior().queryParam("teamId", team).queryParam("status", "CLOSED").get("/api/v1/cases").then()
                .body("total", equalTo(0));
        senior().queryParam("teamId", team).queryParam("size", 2).queryParam("page", 1).get("/api/v1/cases").then()
                .body("items", hasSize(1), "total", equalTo(3));
    }

    @Test
    void badInputAndUnknownIdsAreRefusedAndNothingChanges() {
        UUID team = Staffing.team();
        problem(senior().body(Map.of("reference", "Jane Smith", "category", "CP", "teamId", team,
                "openedOn", "2025-01-01")).post("/api/v1/cases").then(), 400)
                .body("violations[0].field", equalTo("reference"));
        problem(senior().body(Map.of("reference", "REF-1", "category", "NOT_A_CATEGORY", "teamId", team,
                "openedOn", "2025-01-01")).post("/api/v1/cases").then(), 400)
                .body("violations[0].field", equalTo("category"));
        problem(senior().body(Map.of("reference", "REF-2", "category", "CP", "teamId", UUID.randomUUID(),
                "openedOn", "2025-01-01")).post("/api/v1/cases").then(), 400)
                .body("violations[0].field", equalTo("teamId"));
        problem(senior().body(Map.of("reference", "REF-3", "category", "CP", "teamId", team,
                "openedOn", "2999-01-01")).post("/api/v1/cases").then(), 400);
        String id = openCase(team, "CIN");
        problem(allocate(senior(), id, UUID.randomUUID(), null), 400).body("violations[0].field", equalTo("workerId"));
        problem(allocate(senior(), UUID.randomUUID().toString(), UUID.randomUUID(), null), 404);
        problem(senior().body(Map.of("closedOn", "2024-01-01", "reason", "x")).post("/api/v1/cases/" + id + "/closure")
                .then(), 400).body("violations[0].field", equalTo("closedOn"));
        problem(senior().delete("/api/v1/cases/" + id + "/allocation").then(), 409);
        problem(senior().get("/api/v1/workers/" + UUID.randomUUID() + "/caseload").then(), 404);
        problem(senior().get("/api/v1/teams/" + UUID.randomUUID() + "/caseloads").then(), 404);

        senior().get("/api/v1/cases/" + id).then().body("version", equalTo(0), "workerId", nullValue(),
                "history", hasSize(0));
        assertEquals(1, EventLog.read(CaseloadTopics.CASES, CaseEvent.class, r -> id.equals(r.key())).size());
    }

    @Test
    void aTeamsCaseloadsShowEveryWorkerAndTheCasesWaitingCpFirst() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "0.5");
        String cin = openCase(team, "CIN");
        String cp = openCase(team, "CP");
        allocate(senior(), openCase(team, "LAC"), worker, null).statusCode(200);

        senior().get("/api/v1/teams/" + team + "/caseloads").then().statusCode(200)
                .body("workers", hasSize(1))
                .body("workers[0].workerId", equalTo(worker.toString()), "workers[0].openCases", equalTo(1),
                        "workers[0].limit", equalTo(7), "workers[0].cpLimit", equalTo(4), "workers[0].headroom", equalTo(6))
                .body("unallocated.caseId", equalTo(List.of(cp, cin)))
                .body("unallocated[0].unallocatedSince", equalTo("2025-01-06T00:00:00Z"));
    }

    @Test
    void aTeamsWaitingCasesCountTheHoursSinceTheyBecameUnallocated() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String opened = senior().body(Map.of("reference", "C-" + UUID.randomUUID().toString().substring(0, 13),
                        "category", "CP", "teamId", team, "openedOn", today))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        String released = openCase(team, "CIN");
        allocate(senior(), released, worker, null).statusCode(200);

        TestClock.advance(Duration.ofHours(30));
        senior().delete("/api/v1/cases/" + released + "/allocation").then().statusCode(200);
        TestClock.advance(Duration.ofHours(2));

        senior().get("/api/v1/teams/" + team + "/caseloads").then().statusCode(200)
                .body("unallocated.caseId", equalTo(List.of(opened, released)))
                .body("unallocated.hoursWaiting", equalTo(List.of(32, 2)));
    }

    @Test
    void aCaseRecordedLateHasBeenWaitingSinceTheDayItWasOpened() {
        UUID team = Staffing.team();
        String id = openCase(team, "CP");
        senior().get("/api/v1/cases/" + id).then().body("openedOn", equalTo("2025-01-06"),
                "unallocatedSince", equalTo("2025-01-06T00:00:00Z"));
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String recent = senior().body(Map.of("reference", "C-" + UUID.randomUUID().toString().substring(0, 13),
                        "category", "CP", "teamId", team, "openedOn", today))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        Instant since = Instant.parse(senior().get("/api/v1/cases/" + recent).then().extract().path("unallocatedSince"));
        assertTrue(Duration.between(since, Instant.now()).abs().toMinutes() < 5, "today's case waits from now: " + since);
    }

    @Test
    void aCaseOpenedAllocatedIsHeldToTheSameLimitsAndCountsAtOnce() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        fill(team, worker, "CIN", 15);
        String reference = "C-" + UUID.randomUUID().toString().substring(0, 13);
        Map<String, Object> sixteenth = new HashMap<>(Map.of("reference", reference, "category", "CP", "teamId", team,
                "openedOn", "2025-03-03", "workerId", worker));

        problem(manager(team).body(sixteenth).post("/api/v1/cases").then(), 409)
                .body("breaches[0].limit", equalTo("CASELOAD_LIMIT"));
        sixteenth.put("overrideReason", "Sibling of a child he holds");
        problem(manager(team).body(sixteenth).post("/api/v1/cases").then(), 403);
        senior().queryParam("teamId", team).queryParam("size", 100).get("/api/v1/cases").then()
                .body("total", equalTo(15));

        String id = senior().body(sixteenth).post("/api/v1/cases").then().statusCode(201)
                .body("workerId", equalTo(worker.toString()), "workersSoFar", equalTo(1), "unallocatedSince", nullValue(),
                        "version", equalTo(0))
                .extract().path("id");
        senior().get("/api/v1/cases/" + id).then().body("history.change", equalTo(List.of("ALLOCATED")),
                "history[0].overrideReason", equalTo("Sibling of a child he holds"));
        senior().get("/api/v1/workers/" + worker + "/caseload").then().body("openCases", equalTo(16),
                "byCategory.CP", equalTo(1));
        var opened = EventLog.awaitRecords(CaseloadTopics.CASES, id, 1, CaseEvent.class, Duration.ofSeconds(30));
        assertEquals(CaseEvent.OPENED, opened.get(0).ceType());
        assertEquals(worker, opened.get(0).event().caseState().workerId());
        await().atMost(Duration.ofSeconds(30)).until(() -> EventLog.read(CaseloadTopics.WORKER_CASELOADS,
                WorkerCaseloadEvent.class, r -> worker.toString().equals(r.key())).stream()
                .anyMatch(e -> e.event().caseload().openCases() == 16));
    }

    @Test
    void anOverrideReasonNeedsAWorker() {
        UUID team = Staffing.team();
        problem(senior().body(Map.of("reference", "C-" + UUID.randomUUID().toString().substring(0, 13),
                        "category", "CP", "teamId", team, "openedOn", "2025-03-03", "overrideReason", "Because"))
                .post("/api/v1/cases").then(), 400);
    }
}
