package uk.workforcewatch.events.alerts;

public enum Severity {
    MEDIUM,
    HIGH,
    CRITICAL
}
