package uk.workforcewatch.gateway.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.problem.Problem;

import java.util.List;
import java.util.Map;

/**
 * The 503 a caller gets when a service cannot answer: a problem (RFC 9457) naming the service and the
 * reason, never a stack trace, and a {@code Retry-After} so a client knows when trying again makes sense.
 */
@ApplicationScoped
public class UnavailableAnswer {

    private final ObjectMapper json;
    private final ForwardConfig config;

    UnavailableAnswer(ObjectMapper json, ForwardConfig config) {
        this.json = json;
        this.config = config;
    }

    public void send(HttpServerResponse response, Service service, String reason) {
        long retryAfter = Math.max(1, config.retryAfter().toSeconds());
        Problem problem = new Problem("about:blank", "Service Unavailable", 503,
                service.title() + " is unavailable (" + reason + "); try again in " + retryAfter + " seconds",
                null, List.of(), Map.of("service", service.title()));
        response.setStatusCode(503)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", Long.toString(retryAfter))
                .end(body(problem));
    }

    private String body(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record always serialises", e);
        }
    }
}
