package uk.workforcewatch.problem;

import java.util.List;

/** A client's mistake, answered with a problem of the given status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
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

    public Problem toProblem() {
        return Problem.of(status, title, getMessage(), violations);
    }
}
