package uk.workforcewatch.caseload;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.caseload.cases.CaseApi;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.testing.DocumentedExamples;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.workforcewatch.caseload.Api.fill;
import static uk.workforcewatch.caseload.Api.senior;

/** What operators rely on: health of the database and the Kafka consumers, the API document, metrics. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class PlatformTest {

    /** Every operation that takes a body, with the record it is read into. */
    private static final Map<String, Class<?>> BODIES = Map.of(
            "POST /api/v1/cases", CaseApi.OpenCase.class,
            "POST /api/v1/cases/{id}/category", CaseApi.Recategorise.class,
            "POST /api/v1/cases/{id}/allocation", CaseApi.Allocate.class,
            "POST /api/v1/cases/{id}/closure", CaseApi.Close.class,
            "POST /api/v1/cases/{id}/history/{changeId}/correction", CaseApi.Correction.class);

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        RestAssured.get("/q/health/live").then().statusCode(200);
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void theOpenApiDocumentListsTheAllocationRules() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/cases/{id}/allocation'.post.summary", containsString("senior manager"))
                .body("paths.'/api/v1/workers/{id}/allocation-check'.get", notNullValue());
    }

    @Test
    void metricsAreExposed() {
        RestAssured.get("/q/metrics").then().statusCode(200).body(containsString("outbox_events_sent_total"));
    }

    @Test
    void everyRequestBodyHasExamplesThatItsRecordAccepts() throws Exception {
        Map<String, Map<String, String>> documented = DocumentedExamples.in("/q/openapi", json);
        DocumentedExamples.assertEachFitsItsRecord(documented, BODIES, json, validator);
        assertNotNull(json.readTree(documented.get("POST /api/v1/cases/{id}/allocation").get("limit overridden"))
                .get("overrideReason"), "the override example gives its reason");
    }

    @Test
    void theExamplesAreAcceptedAsTheyAreWithTheCallersIds() throws Exception {
        Map<String, Map<String, String>> documented = DocumentedExamples.in("/q/openapi", json);
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");

        ExtractableResponse<Response> opened = sent(senior().body(DocumentedExamples.body(documented, "POST /api/v1/cases",
                "unallocated", json, "teamId", team, "reference", uniqueReference())).post("/api/v1/cases"), 201);
        String caseId = opened.path("id");
        ExtractableResponse<Response> recategorised = sent(senior().body(DocumentedExamples.body(documented,
                "POST /api/v1/cases/{id}/category", "child protection plan", json, "version", opened.path("version")))
                .post("/api/v1/cases/" + caseId + "/category"), 200);
        assertEquals("CP", recategorised.path("category"));
        ExtractableResponse<Response> allocated = sent(senior().body(DocumentedExamples.body(documented,
                "POST /api/v1/cases/{id}/allocation", "within the limits", json, "workerId", worker))
                .post("/api/v1/cases/" + caseId + "/allocation"), 200);
        assertEquals(worker.toString(), allocated.path("workerId"));
        assertEquals("2025-11-10", allocated.path("history[0].effectiveOn"));
        ExtractableResponse<Response> corrected = sent(senior().body(DocumentedExamples.body(documented,
                "POST /api/v1/cases/{id}/history/{changeId}/correction", "wrong date", json))
                .post("/api/v1/cases/" + caseId + "/history/" + allocated.path("history[0].id") + "/correction"), 200);
        assertEquals("2025-11-12", corrected.path("history[1].effectiveOn"));
        assertEquals("2026-03-20", sent(senior().body(DocumentedExamples.body(documented, "POST /api/v1/cases/{id}/closure",
                        "plan ended", json, "version", corrected.path("version")))
                        .post("/api/v1/cases/" + caseId + "/closure"),
                200).path("closedOn"));

        assertEquals(worker.toString(), sent(senior().body(DocumentedExamples.body(documented, "POST /api/v1/cases",
                "opened allocated", json, "teamId", team, "workerId", worker, "reference", uniqueReference())).post("/api/v1/cases"), 201).path("workerId"));

        // a 0.2 FTE worker's limit is 3: full, a fourth case goes only with the senior manager's override
        UUID partTime = Staffing.worker(team, Role.SOCIAL_WORKER, "0.2");
        fill(team, partTime, "CIN", 3);
        ExtractableResponse<Response> unallocated = sent(senior().body(DocumentedExamples.body(documented, "POST /api/v1/cases",
                "unallocated", json, "teamId", team, "reference", uniqueReference())).post("/api/v1/cases"), 201);
        ExtractableResponse<Response> overridden = sent(senior().body(DocumentedExamples.body(documented,
                "POST /api/v1/cases/{id}/allocation", "limit overridden", json, "workerId", partTime,
                "version", unallocated.path("version")))
                .post("/api/v1/cases/" + unallocated.path("id") + "/allocation"),
                200);
        List<String> overrides = overridden.path("history.overrideReason");
        assertTrue(overrides.stream().anyMatch(reason -> reason != null && reason.startsWith("She already works")),
                "the override is recorded with its reason: " + overrides);
        ExtractableResponse<Response> struck = sent(senior().body(DocumentedExamples.body(documented,
                "POST /api/v1/cases/{id}/history/{changeId}/correction", "never happened", json))
                .post("/api/v1/cases/" + unallocated.path("id") + "/history/" + overridden.path("history[0].id")
                        + "/correction"), 200);
        assertNull(struck.path("workerId"));
    }

    /**
     * The documented example, as sent, with the named fields replaced (by ids the test made, say); the case
     * reference made unique, as references are.
     */

    /** A reference no other case has: the examples' own would be taken after their first use. */
    private static String uniqueReference() {
        return "C-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ExtractableResponse<Response> sent(Response response, int status) {
        return response.then().log().ifValidationFails().statusCode(status).extract();
    }
}
