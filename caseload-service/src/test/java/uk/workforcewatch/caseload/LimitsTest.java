package uk.workforcewatch.caseload;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseEvent;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.events.caseload.WorkerCaseloadEvent;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.caseload.Api.allocate;
import static uk.workforcewatch.caseload.Api.assertUnallocatedAsOpened;
import static uk.workforcewatch.caseload.Api.fill;
import static uk.workforcewatch.caseload.Api.manager;
import static uk.workforcewatch.caseload.Api.openCase;
import static uk.workforcewatch.caseload.Api.problem;
import static uk.workforcewatch.caseload.Api.publishedCaseloads;
import static uk.workforcewatch.caseload.Api.publishedChanges;
import static uk.workforcewatch.caseload.Api.senior;

/**
 * The hard line: 15 per full-time worker, the CP mix, the ASYE protection, and the override that records itself, on
 * allocating and on a case changing category.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class LimitsTest {

    @Test
    void theSixteenthCaseIsRefusedWithTheLimitAndItsFiguresAndNothingChanges() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        fill(team, worker, "CIN", 15);
        String sixteenth = openCase(team, "LAC");

        senior().queryParam("category", "LAC").get("/api/v1/workers/" + worker + "/allocation-check").then()
                .statusCode(200).body("allowed", equalTo(false), "breaches.limit", equalTo(List.of("CASELOAD_LIMIT")))
                .body("caseload.openCases", equalTo(15), "caseload.headroom", equalTo(0));
        problem(allocate(manager(team), sixteenth, worker, null), 409)
                .body("breaches[0].limit", equalTo("CASELOAD_LIMIT"), "breaches[0].current", equalTo(15),
                        "breaches[0].after", equalTo(16), "breaches[0].maximum", equalTo(15))
                .body("detail", containsString("CASELOAD_LIMIT"));

        senior().get("/api/v1/cases/" + sixteenth).then().body("workerId", nullValue(), "version", equalTo(0));
        senior().get("/api/v1/workers/" + worker + "/caseload").then().body("openCases", equalTo(15));
        assertEquals(1, EventLog.read(CaseloadTopics.CASES, CaseEvent.class, r -> sixteenth.equals(r.key())).size());
    }

    @Test
    void theDryRunSaysYesWhileThereIsRoomAndAllocatesNothing() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        fill(team, worker, "CP", 9);

        manager(team).queryParam("category", "CP").get("/api/v1/workers/" + worker + "/allocation-check").then()
                .statusCode(200).body("allowed", equalTo(true), "breaches", hasSize(0), "category", equalTo("CP"))
                .body("caseload.openCases", equalTo(9), "caseload.byCategory.CP", equalTo(9),
                        "caseload.headroom", equalTo(6));
        senior().get("/api/v1/workers/" + worker + "/caseload").then().body("openCases", equalTo(9));
    }

    @Test
    void theCpMixIsHeldAtTwoThirdsOfTheLimitAndARefusalChangesNothing() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        UUID colleague = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        fill(team, worker, "CP", 10);
        String eleventh = openCase(team, "CP");
        problem(allocate(senior(), eleventh, worker, null), 409)
                .body("breaches.limit", equalTo(List.of("CP_LIMIT")), "breaches[0].maximum", equalTo(10));

        assertUnallocatedAsOpened(eleventh);
        senior().get("/api/v1/workers/" + worker + "/caseload").then().body("openCases", equalTo(10),
                "byCategory.CP", equalTo(10));
        allocate(senior(), openCase(team, "CIN"), worker, null).statusCode(200);
        allocate(senior(), eleventh, colleague, null).statusCode(200);
        // events of a refusal would stand before those of the changes after it
        assertEquals(List.of(CaseEvent.OPENED, CaseEvent.ALLOCATED), publishedChanges(eleventh, 2));
        assertEquals(upTo(11), publishedCaseloads(worker, 12));
    }

    @Test
    void aNewlyQualifiedWorkerHasAProtectedCaseloadAndNoCpOrCourtWorkAloneAndARefusalChangesNothing() {
        UUID team = Staffing.team();
        UUID asye = Staffing.worker(team, Role.ASYE, "1.0");
        UUID colleague = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        String court = openCase(team, "COURT");
        problem(allocate(senior(), court, asye, null), 409)
                .body("breaches.limit", equalTo(List.of("ASYE_HIGH_RISK_CASE")));
        fill(team, asye, "CIN", 12);
        String thirteenth = openCase(team, "CIN");
        problem(allocate(senior(), thirteenth, asye, null), 409)
                .body("breaches.limit", equalTo(List.of("CASELOAD_LIMIT")), "breaches[0].maximum", equalTo(12));

        assertUnallocatedAsOpened(court);
        assertUnallocatedAsOpened(thirteenth);
        senior().get("/api/v1/workers/" + asye + "/caseload").then().body("openCases", equalTo(12),
                "byCategory.COURT", equalTo(0));
        allocate(senior(), court, colleague, null).statusCode(200);
        allocate(senior(), thirteenth, colleague, null).statusCode(200);
        String held = senior().queryParam("workerId", asye).get("/api/v1/cases").then().extract().path("items[0].id");
        senior().delete("/api/v1/cases/" + held + "/allocation").then().statusCode(200);
        assertEquals(List.of(CaseEvent.OPENED, CaseEvent.ALLOCATED), publishedChanges(court, 2));
        assertEquals(List.of(CaseEvent.OPENED, CaseEvent.ALLOCATED), publishedChanges(thirteenth, 2));
        List<Integer> expected = new ArrayList<>(upTo(12));
        expected.add(11);
        assertEquals(expected, publishedCaseloads(asye, 14));
    }

    /** The open cases of a worker's caseload events from hiring to n allocations: 0, 1, ..., n. */
    private static List<Integer> upTo(int n) {
        return IntStream.rangeClosed(0, n).boxed().toList();
    }

    @Test
    void aSeniorManagerOverridesWithAReasonAndTheOverrideIsRecorded() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "0.5");
        fill(team, worker, "LAC", 7);
        String eighth = openCase(team, "LAC");

        problem(allocate(manager(team), eighth, worker, "Sibling of a child she already holds"), 403);
        allocate(senior(), eighth, worker, "Sibling of a child she already holds").statusCode(200)
                .body("workerId", equalTo(worker.toString()))
                .body("history[-1].overridden", containsString("CASELOAD_LIMIT"));
        senior().get("/api/v1/cases/" + eighth).then()
                .body("history", hasSize(1))
                .body("history[0].overrideReason", equalTo("Sibling of a child she already holds"))
                .body("history[0].overridden", containsString("CASELOAD_LIMIT (7 now, 8 after, at most 7)"))
                .body("history[0].recordedBy", equalTo("senior-manager-user"));
        senior().get("/api/v1/workers/" + worker + "/caseload").then().body("openCases", equalTo(8),
                "headroom", equalTo(-1));
    }

    @Test
    void aCaseBecomingCpCountsAgainstTheCpMixOfItsHolderAndIsRefusedWithTheFiguresUnlessOverridden() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "0.5");   // 7 cases, 4 of them CP
        fill(team, worker, "CP", 4);
        List<String> cin = List.of(openCase(team, "CIN"), openCase(team, "CIN"), openCase(team, "CIN"));
        cin.forEach(id -> allocate(senior(), id, worker, null).statusCode(200));
        String planStarts = cin.get(0);

        problem(recategorise(manager(team), planStarts, "CP", null), 409)
                .body("breaches.limit", equalTo(List.of("CP_LIMIT")), "breaches[0].current", equalTo(4),
                        "breaches[0].after", equalTo(5), "breaches[0].maximum", equalTo(4))
                .body("detail", containsString("CP_LIMIT"), "detail", containsString("held by worker " + worker));
        problem(recategorise(manager(team), planStarts, "CP", "Plan agreed at conference today"), 403);
        senior().get("/api/v1/cases/" + planStarts).then().body("category", equalTo("CIN"), "version", equalTo(1),
                "categories", hasSize(1));
        senior().get("/api/v1/workers/" + worker + "/caseload").then().body("byCategory.CP", equalTo(4));

        recategorise(senior(), planStarts, "CP", "Plan agreed at conference today").statusCode(200)
                .body("category", equalTo("CP"), "categories", hasSize(2), "categories[1].category", equalTo("CP"))
                .body("categories[1].overrideReason", equalTo("Plan agreed at conference today"),
                        "categories[1].overridden", equalTo("CP_LIMIT (4 now, 5 after, at most 4)"),
                        "categories[1].recordedBy", equalTo("senior-manager-user"));
        senior().get("/api/v1/cases/" + planStarts).then().body("categories[1].overridden",
                containsString("CP_LIMIT"), "categories[0].overridden", nullValue());
        senior().get("/api/v1/workers/" + worker + "/caseload").then().body("openCases", equalTo(7),
                "byCategory.CP", equalTo(5), "byCategory.CIN", equalTo(2));
        // at its limit of 7 cases and over its CP limit, a change that raises neither goes through
        recategorise(manager(team), cin.get(1), "LAC", null).statusCode(200).body("categories[1].overridden",
                nullValue());
        recategorise(manager(team), planStarts, "CIN", null).statusCode(200);
        // the refusals published nothing: one event per change that went through
        assertEquals(List.of(CaseEvent.OPENED, CaseEvent.ALLOCATED, CaseEvent.RECATEGORISED,
                CaseEvent.RECATEGORISED), publishedChanges(planStarts, 4));
        List<Integer> cp = EventLog.awaitRecords(CaseloadTopics.WORKER_CASELOADS, worker.toString(), 11,
                        WorkerCaseloadEvent.class, Duration.ofSeconds(30)).stream()
                .map(published -> published.event().caseload().byCategory().get(CaseCategory.CP)).toList();
        assertEquals(List.of(4, 5, 5, 4), cp.subList(7, 11));
    }

    @Test
    void aNewlyQualifiedWorkersCaseBecomingCourtWorkIsRefusedAsAllocatingItWouldBe() {
        UUID team = Staffing.team();
        UUID asye = Staffing.worker(team, Role.ASYE, "1.0");
        String held = openCase(team, "CIN");
        allocate(senior(), held, asye, null).statusCode(200);
        String waiting = openCase(team, "CIN");

        problem(recategorise(manager(team), held, "COURT", null), 409)
                .body("breaches.limit", equalTo(List.of("ASYE_HIGH_RISK_CASE")));
        senior().get("/api/v1/cases/" + held).then().body("category", equalTo("CIN"));
        // nobody holds the waiting case: no limit to judge it by
        recategorise(manager(team), waiting, "COURT", null).statusCode(200).body("category", equalTo("COURT"));
        recategorise(senior(), held, "COURT", "Co-worked with her practice supervisor").statusCode(200)
                .body("categories[1].overridden", containsString("ASYE_HIGH_RISK_CASE"));
    }

    private static ValidatableResponse recategorise(RequestSpecification as, String caseId, String category,
                                                    String override) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", category);
        if (override != null) {
            body.put("overrideReason", override);
        }
        return as.body(body).post("/api/v1/cases/" + caseId + "/category").then().log().ifValidationFails();
    }

    @Test
    void twoAllocationsRacingForTheLastPlaceNeverBothSucceed() throws Exception {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        fill(team, worker, "CIN", 14);
        List<String> contenders = List.of(openCase(team, "CIN"), openCase(team, "LAC"), openCase(team, "ADOPTION"),
                openCase(team, "CARE_LEAVER"));
        ExecutorService pool = Executors.newFixedThreadPool(contenders.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String contender : contenders) {
                answers.add(pool.submit(() -> allocate(senior(), contender, worker, null).extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        senior().get("/api/v1/workers/" + worker + "/caseload").then().body("openCases", equalTo(15));
    }
}
