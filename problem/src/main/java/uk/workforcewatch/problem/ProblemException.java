package uk.workforcewatch.problem;

import java.util.List;
import java.util.Map;

/** A client's mistake, answered with a problem of the given status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String title, String detail, List<Problem.Violation> violations) {
        this(status, title, detail, violations, Map.of());
    }

    public ProblemException(int status, String title, String detail, List<Problem.Violation> violations,
                            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.extensions = Map.copyOf(extensions);
    }

    /** 404: an id that names nothing. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "Not found", what + " " + id + " does not exist", List.of());
    }

    /** 409: the request is valid but clashes with the current state. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    /** 400 with the field at fault, for rules that span fields or need the stored state. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "Invalid input", field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    /** 409 with extension members that carry the figures, such as the limits an allocation would break. */
    public static ProblemException conflict(String detail, Map<String, Object> extensions) {
        return new ProblemException(409, "Conflict", detail, List.of(), extensions);
    }

    /** 403 for a rule about who may do it that the role check alone cannot tell. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), null, violations, extensions);
    }
}
