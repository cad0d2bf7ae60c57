package uk.workforcewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The gateway as the HR portal calls it: any method, a bearer token or none, JSON in and out (or a CSV file in, an
 * export out). Answers are kept whole (status, headers, body) so a test can judge problems and headers too.
 */
final class GatewayClient {

    /** An answer; {@code body} is its JSON, or a text node when it is not JSON. */
    record Reply(int status, HttpHeaders headers, JsonNode body) {

        String text(String field) {
            return body.path(field).asText();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The start of the body, for a message. */
        String excerpt() {
            String text = body.isTextual() ? body.asText() : body.toString();
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }
    }

    /** A body sent as a council's file (an import), not as JSON. */
    record Csv(String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final URI gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GatewayClient(URI gateway) {
        this.gateway = gateway;
    }

    Reply get(String path, String token) {
        return call("GET", path, token, null);
    }

    Reply post(String path, String token, Object body) {
        return call("POST", path, token, body);
    }

    /** Sends the call; {@code token} and {@code body} may be null. */
    Reply call(String method, String path, String token, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body instanceof Csv csv ? csv.text() : JSON.writeValueAsString(body));
            // a portal asks for JSON; an endpoint that also speaks XML or CSV answers in JSON then, one that speaks
            // only CSV (an export) in CSV
            HttpRequest.Builder request = authorised(HttpRequest.newBuilder(gateway.resolve(path)), token)
                    .header("Accept", "application/json, text/csv;q=0.5").method(method, publisher)
                    .timeout(Duration.ofSeconds(30));
            if (body != null) {
                request.header("Content-Type", body instanceof Csv ? "text/csv" : "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A stream (server-sent events) answers its status and goes on: this reads the status and hangs up. */
    Reply openStream(String path, String token) {
        try {
            HttpRequest request = authorised(HttpRequest.newBuilder(gateway.resolve(path)), token)
                    .header("Accept", "text/event-stream").GET().build();
            HttpResponse<InputStream> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
            try (InputStream ignored = response.body()) {
                return new Reply(response.statusCode(), response.headers(), JSON.nullNode());
            }
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " (a stream) failed", e);
        }
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
