package uk.workforcewatch.staffing;

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
import uk.workforcewatch.staffing.posts.PostApi;
import uk.workforcewatch.staffing.teams.TeamApi;
import uk.workforcewatch.staffing.workers.WorkerApi;
import uk.workforcewatch.testing.DocumentedExamples;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.staffing.Api.hr;
import static uk.workforcewatch.staffing.Api.newTeam;

/** What operators rely on: health of the database and Kafka, the API document, and metrics. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class PlatformTest {

    /** Every operation that takes a body, with the record it is read into. */
    private static final Map<String, Class<?>> BODIES = Map.ofEntries(
            Map.entry("POST /api/v1/teams", TeamApi.CreateTeam.class),
            Map.entry("PATCH /api/v1/teams/{id}", TeamApi.ChangeTeam.class),
            Map.entry("POST /api/v1/posts", PostApi.EstablishPost.class),
            Map.entry("POST /api/v1/posts/{id}/removal", PostApi.RemovePost.class),
            Map.entry("POST /api/v1/posts/{id}/recruitment", PostApi.Advertise.class),
            Map.entry("PATCH /api/v1/posts/{id}/recruitment/{roundId}", PostApi.RecruitmentProgress.class),
            Map.entry("POST /api/v1/workers", WorkerApi.HireWorker.class),
            Map.entry("POST /api/v1/workers/{id}/changes", WorkerApi.ChangeWorker.class),
            Map.entry("PATCH /api/v1/workers/{id}", WorkerApi.ChangeDetails.class),
            Map.entry("POST /api/v1/workers/{id}/leaving", WorkerApi.RecordLeaving.class));

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        RestAssured.get("/q/health/live").then().statusCode(200);
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "Kafka connection health check"));
    }

    @Test
    void theOpenApiDocumentListsEveryResourceWithItsRoles() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/workers/{id}/leaving'.post.summary", containsString("HR officers"))
                .body("paths.'/api/v1/indicators'.get", notNullValue())
                .body("paths.'/api/v1/vacancies'.get", notNullValue());
    }

    @Test
    void metricsCountTheEventsSent() {
        newTeam("OTHER");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RestAssured.get("/q/metrics").then()
                .statusCode(200).body(containsString("outbox_events_sent_total")));
    }

    @Test
    void everyRequestBodyHasExamplesThatItsRecordAccepts() throws Exception {
        Map<String, Map<String, String>> documented = DocumentedExamples.in("/q/openapi", json);
        DocumentedExamples.assertEachFitsItsRecord(documented, BODIES, json, validator);
    }

    @Test
    void theExamplesAreAcceptedAsTheyAreWithTheCallersIds() throws Exception {
        Map<String, Map<String, String>> documented = DocumentedExamples.in("/q/openapi", json);

        Map<String, Object> team = DocumentedExamples.body(documented, "POST /api/v1/teams", "team", json);
        team.put("name", team.get("name") + " " + UUID.randomUUID());
        ExtractableResponse<Response> created = sent(hr().body(team).post("/api/v1/teams"), 201);
        String teamId = created.path("id");

        String postId = sent(hr().body(DocumentedExamples.body(documented, "POST /api/v1/posts", "full-time social worker", json,
                "teamId", teamId)).post("/api/v1/posts"), 201).path("id");
        ExtractableResponse<Response> post = sent(hr().body(DocumentedExamples.body(documented, "POST /api/v1/posts/{id}/recruitment",
                "advertised", json)).post("/api/v1/posts/" + postId + "/recruitment"), 201);
        String round = post.path("recruitment[0].id");
        String progress = "PATCH /api/v1/posts/{id}/recruitment/{roundId}";
        post = sent(hr().body(DocumentedExamples.body(documented, progress, "offer made", json, "version", post.path("version")))
                .patch("/api/v1/posts/" + postId + "/recruitment/" + round), 200);
        assertEquals("2025-09-01", sent(hr().body(DocumentedExamples.body(documented, progress, "start date", json,
                        "version", post.path("version"))).patch("/api/v1/posts/" + postId + "/recruitment/" + round),
                200).path("recruitment[0].startsOn"));

        ExtractableResponse<Response> permanent = sent(hr().body(DocumentedExamples.body(documented, "POST /api/v1/workers",
                "permanent into a post", json, "teamId", teamId, "postId", postId)).post("/api/v1/workers"), 201);
        String workerId = permanent.path("id");
        assertEquals(postId, permanent.path("postId"));
        sent(hr().body(DocumentedExamples.body(documented, "POST /api/v1/workers/{id}/changes", "fewer hours", json,
                "version", permanent.path("version"))).post("/api/v1/workers/" + workerId + "/changes"), 200);
        sent(hr().body(DocumentedExamples.body(documented, "PATCH /api/v1/teams/{id}", "new manager", json, "managerId", workerId,
                "version", created.path("version"))).patch("/api/v1/teams/" + teamId), 200);

        ExtractableResponse<Response> agency = sent(hr().body(DocumentedExamples.body(documented, "POST /api/v1/workers", "agency", json,
                "teamId", teamId)).post("/api/v1/workers"), 201);
        assertEquals("2026-07-31", sent(hr().body(DocumentedExamples.body(documented, "POST /api/v1/workers/{id}/leaving", "resigned", json,
                        "version", agency.path("version"))).post("/api/v1/workers/" + agency.path("id") + "/leaving"),
                200).path("leftOn"));
    }

    private static ExtractableResponse<Response> sent(Response response, int status) {
        return response.then().log().ifValidationFails().statusCode(status).extract();
    }
}
