package uk.workforcewatch.caseload;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import uk.workforcewatch.events.caseload.CaseEvent;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.events.caseload.WorkerCaseloadEvent;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.Tokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Calls to caseload-service as the people who use it, for the tests. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification senior() {
        return as(Tokens.seniorManager());
    }

    public static RequestSpecification manager(UUID team) {
        return as(Tokens.teamManager(team));
    }

    public static String openCase(UUID team, String category) {
        return senior().body(Map.of("reference", "C-" + UUID.randomUUID().toString().substring(0, 13),
                        "category", category, "teamId", team, "openedOn", "2025-01-06"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse allocate(RequestSpecification as, String caseId, UUID worker, String override) {
        Map<String, Object> body = new HashMap<>();
        body.put("workerId", worker);
        if (override != null) {
            body.put("overrideReason", override);
        }
        return as.body(body).post("/api/v1/cases/" + caseId + "/allocation").then();
    }

    /** Opens and allocates n cases of a category to the worker, each within the limits. */
    public static void fill(UUID team, UUID worker, String category, int n) {
        for (int i = 0; i < n; i++) {
            allocate(senior(), openCase(team, category), worker, null).statusCode(200);
        }
    }

    /** A case refused its allocation is as it was opened: first version, no worker, no history. */
    public static void assertUnallocatedAsOpened(String caseId) {
        senior().get("/api/v1/cases/" + caseId).then().body("version", equalTo(0), "workerId", nullValue(),
                "history", hasSize(0));
    }

    /** The types of the case's events, oldest first, once the topic holds at least {@code count} of them. */
    public static List<String> publishedChanges(String caseId, int count) {
        return EventLog.awaitRecords(CaseloadTopics.CASES, caseId, count, CaseEvent.class, Duration.ofSeconds(30))
                .stream().map(EventLog.Published::ceType).toList();
    }

    /** The open cases of each of the worker's caseload events, oldest first, once there are at least {@code count}. */
    public static List<Integer> publishedCaseloads(UUID worker, int count) {
        return EventLog.awaitRecords(CaseloadTopics.WORKER_CASELOADS, worker.toString(), count,
                        WorkerCaseloadEvent.class, Duration.ofSeconds(30))
                .stream().map(published -> published.event().caseload().openCases()).toList();
    }

    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.log().ifValidationFails().statusCode(status).contentType("application/problem+json");
    }
}
