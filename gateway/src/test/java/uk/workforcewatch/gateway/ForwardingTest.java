package uk.workforcewatch.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.gateway.forward.Circuits;
import uk.workforcewatch.gateway.forward.Service;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway forwarding to services that are down, hung or failing, with nothing but real sockets in
 * their place: the caller always gets an answer in bounded time, a 503 problem naming the service, and
 * the gateway's own endpoints keep answering. A successful forward to the real services is the system
 * test's.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ServicePorts.class, scope = TestResourceScope.GLOBAL)
class ForwardingTest {

    /** forward.timeout in the test configuration; GETs are tried three times in all. */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration THREE_TRIES = TIMEOUT.multipliedBy(3);

    /** A hung gateway fails the test instead of hanging it. */
    private static final RestAssuredConfig PATIENT_BUT_NOT_FOREVER = RestAssured.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 20_000)
                    .setParam("http.connection.timeout", 20_000));

    @Inject
    Circuits circuits;

    private final List<SilentService> silent = new ArrayList<>();

    @BeforeEach
    void closedCircuits() {
        circuits.resetAll();
    }

    @AfterEach
    void stopSilentServices() {
        silent.forEach(SilentService::close);
    }

    private SilentService silentAt(Service service) {
        SilentService s = SilentService.listenOn(ServicePorts.port(service));
        silent.add(s);
        return s;
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().config(PATIENT_BUT_NOT_FOREVER).auth().oauth2(token);
    }

    private static RequestSpecification senior() {
        return as(Tokens.seniorManager());
    }

    private static void assertUnavailable(Response response, Service service) {
        response.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", equalTo("about:blank"), "title", equalTo("Service Unavailable"),
                        "status", equalTo(503), "detail", containsString(service.title()),
                        "service", equalTo(service.title()));
        assertFalse(response.asString().contains("Exception"), "no stack trace, no exception names");
    }

    private static long millis(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** The count stays put for a while: nothing more arrives late. */
    private static void staysAt(SilentService service, int connections, Duration during) {
        await().during(during).atMost(during.plusSeconds(5)).until(() -> service.connections() == connections);
    }

    @Test
    void eachServiceThatIsDownGivesA503ProblemWithRetryAfterWellWithinTheTimeouts() {
        Map<String, Service> paths = Map.of(
                "/api/v1/teams", Service.STAFFING,
                "/api/v1/workers/" + UUID.randomUUID() + "/caseload", Service.CASELOAD,
                "/api/v1/long-term-absences", Service.SICKNESS);
        paths.forEach((path, service) -> {
            long took = millis(() -> assertUnavailable(senior().get(path), service));
            assertTrue(took < THREE_TRIES.toMillis(), path + " answered in " + took + " ms");
        });
        assertUnavailable(senior().contentType(ContentType.JSON).body("{}").post("/api/v1/absences"), Service.SICKNESS);
    }

    @Test
    void theGatewaysOwnEndpointsAnswerWhileAForwardWaitsForAHungService() throws Exception {
        UUID worker = UUID.randomUUID();
        Events.caseload(worker, UUID.randomUUID(), 0, 1, 2, 15);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> senior().get("/api/v1/monitoring/workers/" + worker).statusCode() == 200);
        SilentService staffing = silentAt(Service.STAFFING);

        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> senior().get("/api/v1/workers"));
        await().atMost(Duration.ofSeconds(10)).until(() -> staffing.connections() >= 1);

        try {
            senior().get("/api/v1/breaches").then().statusCode(200);
            senior().get("/api/v1/monitoring/workers/" + worker).then().statusCode(200)
                    .body("id", equalTo(worker.toString()));
            assertFalse(waiting.isDone(), "the own endpoints answered while the forward still waited");
        } finally {
            // its tries must not reach the next test's silent service
            assertUnavailable(waiting.get(30, TimeUnit.SECONDS), Service.STAFFING);
        }
    }

    @Test
    void aHungServiceTimesOutAndASafeReadIsTriedThreeTimes() {
        SilentService staffing = silentAt(Service.STAFFING);

        Response[] answer = new Response[1];
        long took = millis(() -> answer[0] = senior().queryParam("teamId", UUID.randomUUID()).get("/api/v1/workers"));

        assertUnavailable(answer[0], Service.STAFFING);
        answer[0].then().body("detail", containsString("no answer within 1000 ms"));
        assertTrue(took >= THREE_TRIES.toMillis() - 100, "three timeouts, not " + took + " ms");
        assertTrue(took < THREE_TRIES.toMillis() + 5_000, "bounded, not " + took + " ms");
        await().atMost(Duration.ofSeconds(5)).until(() -> staffing.connections() == 3);
        staysAt(staffing, 3, Duration.ofMillis(500));
    }

    @Test
    void aWriteToAHungServiceIsNeverTriedTwice() {
        SilentService caseload = silentAt(Service.CASELOAD);

        long took = millis(() -> assertUnavailable(senior().contentType(ContentType.JSON).body("{\"reference\":\"X\"}")
                .post("/api/v1/cases"), Service.CASELOAD));

        assertTrue(took >= TIMEOUT.toMillis() - 100 && took < THREE_TRIES.toMillis(), took + " ms");
        staysAt(caseload, 1, TIMEOUT.plusMillis(500));
    }

    @Test
    void onlyAValidTokenWithARoleSendsTheRequestOnWithTheCallersHeadersAndBody() {
        SilentService staffing = silentAt(Service.STAFFING);
        UUID id = UUID.randomUUID();
        String path = "/api/v1/workers/" + id;

        RestAssured.given().config(PATIENT_BUT_NOT_FOREVER).get(path).then().statusCode(401);
        as(Tokens.expired("senior-manager")).get(path).then().statusCode(401);
        as(Tokens.signedWithClaims("social-worker", Map.of())).get(path).then().statusCode(403);
        staysAt(staffing, 0, Duration.ofMillis(500));

        UUID team = UUID.randomUUID();
        String token = Tokens.teamManager(team);
        assertUnavailable(as(token).contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("X-Correlation-Id", "abc-123")
                .queryParam("note", "a b")
                .body("{\"fte\":\"0.8\",\"version\":2}")
                .patch(path), Service.STAFFING);

        assertEquals(1, staffing.connections(), "a PATCH is sent once");
        String received = staffing.received();
        String lower = received.toLowerCase(Locale.ROOT);
        assertTrue(received.startsWith("PATCH " + path + "?note=a"), received);
        assertTrue(lower.contains("authorization: bearer " + token.toLowerCase(Locale.ROOT)), received);
        assertTrue(lower.contains("if-match: \"2\""), received);
        assertTrue(lower.contains("content-type: application/json"), received);
        assertTrue(lower.contains("accept: application/json"), received);
        assertTrue(lower.contains("x-correlation-id: abc-123"), received);
        assertTrue(received.endsWith("{\"fte\":\"0.8\",\"version\":2}"), received);
        assertFalse(lower.contains("proxy-authorization"), "hop-by-hop headers stop at the gateway");
        assertTrue(lower.contains("host: 127.0.0.1:" + ServicePorts.port(Service.STAFFING)), received);
    }

    @Test
    void theAuditLogPathIsTheGatewaysOwnAndNotForwarded() {
        SilentService sickness = silentAt(Service.SICKNESS);
        senior().get("/api/v1/audit").then().statusCode(200).body("items", notNullValue());
        staysAt(sickness, 0, Duration.ofMillis(300));
        assertUnavailable(as(Tokens.hrOfficer()).get("/api/v1/absence-audit"), Service.SICKNESS);
        await().atMost(Duration.ofSeconds(5)).until(() -> sickness.connections() == 3);
    }

    @Test
    void aBodyOverTheCapIsRefusedWith413AndNotSent() {
        SilentService caseload = silentAt(Service.CASELOAD);
        String big = "{\"note\":\"" + "x".repeat(1_100_000) + "\"}";
        senior().contentType(ContentType.JSON).body(big).post("/api/v1/cases").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
        staysAt(caseload, 0, Duration.ofMillis(300));
    }

    @Test
    void aRunOfFailuresOpensThatServicesCircuitOnlyAndATrialFollowsTheDelay() {
        for (int i = 0; i < 4; i++) {
            assertUnavailable(senior().contentType(ContentType.JSON).body("{}").post("/api/v1/workers"),
                    Service.STAFFING);
        }
        SilentService staffing = silentAt(Service.STAFFING);
        SilentService caseload = silentAt(Service.CASELOAD);

        Response[] answer = new Response[1];
        long took = millis(() -> answer[0] = senior().get("/api/v1/teams/" + UUID.randomUUID()));
        assertUnavailable(answer[0], Service.STAFFING);
        answer[0].then().body("detail", containsString("circuit open"));
        assertTrue(took < TIMEOUT.toMillis(), "refused at once, not after " + took + " ms");
        staysAt(staffing, 0, Duration.ofMillis(500));

        // the worker's caseload is caseload-service's, whose circuit is closed: it is tried
        assertUnavailable(senior().get("/api/v1/workers/" + UUID.randomUUID() + "/caseload"), Service.CASELOAD);
        assertEquals(3, caseload.connections());
        assertEquals(0, staffing.connections());

        // after forward.circuit.open-for (3 s in tests) one trial goes through; it fails, so it opens again
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
            senior().get("/api/v1/teams").then().statusCode(503);
            return staffing.connections() > 0;
        });
        assertEquals(1, staffing.connections(), "one trial, not the three tries of a GET");
        senior().get("/api/v1/teams").then().statusCode(503).body("detail", containsString("circuit open"));
        staysAt(staffing, 1, Duration.ofMillis(300));
    }
}
