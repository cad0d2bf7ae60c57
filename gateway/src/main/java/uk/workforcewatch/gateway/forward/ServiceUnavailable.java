package uk.workforcewatch.gateway.forward;

/** A service gave no answer, or its circuit is open: the caller gets a 503 that names it. */
public final class ServiceUnavailable extends RuntimeException {

    private final Service service;
    private final boolean circuitOpen;

    private ServiceUnavailable(Service service, String reason, boolean circuitOpen) {
        super(reason, null, false, false);
        this.service = service;
        this.circuitOpen = circuitOpen;
    }

    static ServiceUnavailable noAnswer(Service service, String reason) {
        return new ServiceUnavailable(service, reason, false);
    }

    static ServiceUnavailable circuitOpen(Service service) {
        return new ServiceUnavailable(service, "circuit open after repeated failures", true);
    }

    public Service service() {
        return service;
    }

    /** Refused without trying: a retry now would be refused too. */
    public boolean circuitOpen() {
        return circuitOpen;
    }

    public String reason() {
        return getMessage();
    }
}
