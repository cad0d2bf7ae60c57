package uk.workforcewatch.sickness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.sickness.absence.AbsenceApi;
import uk.workforcewatch.testing.DocumentedExamples;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.workforcewatch.sickness.Api.hr;

/** What operators rely on: health of the database and the Kafka consumers, the API document, metrics. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class PlatformTest {

    /** Every operation that takes a body, with the record it is read into. */
    private static final Map<String, Class<?>> BODIES = Map.of(
            "POST /api/v1/absences", AbsenceApi.RecordAbsence.class,
            "PATCH /api/v1/absences/{id}", AbsenceApi.ChangeAbsence.class,
            "POST /api/v1/absences/{id}/end", AbsenceApi.EndAbsence.class,
            "POST /api/v1/absences/{id}/return-interview", AbsenceApi.ReturnInterview.class);

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
    void theOpenApiDocumentListsTheAbsenceAuditHrAndRecordsEndpoints() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/absences'.post.summary", containsString("HR officers"))
                .body("paths.'/api/v1/absences/{id}/return-interview'.post", notNullValue())
                .body("paths.'/api/v1/absence-audit'.get", notNullValue())
                .body("paths.'/api/v1/absence-trends'.get.summary", containsString("text/csv"))
                .body("paths.'/api/v1/long-term-absences'.get", notNullValue())
                .body("paths.'/api/v1/bradford-factors'.get", notNullValue())
                .body("paths.'/api/v1/return-interviews/due'.get", notNullValue())
                .body("paths.'/api/v1/return-interviews/timeliness'.get", notNullValue())
                .body("paths.'/api/v1/imports/{kind}'.post.summary", containsString("HR officers"))
                .body("paths.'/api/v1/exports/{kind}'.get.summary", containsString("audited"));
    }

    @Test
    void metricsAreExposed() {
        RestAssured.get("/q/metrics").then().statusCode(200).body(containsString("outbox_events_sent_total"));
    }

    @Test
    void everyRequestBodyHasExamplesThatItsRecordAccepts() throws Exception {
        Map<String, Map<String, String>> documented = DocumentedExamples.in("/q/openapi", json);
        DocumentedExamples.assertEachFitsItsRecord(documented, BODIES, json, validator);
        ObjectMapper strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, String> recorded = documented.get("POST /api/v1/absences");
        assertNull(strict.readValue(recorded.get("open"), AbsenceApi.RecordAbsence.class).endDate());
        assertTrue(strict.readValue(recorded.get("already over"), AbsenceApi.RecordAbsence.class)
                .returnInterview() != null, "the episode over comes with its return-to-work interview");
    }

    @Test
    void theExamplesAreAcceptedAsTheyAreWithTheCallersIds() throws Exception {
        Map<String, Map<String, String>> documented = DocumentedExamples.in("/q/openapi", json);
        UUID team = Staffing.team();

        UUID off = Staffing.worker(team, "1.0");
        ExtractableResponse<Response> open = sent(hr().body(DocumentedExamples.body(documented, "POST /api/v1/absences", "open", json,
                "workerId", off)).post("/api/v1/absences"), 201);
        String episode = open.path("id");
        assertEquals(true, open.path("open"));
        ExtractableResponse<Response> corrected = sent(hr().body(DocumentedExamples.body(documented, "PATCH /api/v1/absences/{id}",
                "reason corrected", json, "version", open.path("version"))).patch("/api/v1/absences/" + episode), 200);
        assertEquals("MUSCULOSKELETAL", corrected.path("reason"));
        ExtractableResponse<Response> ended = sent(hr().body(DocumentedExamples.body(documented, "POST /api/v1/absences/{id}/end",
                "back at work", json, "version", corrected.path("version"))).post("/api/v1/absences/" + episode + "/end"), 200);
        assertEquals("2025-12-12", ended.path("endDate"));
        assertEquals("2025-12-15", sent(hr().body(DocumentedExamples.body(documented, "POST /api/v1/absences/{id}/return-interview",
                        "interview held", json, "version", ended.path("version")))
                .post("/api/v1/absences/" + episode + "/return-interview"), 200).path("returnInterviewOn"));

        UUID back = Staffing.worker(team, "1.0");
        ExtractableResponse<Response> over = sent(hr().body(DocumentedExamples.body(documented, "POST /api/v1/absences",
                "already over", json, "workerId", back)).post("/api/v1/absences"), 201);
        assertEquals(false, over.path("open"));
        assertEquals("2025-09-18", over.path("returnInterviewOn"));
        assertEquals("FIT_NOTE", sent(hr().body(DocumentedExamples.body(documented, "PATCH /api/v1/absences/{id}",
                        "fit note arrives", json, "version", over.path("version")))
                .patch("/api/v1/absences/" + over.path("id")), 200).path("certification"));
    }

    private static ExtractableResponse<Response> sent(Response response, int status) {
        return response.then().log().ifValidationFails().statusCode(status).extract();
    }
}
