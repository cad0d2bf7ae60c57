package uk.workforcewatch.staffing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.workforcewatch.staffing.Api.hire;
import static uk.workforcewatch.staffing.Api.hr;
import static uk.workforcewatch.staffing.Api.newTeam;
import static uk.workforcewatch.staffing.Api.problem;

@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class WorkersTest {

    static Map<String, Object> worker(String teamId, String startDate) {
        Map<String, Object> worker = new HashMap<>();
        worker.put("name", "Worker " + UUID.randomUUID());
        worker.put("role", "SOCIAL_WORKER");
        worker.put("teamId", teamId);
        worker.put("fte", "1.0");
        worker.put("employment", "PERMANENT");
        worker.put("startDate", startDate);
        worker.put("registrationNumber", "SW1234567890");
        return worker;
    }

    @Test
    void aWorkerIsHiredChangedWithEffectiveDatesAndLeavesWithEveryEventInOrder() {
        String team = newTeam("CHILD_PROTECTION");
        String otherTeam = newTeam("LOOKED_AFTER_CHILDREN");
        String id = hire(worker(team, "2024-04-01"));

        hr().body(Map.of("effectiveFrom", "2024-09-01", "fte", "0.6", "version", 0))
                .post("/api/v1/workers/" + id + "/changes").then().statusCode(200)
                .body("version", equalTo(1), "history", hasSize(2));
        hr().body(Map.of("effectiveFrom", "2025-01-06", "teamId", otherTeam, "role", "SENIOR_PRACTITIONER"))
                .post("/api/v1/workers/" + id + "/changes").then().statusCode(200)
                .body("teamId", equalTo(otherTeam), "role", equalTo("SENIOR_PRACTITIONER"), "fte", equalTo(0.6f),
                        "history[1].fte", equalTo(0.6f), "history[1].teamId", equalTo(team),
                        "history[2].teamId", equalTo(otherTeam), "history[2].fte", equalTo(0.6f));
        hr().body(Map.of("leftOn", "2025-10-31", "reason", "RESIGNATION", "destination",
                        "SOCIAL_WORK_OTHER_COUNCIL_ENGLAND"))
                .post("/api/v1/workers/" + id + "/leaving").then().statusCode(200)
                .body("status", equalTo("LEFT"), "leftOn", equalTo("2025-10-31"), "version", equalTo(3));

        var events = EventLog.awaitRecords(StaffingTopics.WORKERS, id, 4, WorkerEvent.class, Duration.ofSeconds(30));
        assertEquals(List.of(WorkerEvent.HIRED, WorkerEvent.CHANGED, WorkerEvent.CHANGED, WorkerEvent.LEFT),
                events.stream().map(EventLog.Published::ceType).toList());
        assertEquals(List.of(0L, 1L, 2L, 3L), events.stream().map(e -> e.event().version()).toList());
        var last = events.get(3).event().worker();
        assertEquals(LocalDate.parse("2025-10-31"), last.leftOn());
        assertEquals(3, last.history().size());
        assertEquals(new BigDecimal("0.600000"), last.history().get(1).fte());
    }

    @Test
    void workersAreListedByTeamAndStatusWithPaging() {
        String team = newTeam("CARE_LEAVERS");
        String staying = hire(worker(team, "2024-01-01"));
        String leaver = hire(worker(team, "2024-01-01"));
        String starter = hire(worker(team, LocalDate.now().plusMonths(2).toString()));
        hr().body(Map.of("leftOn", "2024-06-30", "reason", "RETIRED")).post("/api/v1/workers/" + leaver + "/leaving")
                .then().statusCode(200);

        hr().queryParam("teamId", team).get("/api/v1/workers").then().statusCode(200)
                .body("total", equalTo(3), "items", hasSize(3));
        hr().queryParam("teamId", team).queryParam("status", "ACTIVE").get("/api/v1/workers").then()
                .body("items.id", equalTo(List.of(staying)));
        hr().queryParam("teamId", team).queryParam("status", "LEFT").get("/api/v1/workers").then()
                .body("items.id", equalTo(List.of(leaver)));
        hr().queryParam("teamId", team).queryParam("status", "STARTING").get("/api/v1/workers").then()
                .body("items.id", equalTo(List.of(starter)), "items[0].status", equalTo("STARTING"));
        hr().queryParam("teamId", team).queryParam("size", 2).queryParam("page", 1).get("/api/v1/workers").then()
                .body("total", equalTo(3), "items", hasSize(1), "page", equalTo(1));
    }

    @Test
    void aWorkerWhoMovesTeamIsListedInTheNewTeamOnly() {
        String from = newTeam("EARLY_HELP");
        String to = newTeam("EARLY_HELP");
        String id = hire(worker(from, "2024-02-01"));
        hr().body(Map.of("effectiveFrom", "2024-03-01", "teamId", to)).post("/api/v1/workers/" + id + "/changes")
                .then().statusCode(200);

        hr().queryParam("teamId", to).get("/api/v1/workers").then().body("items.id", hasItem(id));
        hr().queryParam("teamId", from).get("/api/v1/workers").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void badInputIsRefusedWithTheFieldsAtFaultAndNothingIsWritten() {
        String team = newTeam("COURT");
        Map<String, Object> tooMuch = worker(team, "2024-01-01");
        tooMuch.put("fte", "1.5");
        tooMuch.put("registrationNumber", "SW1234567890 (was SW1)");
        tooMuch.remove("employment");
        problem(hr().body(tooMuch).post("/api/v1/workers").then(), 400)
                .body("violations.field", equalTo(List.of("employment", "fte", "registrationNumber")));

        Map<String, Object> none = worker(team, "2024-01-01");
        none.put("fte", "0");
        problem(hr().body(none).post("/api/v1/workers").then(), 400).body("violations[0].field", equalTo("fte"));

        Map<String, Object> unknownTeam = worker(UUID.randomUUID().toString(), "2024-01-01");
        problem(hr().body(unknownTeam).post("/api/v1/workers").then(), 400)
                .body("violations[0].field", equalTo("teamId"));
        hr().queryParam("teamId", team).get("/api/v1/workers").then().body("total", equalTo(0));

        String id = hire(worker(team, "2024-01-01"));
        problem(hr().body(Map.of("leftOn", "2023-12-31", "reason", "RESIGNATION"))
                .post("/api/v1/workers/" + id + "/leaving").then(), 400)
                .body("violations[0].field", equalTo("leftOn"), "detail", containsString("start date"));
        problem(hr().body(Map.of("effectiveFrom", "2024-05-01", "fte", "1.01"))
                .post("/api/v1/workers/" + id + "/changes").then(), 400).body("violations[0].field", equalTo("fte"));
        problem(hr().body(Map.of("effectiveFrom", "2024-05-01"))
                .post("/api/v1/workers/" + id + "/changes").then(), 400);
        problem(hr().body(Map.of("effectiveFrom", "2024-05-01", "teamId", UUID.randomUUID()))
                .post("/api/v1/workers/" + id + "/changes").then(), 400).body("violations[0].field", equalTo("teamId"));
        problem(hr().body(Map.of("effectiveFrom", "2024-05-01", "fte", "0.5", "version", 4))
                .post("/api/v1/workers/" + id + "/changes").then(), 409);
        problem(hr().body(Map.of("effectiveFrom", "2024-05-01", "fte", "0.5"))
                .post("/api/v1/workers/" + UUID.randomUUID() + "/changes").then(), 404);
        problem(hr().get("/api/v1/workers/" + UUID.randomUUID()).then(), 404);

        hr().get("/api/v1/workers/" + id).then().statusCode(200)
                .body("version", equalTo(0), "history", hasSize(1), "leftOn", equalTo(null), "fte", equalTo(1.0f));
        assertEquals(1, EventLog.awaitRecords(StaffingTopics.WORKERS, id, 1, WorkerEvent.class, Duration.ofSeconds(30))
                .size());
    }

    @Test
    void racingChangesEitherSucceedOrAreRefusedAsConflictsAndEachSuccessIsOneEvent() throws Exception {
        String id = hire(worker(newTeam("OTHER"), "2024-01-01"));
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String day = String.format("2024-02-%02d", i + 1);
                answers.add(pool.submit(() -> hr().body(Map.of("effectiveFrom", day, "fte", "0.5"))
                        .post("/api/v1/workers/" + id + "/changes").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
            long succeeded = statuses.stream().filter(s -> s == 200).count();
            assertTrue(succeeded >= 1, statuses.toString());
            hr().get("/api/v1/workers/" + id).then().body("version", equalTo((int) succeeded),
                    "history", hasSize((int) succeeded + 1));
            var events = EventLog.awaitRecords(StaffingTopics.WORKERS, id, (int) succeeded + 1, WorkerEvent.class,
                    Duration.ofSeconds(30));
            assertEquals(LongStream.rangeClosed(0, succeeded).boxed().toList(),
                    events.stream().map(e -> e.event().version()).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void changesAreRecordedInDateOrderAndAChangeOfNothingIsRefused() {
        String team = newTeam("OTHER");
        String id = hire(worker(team, "2024-01-01"));
        hr().body(Map.of("effectiveFrom", "2024-06-01", "fte", "0.5")).post("/api/v1/workers/" + id + "/changes")
                .then().statusCode(200);
        problem(hr().body(Map.of("effectiveFrom", "2024-03-01", "teamId", newTeam("OTHER")))
                .post("/api/v1/workers/" + id + "/changes").then(), 409).body("detail", containsString("2024-06-01"));
        problem(hr().body(Map.of()).patch("/api/v1/workers/" + id).then(), 400);
        problem(hr().queryParam("status", "RETIRED").get("/api/v1/workers").then(), 400);
        problem(hr().queryParam("teamId", "not-a-team").get("/api/v1/workers").then(), 400);

        hr().get("/api/v1/workers/" + id).then().body("version", equalTo(1), "teamId", equalTo(team));
        assertEquals(2, EventLog.awaitRecords(StaffingTopics.WORKERS, id, 2, WorkerEvent.class, Duration.ofSeconds(30))
                .size());
    }

    @Test
    void anUnreadableValueIsNamedWithoutOurInternals() {
        Map<String, Object> worker = worker(newTeam("OTHER"), "2024-13-45");
        worker.put("role", "WIZARD");
        problem(hr().body(worker).post("/api/v1/workers").then(), 400)
                .body("detail", not(containsString("uk.workforcewatch")))
                .body("violations[0].field", equalTo("role"))
                .body("violations[0].message", containsString("SOCIAL_WORKER"));
    }

    @Test
    void aWorkerLeavesOnlyOnce() {
        String id = hire(worker(newTeam("OTHER"), "2024-01-01"));
        hr().body(Map.of("leftOn", "2024-12-31", "reason", "RESIGNATION")).post("/api/v1/workers/" + id + "/leaving")
                .then().statusCode(200);
        problem(hr().body(Map.of("leftOn", "2025-01-31", "reason", "RESIGNATION"))
                .post("/api/v1/workers/" + id + "/leaving").then(), 409);
        problem(hr().body(Map.of("effectiveFrom", "2025-01-06", "fte", "0.5"))
                .post("/api/v1/workers/" + id + "/changes").then(), 400).body("violations[0].field",
                equalTo("effectiveFrom"));
    }
}
