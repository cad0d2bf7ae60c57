package uk.workforcewatch.events.caseload;

import java.util.List;

/** Topics caseload-service publishes to, each log-compacted: the newest snapshot per id is enough. */
public final class CaseloadTopics {

    public static final String CASES = "caseload.cases.v1";
    public static final String WORKER_CASELOADS = "caseload.worker-caseloads.v1";

    public static final List<String> ALL = List.of(CASES, WORKER_CASELOADS);

    private CaseloadTopics() {
    }
}
