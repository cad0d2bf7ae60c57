package uk.workforcewatch.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A live screen subscribed to the stream sees an alert fire, and sees only the alerts its caller may see. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
class AlertStreamTest {

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;

    @Test
    void theStreamDeliversAFiringAlertToThoseWhoMaySeeIt() throws Exception {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        BlockingQueue<String> senior = subscribe(Tokens.seniorManager());
        BlockingQueue<String> otherTeam = subscribe(Tokens.teamManager(UUID.randomUUID()));
        BlockingQueue<String> hr = subscribe(Tokens.hrOfficer());

        Events.caseload(worker, team, 1, 0, 18, 15);

        String line = next(senior, worker, 60);
        assertNotNull(line, "the senior manager's screen saw the alert");
        assertTrue(line.contains("\"rule\":\"CASELOAD_OVER_LIMIT\"") && line.contains("\"status\":\"FIRING\""), line);
        assertEquals(null, next(otherTeam, worker, 3), "another team's manager does not see it");
        assertEquals(null, next(hr, worker, 1), "HR officers see staffing alerts only");
    }

    /** Opens a subscription and returns once the stream has answered, so nothing after it is missed. */
    private BlockingQueue<String> subscribe(String token) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> answer = response.get(30, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode());
        CompletableFuture.runAsync(() -> answer.body().forEach(lines::add));
        // the stream says at once that it is connected, before any alert changes
        assertEquals(":connected", lines.poll(10, TimeUnit.SECONDS));
        return lines;
    }

    /** The first data line about the subject within the time, or null. */
    private static String next(BlockingQueue<String> lines, UUID subject, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("data:") && line.contains(subject.toString())) {
                return line;
            }
        }
        return null;
    }
}
