package uk.workforcewatch.events.caseload;

public enum CaseStatus {
    OPEN,
    CLOSED
}
