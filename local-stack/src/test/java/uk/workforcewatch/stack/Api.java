package uk.workforcewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The public REST API as a portal calls it: JSON in and out, a bearer token on every call. */
final class Api {

    /** An answer: its status and its JSON body. */
    record Answer(int status, JsonNode body) {
        String text(String field) {
            return body.path(field).asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Answer get(URI address, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(address).header("Accept", "application/json").GET(), token);
    }

    /** A document of another type than JSON, as text. */
    String text(URI address, String token, String type) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(address).header("Accept", type)
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + address + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    Answer post(URI address, String token, Map<String, ?> body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(address).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token);
    }

    HttpClient http() {
        return http;
    }

    private Answer send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Answer(response.statusCode(), body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
    }
}
