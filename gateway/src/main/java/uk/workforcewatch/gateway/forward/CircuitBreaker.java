package uk.workforcewatch.gateway.forward;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One service's circuit. Closed, every call goes through; after a run of calls without an answer it
 * opens and refuses calls at once, so callers get their 503 without waiting for a timeout and the
 * service is left alone to recover; after a delay it is half-open and lets one trial call through,
 * whose answer closes it again and whose failure opens it for another delay.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failuresToOpen;
    private final long openForNanos;
    private final LongSupplier nanoTime;

    private State state = State.CLOSED;
    private int failuresInARow;
    private long openedAt;
    private boolean trialUnderway;

    public CircuitBreaker(int failuresToOpen, Duration openFor, LongSupplier nanoTime) {
        if (failuresToOpen < 1) {
            throw new IllegalArgumentException("failuresToOpen must be at least 1");
        }
        this.failuresToOpen = failuresToOpen;
        this.openForNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether a call may go out now; a call let through must be followed by its outcome. */
    public synchronized boolean tryCall() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nanoTime.getAsLong() - openedAt < openForNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialUnderway = true;
                return true;
            default:
                // half-open: one trial at a time, the others are refused until it has its outcome
                if (trialUnderway) {
                    return false;
                }
                trialUnderway = true;
                return true;
        }
    }

    /** The service answered (whatever its status): it is up. */
    public synchronized void answered() {
        state = State.CLOSED;
        failuresInARow = 0;
        trialUnderway = false;
    }

    /** The service gave no answer: refused, reset or silent past the timeout. */
    public synchronized void failed() {
        trialUnderway = false;
        failuresInARow++;
        if (state == State.HALF_OPEN || failuresInARow >= failuresToOpen) {
            state = State.OPEN;
            openedAt = nanoTime.getAsLong();
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Back to closed with no failures counted, as after a start. */
    public synchronized void reset() {
        answered();
    }
}
