package uk.workforcewatch.stack.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * JSON requests to the services as one of their users (a bearer token), each with a timeout. An answer
 * other than the one expected, or none at all, is a {@link DemoLoadFailed} naming the request.
 */
final class ServiceCalls {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final HttpClient http;

    ServiceCalls(HttpClient http) {
        this.http = http;
    }

    /** What a service answered: its status and body (missing when empty). */
    record Answer(int status, JsonNode body) {
    }

    /** Creates something and answers its id. */
    UUID create(URI uri, String token, Object body) throws InterruptedException {
        return UUID.fromString(send("POST", uri, token, body, 201).path("id").asText());
    }

    JsonNode post(URI uri, String token, Object body, int expected) throws InterruptedException {
        return send("POST", uri, token, body, expected);
    }

    JsonNode patch(URI uri, String token, Object body) throws InterruptedException {
        return send("PATCH", uri, token, body, 200);
    }

    /** A write whose status the caller judges (400 while a service has not heard of the worker yet). */
    Answer attemptPost(URI uri, String token, Object body) throws InterruptedException {
        return exchange("POST", uri, token, body);
    }

    /** A read that must answer 200, as the type given. */
    <T> T read(URI uri, String token, Class<T> type) throws InterruptedException {
        JsonNode body = send("GET", uri, token, null, 200);
        try {
            return JSON.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw new DemoLoadFailed(describe("GET", uri, null), 200, "not a " + type.getSimpleName() + ": " + body);
        }
    }

    /** A read whose status the caller judges (404 while a service has not heard of something yet). */
    Answer get(URI uri, String token) throws InterruptedException {
        return exchange("GET", uri, token, null);
    }

    private JsonNode send(String method, URI uri, String token, Object body, int expected)
            throws InterruptedException {
        Answer answer = exchange(method, uri, token, body);
        if (answer.status() != expected) {
            throw new DemoLoadFailed(describe(method, uri, body), answer.status(), answer.body().toString());
        }
        return answer.body();
    }

    private Answer exchange(String method, URI uri, String token, Object body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                // plain HTTP/1.1: no upgrade dance with the services on every new connection
                .version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), read(response.body()));
        } catch (IOException e) {
            throw new DemoLoadFailed(describe(method, uri, body), String.valueOf(e), e);
        }
    }

    static String describe(String method, URI uri, Object body) {
        return method + " " + uri + (body == null ? "" : " " + write(body));
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body, e);
        }
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
