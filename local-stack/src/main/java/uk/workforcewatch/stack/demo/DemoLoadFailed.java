package uk.workforcewatch.stack.demo;

/**
 * A service gave the demo loader an answer it did not expect (or none): which request, what it sent, the
 * status (0 when there was no answer) and the body, usually an {@code application/problem+json} problem.
 */
public class DemoLoadFailed extends RuntimeException {

    private final String request;
    private final int status;
    private final String problem;

    public DemoLoadFailed(String request, int status, String problem) {
        super(request + " answered " + status + ": " + problem);
        this.request = request;
        this.status = status;
        this.problem = problem;
    }

    public DemoLoadFailed(String request, String why, Throwable cause) {
        super(request + " failed: " + why, cause);
        this.request = request;
        this.status = 0;
        this.problem = why;
    }

    /** The method, address and body sent. */
    public String request() {
        return request;
    }

    public int status() {
        return status;
    }

    public String problem() {
        return problem;
    }
}
