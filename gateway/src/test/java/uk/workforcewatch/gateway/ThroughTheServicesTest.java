package uk.workforcewatch.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.TcpProxy;
import uk.workforcewatch.testing.Tokens;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The story through the real staffing-service and caseload-service, each started from its packaged jar as
 * a separate process on the same broker: a team and two workers hired in staffing, one worker filled to
 * the limit in caseload, the sixteenth case refused, a senior manager's override,
 * the alert on the gateway's stream, then a reallocation and the alert resolved. It measures the time
 * from the override's answer (its transaction has committed) to the alert on the stream.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
class ThroughTheServicesTest {

    private static final List<Process> SERVICES = new ArrayList<>();

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;

    @AfterAll
    static void stopServices() {
        SERVICES.forEach(Process::destroy);
    }

    @Test
    void anOverriddenSixteenthCaseRaisesTheAlertOnTheStreamAndAReallocationResolvesIt() throws Exception {
        String staffingUrl = start("staffing-service", "STAFFING");
        String caseloadUrl = start("caseload-service", "CASELOAD");
        UUID team = UUID.fromString(RestAssured.given().auth().oauth2(Tokens.hrOfficer()).contentType(ContentType.JSON)
                .body(Map.of("name", "Child Protection East " + UUID.randomUUID(), "serviceArea", "CHILD_PROTECTION"))
                .post(staffingUrl + "/api/v1/teams").then().statusCode(201).extract().<String>path("id"));
        UUID worker = hire(staffingUrl, team);
        UUID colleague = hire(staffingUrl, team);
        // each worker's events are keyed by the worker, so they may reach caseload-service in any order
        for (UUID hired : List.of(worker, colleague)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> RestAssured.given().auth().oauth2(Tokens.seniorManager())
                    .get(caseloadUrl + "/api/v1/workers/" + hired + "/caseload").statusCode() == 200);
        }

        for (int i = 0; i < 15; i++) {
            allocate(caseloadUrl, open(caseloadUrl, team), worker, null, Tokens.teamManager(team), 200);
        }
        String sixteenth = open(caseloadUrl, team);
        allocate(caseloadUrl, sixteenth, worker, null, Tokens.teamManager(team), 409);

        BlockingQueue<String> screen = subscribe();
        // the first alert ever creates the alerts topic, which the stream then finds: not what is measured
        UUID earlier = UUID.randomUUID();
        Events.caseload(earlier, UUID.randomUUID(), 1, 0, 16, 15);
        assertNotNull(next(screen, earlier, "FIRING"));

        allocate(caseloadUrl, sixteenth, worker, "Sibling of a child she holds", Tokens.seniorManager(), 200);
        long committed = System.nanoTime();
        String fired = next(screen, worker, "FIRING");
        long onScreen = System.nanoTime();
        assertNotNull(fired, "the alert reached the stream");
        assertTrue(fired.contains("CASELOAD_OVER_LIMIT") && fired.contains("\"openCases\":16"), fired);
        System.out.printf("override committed in caseload-service to alert on the gateway's stream: %.1f ms%n",
                (onScreen - committed) / 1e6);

        allocate(caseloadUrl, sixteenth, colleague, null, Tokens.teamManager(team), 200);
        assertNotNull(next(screen, worker, "RESOLVED"), "the reallocation resolved the alert");
    }

    /**
     * Starts a service from its packaged jar (the reactor packages it before the gateway is tested) with a
     * database of its own on the test run's server, the same broker, and trust in the test run's tokens.
     */
    private static String start(String module, String prefix) throws Exception {
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), module + " is packaged before the gateway is tested: " + jar);
        String name = module.replace('-', '_') + "_through_gateway";
        ServiceTestEnvironment.database().createDatabase(name);
        int port = TcpProxy.freePort();
        String database = "localhost:" + ServiceTestEnvironment.database().port() + "/" + name;
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(new File("target/" + module + "-through-gateway.log"));
        Map<String, String> env = builder.environment();
        env.put(prefix + "_HTTP_PORT", String.valueOf(port));
        env.put(prefix + "_DB_URL", "postgresql://" + database);
        env.put(prefix + "_DB_JDBC_URL", "jdbc:postgresql://" + database);
        env.put("KAFKA_BOOTSTRAP_SERVERS", ServiceTestEnvironment.kafka().bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY", Tokens.publicKeyPem());
        env.put("JWT_ISSUER", Tokens.ISSUER);
        Process process = builder.start();
        SERVICES.add(process);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        String url = "http://localhost:" + port;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                return RestAssured.get(url + "/q/health/ready").statusCode() == 200;
            } catch (Exception notYet) {
                return false;
            }
        });
        return url;
    }

    private static UUID hire(String staffingUrl, UUID team) {
        return UUID.fromString(RestAssured.given().auth().oauth2(Tokens.hrOfficer()).contentType(ContentType.JSON)
                .body(Map.of("name", "Worker", "role", "SOCIAL_WORKER", "teamId", team, "fte", "1.0",
                        "employment", "PERMANENT", "startDate", "2024-01-01"))
                .post(staffingUrl + "/api/v1/workers").then().statusCode(201).extract().<String>path("id"));
    }

    private static String open(String url, UUID team) {
        return RestAssured.given().auth().oauth2(Tokens.teamManager(team)).contentType(ContentType.JSON)
                .body(Map.of("reference", "C-" + UUID.randomUUID().toString().substring(0, 12), "category", "CIN",
                        "teamId", team, "openedOn", "2025-01-06"))
                .post(url + "/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    private static void allocate(String url, String kase, UUID worker, String override, String token, int status) {
        Map<String, Object> body = new HashMap<>();
        body.put("workerId", worker);
        if (override != null) {
            body.put("overrideReason", override);
        }
        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(url + "/api/v1/cases/" + kase + "/allocation").then().statusCode(status);
    }

    private BlockingQueue<String> subscribe() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Authorization", "Bearer " + Tokens.seniorManager()).build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
        return lines;
    }

    private static String next(BlockingQueue<String> lines, UUID subject, String status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(subject.toString()) && line.contains("\"status\":\"" + status + "\"")) {
                return line;
            }
        }
        return null;
    }
}
