package uk.workforcewatch.gateway.forward;

import java.util.Optional;

/**
 * The gateway cut a file off on its way to the service, because it went over the cap or the caller broke it off: the
 * caller's doing, not the service's, so it opens no circuit and the caller gets no 503.
 */
final class CutOff extends RuntimeException {

    CutOff(String reason) {
        super(reason, null, false, false);
    }

    /** The cut-off a failure comes from (a reset wraps it), if it comes from one. */
    static Optional<CutOff> behind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CutOff cut) {
                return Optional.of(cut);
            }
        }
        return Optional.empty();
    }
}
