package uk.workforcewatch.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import com.sun.net.httpserver.HttpHandler;
import uk.workforcewatch.gateway.alerts.AlertApi;
import uk.workforcewatch.gateway.forward.Circuits;
import uk.workforcewatch.gateway.forward.Service;
import uk.workforcewatch.gateway.notifications.SilenceResource;
import uk.workforcewatch.testing.DocumentedExamples;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The whole API's document at the gateway. The services are not running in this module's tests (their own
 * documents are merged in the system test): the gateway's part is there and the missing parts are named.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ServicePorts.class, scope = TestResourceScope.GLOBAL)
class WholeApiTest {

    /** Every operation of the gateway's own that takes a body, with the record it is read into. */
    private static final Map<String, Class<?>> BODIES = Map.of(
            "POST /api/v1/silences", SilenceResource.Silencing.class,
            "POST /api/v1/alerts/{id}/acknowledgement", AlertApi.Acknowledge.class);

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    Circuits circuits;

    @Test
    void anyoneMayReadTheDocumentWithTheGatewaysOperationsAndTheirRolesAndTheMissingPartsNamed() {
        var document = RestAssured.get("/api/v1/openapi").then().statusCode(200)
                .body("info.title", equalTo("Workforce Watch API"))
                .body("paths.'/api/v1/audit'.get", notNullValue())
                .body("paths.'/api/v1/allocation-options'.get", notNullValue())
                .body("paths.'/api/v1/breaches'.get", notNullValue())
                .body("info.description", containsString("staffing-service (not answering)"))
                .body("info.description", containsString("sickness-service (not answering)"));
        // each operation's security requirement names, as its scopes, the roles that may call it
        document.body("paths.'/api/v1/audit'.get.security[0].SecurityScheme", hasItems("senior-manager", "hr-officer"))
                .body("paths.'/api/v1/openapi'.get.security", equalTo(null));
    }

    @Test
    void everyRequestBodyOfTheGatewaysHasExamplesThatItsRecordAcceptsInItsOwnDocumentAndTheWholeOne()
            throws Exception {
        Map<String, Map<String, String>> own = DocumentedExamples.in("/q/openapi", json);
        DocumentedExamples.assertEachFitsItsRecord(own, BODIES, json, validator);
        Map<String, Map<String, String>> whole = DocumentedExamples.in("/api/v1/openapi", json);
        for (String operation : BODIES.keySet()) {
            assertEquals(own.get(operation), whole.get(operation), operation + " in the whole API's document");
        }
    }

    @Test
    void theExamplesAreAcceptedAsTheyAreWithTheCallersIdsAndAFutureUntil() throws Exception {
        Map<String, Map<String, String>> documented = DocumentedExamples.in("/api/v1/openapi", json);
        String silences = "POST /api/v1/silences";
        for (String name : documented.get(silences).keySet()) {
            Map<String, Object> body = DocumentedExamples.body(documented, silences, name, json,
                    "until", clock.instant().plus(Duration.ofDays(1)).toString());
            for (String id : new String[] {"teamId", "subjectId"}) {
                if (body.containsKey(id)) {
                    body.put(id, UUID.randomUUID().toString());
                }
            }
            ExtractableResponse<Response> silence = sent(senior().body(body).post("/api/v1/silences"), 201);
            assertEquals(body.get("rule"), silence.path("rule"));
            assertEquals(body.get("reason"), silence.path("reason"));
            sent(senior().delete("/api/v1/silences/" + silence.path("id")), 200);
        }

        String acknowledgement = "POST /api/v1/alerts/{id}/acknowledgement";
        ExtractableResponse<Response> noted = sent(senior().body(DocumentedExamples.body(documented, acknowledgement, "with a note", json))
                .post("/api/v1/alerts/" + firingAlert() + "/acknowledgement"), 200);
        assertEquals(DocumentedExamples.body(documented, acknowledgement, "with a note", json).get("note"),
                noted.path("acknowledgementNote"));
        assertEquals("ACKNOWLEDGED", noted.path("status"));
        ExtractableResponse<Response> bare = sent(senior().body(DocumentedExamples.body(documented, acknowledgement, "no note", json))
                .post("/api/v1/alerts/" + firingAlert() + "/acknowledgement"), 200);
        assertNull(bare.path("acknowledgementNote"));
    }

    @Test
    void aCouncilsFilePathsWhichServicesShareAreEachOneOperationWithEveryServicesSummaryAndRoles() {
        circuits.resetAll();
        try (StandInService staffing = StandInService.at(Service.STAFFING,
                document("a file of teams, posts or workers", "hr-officer", "senior-manager"));
             StandInService caseload = StandInService.at(Service.CASELOAD, document("a file of cases", "senior-manager"))) {
            RestAssured.get("/api/v1/openapi").then().statusCode(200)
                    .body("paths.'/api/v1/imports/{kind}'.post.summary", equalTo("Import a file of teams, posts or "
                            + "workers (staffing-service); Import a file of cases (caseload-service)"))
                    .body("paths.'/api/v1/exports/{kind}'.get.summary", equalTo("Export a file of teams, posts or "
                            + "workers (staffing-service); Export a file of cases (caseload-service)"))
                    .body("paths.'/api/v1/imports/{kind}'.post.security[0].SecurityScheme",
                            equalTo(List.of("hr-officer", "senior-manager")))
                    .body("info.description", containsString("sickness-service (not answering)"));
        }
    }

    /** A service's OpenAPI document of its import and export, as its /q/openapi answers. */
    private static HttpHandler document(String file, String... roles) {
        String security = "[{\"SecurityScheme\":[\"" + String.join("\",\"", roles) + "\"]}]";
        byte[] document = ("{\"openapi\":\"3.1.0\",\"paths\":{"
                + "\"/api/v1/imports/{kind}\":{\"post\":{\"summary\":\"Import " + file + "\",\"security\":" + security + "}},"
                + "\"/api/v1/exports/{kind}\":{\"get\":{\"summary\":\"Export " + file + "\",\"security\":" + security + "}}"
                + "}}").getBytes(StandardCharsets.UTF_8);
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, document.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(document);
            }
        };
    }

    /** A caseload alert firing for a worker over their limit in a new team. */
    private static String firingAlert() {
        UUID team = UUID.randomUUID();
        Events.caseload(UUID.randomUUID(), team, 0, 2, 15, 15);
        await().atMost(Duration.ofSeconds(60)).until(() -> !senior().queryParam("teamId", team)
                .get("/api/v1/breaches").then().extract().jsonPath().getList("id").isEmpty());
        return senior().queryParam("teamId", team).get("/api/v1/breaches").then().extract().jsonPath()
                .getString("[0].id");
    }

    private static RequestSpecification senior() {
        return RestAssured.given().auth().oauth2(Tokens.seniorManager()).contentType(ContentType.JSON);
    }

    private static ExtractableResponse<Response> sent(Response response, int status) {
        return response.then().log().ifValidationFails().statusCode(status).extract();
    }
}
