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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How soon a breach reaches a live screen: from a worker-caseload event landing on Kafka (as
 * caseload-service's relay puts it there after the allocation commits) to the alert on the server-sent
 * events stream: the gateway's consumer, its transaction, its outbox relay, and the stream's read-back.
 * Not part of {@code verify}; run it with
 * {@code ./mvnw -pl gateway -am verify -Dtest=AlertLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
class AlertLatencyBenchmark {

    private static final int WARM_UP = 20;
    private static final int BREACHES = 200;

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;

    @Test
    void eventToStreamLatency() throws Exception {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Authorization", "Bearer " + Tokens.seniorManager()).build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        CompletableFuture.runAsync(() -> response.body().filter(line -> line.startsWith("data:"))
                .forEach(line -> {
                    int at = line.indexOf("\"subjectId\":\"") + 13;
                    seen.putIfAbsent(line.substring(at, at + 36), System.nanoTime());
                }));

        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < WARM_UP + BREACHES; i++) {
            UUID worker = UUID.randomUUID();
            Events.caseload(worker, UUID.randomUUID(), 1, 0, 16, 15);
            long sent = System.nanoTime(); // the broker has acknowledged the event
            long deadline = sent + TimeUnit.SECONDS.toNanos(10);
            while (!seen.containsKey(worker.toString()) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            if (i >= WARM_UP) {
                millis.add((seen.getOrDefault(worker.toString(), deadline) - sent) / 1e6);
            }
        }
        Collections.sort(millis);
        System.out.printf("caseload event to alert on the stream over %d breaches (ms): median %.1f, p90 %.1f,"
                        + " p99 %.1f, max %.1f%n", millis.size(), millis.get(millis.size() / 2),
                millis.get((int) (millis.size() * 0.9)), millis.get((int) (millis.size() * 0.99)),
                millis.get(millis.size() - 1));
        assertEquals(BREACHES, millis.size());
    }
}
