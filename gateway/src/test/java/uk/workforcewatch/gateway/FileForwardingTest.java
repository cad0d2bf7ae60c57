package uk.workforcewatch.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.gateway.forward.Circuits;
import uk.workforcewatch.gateway.forward.Service;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A council's files through the gateway, to and from stand-ins that speak HTTP on the services' ports: files larger
 * than the cap of every other body go on as they arrive, whole and unchanged, and exports come back as they are
 * written. That the gateway does not hold them is seen from both ends: the service reads the first of a file while the
 * caller still holds back the rest, and the caller reads the first of an export while the service still holds back
 * the rest. The services' own importers are tested in their modules and in the system test.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ServicePorts.class, scope = TestResourceScope.GLOBAL)
class FileForwardingTest {

    /** forward.max-file-size in the test configuration; every other body is held to forward.max-body-size, 1M. */
    private static final int FILE_CAP = 12 * 1024 * 1024;
    private static final int MEGABYTE = 1024 * 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/")
    URI gateway;

    @Inject
    Circuits circuits;

    private final List<AutoCloseable> services = new ArrayList<>();

    @BeforeEach
    void closedCircuits() {
        circuits.resetAll();
    }

    @AfterEach
    void stopServices() throws Exception {
        for (AutoCloseable service : services) {
            service.close();
        }
    }

    @Test
    void aFileOfSeveralMegabytesGoesOnAsItArrivesAndComesInWholeAndUnchangedWithTheCallersTokenAndQuery()
            throws Exception {
        byte[] file = csv(6 * MEGABYTE);
        CountDownLatch serviceHasBegun = new CountDownLatch(1);
        Map<String, String> seen = new ConcurrentHashMap<>();
        standIn(Service.STAFFING, exchange -> {
            seen.put("request", exchange.getRequestMethod() + " " + exchange.getRequestURI());
            seen.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            seen.put("content-type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            Received received = Received.from(exchange.getRequestBody(), serviceHasBegun);
            answer(exchange, 200, "application/json", received.asJson().getBytes(StandardCharsets.UTF_8));
        });
        String token = Tokens.hrOfficer();
        // no length: the caller sends the file in chunks as it reads it
        HalfThenWait body = new HalfThenWait(file, serviceHasBegun);

        HttpResponse<String> answer = upload("/api/v1/imports/workers?dryRun=true", token,
                HttpRequest.BodyPublishers.ofInputStream(() -> body));

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(new Received(file.length, sha256(file), false).asJson(), answer.body(),
                "the service took the file whole and unchanged, and its answer came back");
        assertTrue(body.serviceBeganFirst(), "the service read the first of the file before the caller sent the rest");
        assertEquals("POST /api/v1/imports/workers?dryRun=true", seen.get("request"));
        assertEquals("Bearer " + token, seen.get("authorization"));
        assertEquals("text/csv", seen.get("content-type"));
    }

    @Test
    void aFileWithItsLengthGoesOnWithItAndTheServicesReportOfItsFaultsComesBackAsItWas() throws Exception {
        // over Quarkus's own default limit (10M) too
        byte[] file = csv(11 * MEGABYTE);
        byte[] report = faults(2 * MEGABYTE);
        Map<String, String> seen = new ConcurrentHashMap<>();
        standIn(Service.STAFFING, exchange -> {
            seen.put("content-length", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Length")));
            seen.put("sha256", String.valueOf(Received.from(exchange.getRequestBody(), new CountDownLatch(1)).sha256()));
            answer(exchange, 400, "application/problem+json", report);
        });

        HttpResponse<String> answer = upload("/api/v1/imports/posts", Tokens.seniorManager(),
                HttpRequest.BodyPublishers.ofByteArray(file));

        assertEquals(400, answer.statusCode());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
        assertEquals(String.valueOf(report.length), answer.headers().firstValue("Content-Length").orElse(null));
        assertEquals(new String(report, StandardCharsets.UTF_8), answer.body());
        assertEquals(String.valueOf(file.length), seen.get("content-length"));
        assertEquals(sha256(file), seen.get("sha256"));
    }

    @Test
    void anExportComesBackAsTheServiceWritesItWholeWithItsHeaders() throws Exception {
        byte[] export = csv(6 * MEGABYTE);
        CountDownLatch callerHasBegun = new CountDownLatch(1);
        AtomicBoolean callerBeganFirst = new AtomicBoolean();
        standIn(Service.STAFFING, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"teams.csv\"");
            // no length: written as it is read from the database
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                int half = export.length / 2;
                out.write(export, 0, half);
                out.flush();
                callerBeganFirst.set(await(callerHasBegun));
                out.write(export, half, export.length - half);
            }
        });

        HttpResponse<InputStream> answer = HTTP.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/exports/teams"))
                .header("Authorization", "Bearer " + Tokens.seniorManager()).timeout(PATIENCE.multipliedBy(2)).GET()
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] received;
        try (InputStream in = answer.body()) {
            byte[] first = in.readNBytes(1);
            callerHasBegun.countDown();
            byte[] rest = in.readAllBytes();
            received = new byte[first.length + rest.length];
            System.arraycopy(first, 0, received, 0, first.length);
            System.arraycopy(rest, 0, received, first.length, rest.length);
        }

        assertEquals(200, answer.statusCode());
        assertEquals("text/csv", answer.headers().firstValue("Content-Type").orElse(null));
        assertEquals("attachment; filename=\"teams.csv\"", answer.headers().firstValue("Content-Disposition").orElse(null));
        assertArrayEquals(export, received, "the export came back whole and unchanged");
        assertTrue(callerBeganFirst.get(), "the caller read the first of the export before the service wrote the rest");
    }

    @Test
    void aFileWhoseLengthIsOverTheCapIsRefusedWith413BeforeItIsSent() throws Exception {
        StandInService staffing = standIn(Service.STAFFING, exchange -> answer(exchange, 200, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)));

        // only the request's head: the answer comes before a byte of the file
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            socket.getOutputStream().write(("POST /api/v1/imports/teams HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.seniorManager() + "\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: " + (FILE_CAP + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = head(socket.getInputStream());

            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
        }
        assertEquals(0, staffing.requests());
    }

    @Test
    void aCallerThatAsksWhetherToSendItsFileIsToldToOnceTheServiceIsThere() throws Exception {
        byte[] file = csv(2 * MEGABYTE);
        CompletableFuture<Received> atTheService = new CompletableFuture<>();
        standIn(Service.STAFFING, exchange -> {
            atTheService.complete(Received.from(exchange.getRequestBody(), new CountDownLatch(1)));
            answer(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        });

        // as curl sends a large file: the head, then the file only once told to continue
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            socket.getOutputStream().write(("POST /api/v1/imports/teams HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.hrOfficer() + "\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: " + file.length + "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String told = head(socket.getInputStream());
            assertTrue(told.startsWith("HTTP/1.1 100"), told);
            socket.getOutputStream().write(file);
            String answer = head(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        }
        assertEquals(sha256(file), atTheService.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).sha256());
    }

    @Test
    void aFileThatGoesOverTheCapAsItComesIsCutOffAtTheServiceNeverEndedAndTheCallerGets413() throws Exception {
        byte[] file = csv(FILE_CAP + MEGABYTE);
        CompletableFuture<Received> atTheService = new CompletableFuture<>();
        standIn(Service.STAFFING, exchange -> {
            atTheService.complete(Received.from(exchange.getRequestBody(), new CountDownLatch(1)));
            answer(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        });

        HttpResponse<String> answer = upload("/api/v1/imports/workers", Tokens.hrOfficer(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(file)));

        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
        assertTrue(answer.body().contains("larger than " + FILE_CAP + " bytes"), answer.body());
        Received received = atTheService.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertTrue(received.brokenOff(), "the service saw the file broken off, never ended: " + received);
        assertTrue(received.bytes() <= FILE_CAP, received.toString());
    }

    @Test
    void aKindNoServiceTakesIsA404ProblemFromTheGatewayNamingTheKinds() {
        List<StandInService> all = List.of(Service.values()).stream()
                .map(service -> standIn(service, exchange -> answer(exchange, 200, "text/csv", new byte[0]))).toList();

        for (String path : List.of("/api/v1/imports/shoes", "/api/v1/imports", "/api/v1/imports/teams/more")) {
            senior().contentType("text/csv").body("name\nx\n").post(path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404), "detail", containsString("absences, cases, posts, teams, workers"));
        }
        senior().get("/api/v1/exports/shoes").then().statusCode(404).body("detail", containsString("shoes"));

        assertEquals(0, all.stream().mapToInt(StandInService::requests).sum());
    }

    @Test
    void aTeamManagersFileGoesToTheServiceUnreadByTheTeamGuardAndTheServicesRefusalComesBack() {
        String refusal = "{\"status\":403,\"detail\":\"HR officers and senior managers only\"}";
        StandInService staffing = standIn(Service.STAFFING, exchange -> {
            Received.from(exchange.getRequestBody(), new CountDownLatch(1));
            answer(exchange, 403, "application/problem+json", refusal.getBytes(StandardCharsets.UTF_8));
        });
        RequestSpecification manager = RestAssured.given().auth().oauth2(Tokens.teamManager(UUID.randomUUID()));

        // read as JSON, this body would name another team, and the guard would refuse it itself
        manager.contentType("text/csv").body("{\"teamId\":\"" + UUID.randomUUID() + "\"}").post("/api/v1/imports/teams")
                .then().statusCode(403).body("detail", equalTo("HR officers and senior managers only"));
        manager.get("/api/v1/exports/teams").then().statusCode(403)
                .body("detail", equalTo("HR officers and senior managers only"));

        assertEquals(2, staffing.requests());
    }

    @Test
    void onlyAValidTokenWithARoleSendsAFileOn() {
        StandInService staffing = standIn(Service.STAFFING, exchange -> answer(exchange, 200, "text/csv", new byte[0]));

        RestAssured.given().contentType("text/csv").body(csv(2 * MEGABYTE)).post("/api/v1/imports/teams").then()
                .statusCode(401);
        RestAssured.given().auth().oauth2(Tokens.expired("hr-officer")).get("/api/v1/exports/teams").then()
                .statusCode(401);
        RestAssured.given().auth().oauth2(Tokens.signedWithClaims("social-worker", Map.of()))
                .get("/api/v1/exports/teams").then().statusCode(403);

        assertEquals(0, staffing.requests());
    }

    @Test
    void aFileForAServiceThatIsDownIsA503ProblemNamingIt() throws Exception {
        HttpResponse<String> answer = upload("/api/v1/imports/cases", Tokens.seniorManager(),
                HttpRequest.BodyPublishers.ofByteArray(csv(2 * MEGABYTE)));

        assertEquals(503, answer.statusCode());
        assertEquals("30", answer.headers().firstValue("Retry-After").orElse(null));
        assertTrue(answer.body().contains("\"service\":\"caseload-service\""), answer.body());
        assertTrue(answer.body().contains("could not connect"), answer.body());
        senior().get("/api/v1/exports/absences").then().statusCode(503)
                .body("service", equalTo("sickness-service"));
    }

    private StandInService standIn(Service service, HttpHandler handler) {
        StandInService standIn = StandInService.at(service, handler);
        services.add(standIn);
        return standIn;
    }

    /** The file sent as a caller sends it, with its length or, read from a stream, without. */
    private HttpResponse<String> upload(String path, String token, HttpRequest.BodyPublisher file) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(gateway.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv").timeout(PATIENCE.multipliedBy(2)).POST(file).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static RequestSpecification senior() {
        return RestAssured.given().auth().oauth2(Tokens.seniorManager());
    }

    private static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Rows of a workers file, at least {@code size} bytes of them. */
    private static byte[] csv(int size) {
        StringBuilder rows = new StringBuilder("staffNumber,name,team\n");
        for (int i = 0; rows.length() < size; i++) {
            rows.append('S').append(100_000 + i).append(",Worker ").append(i).append(",Team ").append(i % 40).append('\n');
        }
        return rows.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A service's report of a file with many rows at fault, at least {@code size} bytes of it. */
    private static byte[] faults(int size) {
        StringBuilder report = new StringBuilder("{\"status\":400,\"errors\":[");
        for (int line = 2; report.length() < size; line++) {
            report.append(line == 2 ? "" : ",").append("{\"line\":").append(line)
                    .append(",\"column\":\"fte\",\"value\":\"x\",\"why\":\"is not a number\"}");
        }
        return report.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An answer's status line and headers, read off the connection. */
    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a stand-in read of a body: its length and digest, or that it broke off before its end. */
    private record Received(long bytes, String sha256, boolean brokenOff) {

        /** Reads the body to its end; {@code begun} is counted down once the first bytes are in. */
        static Received from(InputStream body, CountDownLatch begun) {
            MessageDigest digest = digest();
            long bytes = 0;
            byte[] buffer = new byte[64 * 1024];
            try (body) {
                for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                    digest.update(buffer, 0, read);
                    bytes += read;
                    begun.countDown();
                }
                return new Received(bytes, HexFormat.of().formatHex(digest.digest()), false);
            } catch (IOException broken) {
                return new Received(bytes, null, true);
            }
        }

        String asJson() {
            return "{\"bytes\":" + bytes + ",\"sha256\":\"" + sha256 + "\"}";
        }
    }

    /** A file as a caller sends it, holding back its second half until the service has begun to read (or 30 s). */
    private static final class HalfThenWait extends InputStream {

        private final byte[] file;
        private final CountDownLatch serviceHasBegun;
        private final AtomicBoolean serviceBeganFirst = new AtomicBoolean();
        private int at;

        HalfThenWait(byte[] file, CountDownLatch serviceHasBegun) {
            this.file = file;
            this.serviceHasBegun = serviceHasBegun;
        }

        boolean serviceBeganFirst() {
            return serviceBeganFirst.get();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int half = file.length / 2;
            if (at == half) {
                serviceBeganFirst.set(await(serviceHasBegun));
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException();
                }
            }
            if (at >= file.length) {
                return -1;
            }
            int count = Math.min(length, (at < half ? half : file.length) - at);
            System.arraycopy(file, at, into, offset, count);
            at += count;
            return count;
        }
    }
}
