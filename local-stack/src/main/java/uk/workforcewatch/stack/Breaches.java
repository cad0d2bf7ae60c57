package uk.workforcewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What the gateway says is wrong right now: its open alerts, counted by rule. */
final class Breaches {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Breaches() {
    }

    static Map<String, Integer> byRule(HttpClient http, URI gateway, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/breaches"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The gateway answered " + response.statusCode() + " for its breaches: " + response.body());
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode alert : JSON.readTree(response.body())) {
            counts.merge(alert.path("rule").asText(), 1, Integer::sum);
        }
        return counts;
    }

    /** Waits until the gateway has caught up with every rule named, and answers what it then shows. */
    static Map<String, Integer> awaitRules(HttpClient http, URI gateway, String token, Set<String> rules, Duration timeout)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Integer> seen = byRule(http, gateway, token);
        while (!seen.keySet().containsAll(rules) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            seen = byRule(http, gateway, token);
        }
        return seen;
    }
}
