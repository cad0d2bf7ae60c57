package uk.workforcewatch.gateway.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.problem.Problem;

import java.util.List;
import java.util.Map;

/**
 * The gateway's own error answers on the forwarding routes, as problems (RFC 9457) like every error of
 * the system: never a stack trace. A service that cannot answer gives a 503 naming it, with a
 * {@code Retry-After} so a client knows when trying again makes sense.
 */
@ApplicationScoped
public class ProblemAnswer {

    private final ObjectMapper json;
    private final ForwardConfig config;

    ProblemAnswer(ObjectMapper json, ForwardConfig config) {
        this.json = json;
        this.config = config;
    }

    public void serviceUnavailable(HttpServerResponse response, Service service, String reason) {
        long retryAfter = Math.max(1, config.retryAfter().toSeconds());
        response.putHeader("Retry-After", Long.toString(retryAfter));
        send(response, new Problem("about:blank", "Service Unavailable", 503,
                service.title() + " is unavailable (" + reason + "); try again in " + retryAfter + " seconds",
                null, List.of(), Map.of("service", service.title())));
    }

    /** A request the gateway would not send on, such as a body over the cap. */
    public void refused(HttpServerResponse response, int status, String title, String detail) {
        send(response, Problem.of(status, title, detail, List.of()));
    }

    private void send(HttpServerResponse response, Problem problem) {
        try {
            response.setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record always serialises", e);
        }
    }
}
