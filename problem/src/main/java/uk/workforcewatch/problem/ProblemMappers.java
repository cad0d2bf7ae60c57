package uk.workforcewatch.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.workforcewatch.calendar.DateOutsideCalendarException;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into a problem answer: the client's mistakes into 400, 401, 403, 404 and 409
 * with what is wrong, the database out of reach into a 503 to retry, anything else into a 500 that names an id to
 * find in the log and nothing more.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper({ConstraintViolationException.class, ResteasyReactiveViolationException.class})
    public Response invalid(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
        return respond(Problem.of(400, "Invalid input", detail, violations));
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class})
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String message = readingProblem(e);
        List<Problem.Violation> violations = field.isEmpty() ? List.of()
                : List.of(new Problem.Violation(field, message));
        return respond(Problem.of(400, "Unreadable request body",
                field.isEmpty() ? message : field + ": " + message, violations));
    }

    /**
     * A count reached a date the working-day calendar does not know: the date came from the request (one not
     * checked up front by its field), so it is the client's to change, and the answer says which years will do.
     */
    @ServerExceptionMapper
    public Response outsideCalendar(DateOutsideCalendarException e) {
        return respond(new ProblemException(400, "Date outside the calendar", e.getMessage(), List.of(),
                Map.of("supportedYears", Map.of("first", e.supportedYears().first(),
                        "last", e.supportedYears().last()))).toProblem());
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale(RuntimeException e) {
        return respond(Problem.of(409, "Conflict",
                "It was changed by someone else meanwhile: read it again and retry", List.of()));
    }

    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e) {
        if (e.getKind() != org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
            return unexpected(e);
        }
        return respond(Problem.of(409, "Conflict", "It clashes with an existing record", List.of()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(respond(Problem.of(401, "Unauthorized",
                "A valid bearer token is required", List.of()))).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "Your role or team does not allow this", List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers 404 when a query or path value cannot be converted; it is bad input
            return respond(Problem.of(400, "Invalid input", "A query or path value cannot be read: "
                    + readingProblem(e.getCause()), List.of()));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return respond(Problem.of(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(),
                List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseUnreachable.causedBy(e)) {
            return unavailable(e);
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s", id);
        return respond(Problem.of(500, "Internal error", "Something went wrong on our side; reference " + id,
                List.of()));
    }

    /** The database is out of reach for a moment: a 503 the client may retry, not a 500 to investigate. */
    private static Response unavailable(Throwable e) {
        LOG.warnf("Database out of reach, answered 503: %s", e.toString());
        return Response.fromResponse(respond(Problem.of(503, "Service unavailable",
                        "The database could not be reached mid-request: read back what you sent, or try again shortly", List.of())))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The field as the client named it: the last part of the property path, after the method's arguments. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        // resource method parameters come as method.argN.field: keep what follows the argument
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** What is wrong, in the client's terms: never our class names. */
    private static String readingProblem(Throwable cause) {
        return cause instanceof JsonProcessingException json ? readingProblem(json)
                : cause instanceof java.time.DateTimeException ? "dates are ISO-8601, such as 2025-09-30"
                : "a value is not of the expected form";
    }

    private static String readingProblem(JsonProcessingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            Class<?> target = format.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            return "is not a valid " + (Temporal.class.isAssignableFrom(target) ? "ISO-8601 date"
                    : target.getSimpleName().toLowerCase(Locale.ROOT));
        }
        if (e instanceof MismatchedInputException) {
            return "has the wrong type";
        }
        return "malformed JSON";
    }
}
