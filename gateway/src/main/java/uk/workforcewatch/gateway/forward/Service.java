package uk.workforcewatch.gateway.forward;

/** The services whose public API the gateway forwards, each named as it appears in logs and problems. */
public enum Service {
    STAFFING("staffing-service"),
    CASELOAD("caseload-service"),
    SICKNESS("sickness-service");

    private final String title;

    Service(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
