package uk.workforcewatch.events.caseload;

/** Topics caseload-service publishes to, each log-compacted: the newest snapshot per id is enough. */
public final class CaseloadTopics {

    public static final String CASES = "caseload.cases.v1";
    public static final String WORKER_CASELOADS = "caseload.worker-caseloads.v1";

    private CaseloadTopics() {
    }
}
