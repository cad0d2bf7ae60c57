package uk.workforcewatch.events.alerts;

/** An alert fires when its breach starts, may be acknowledged, and resolves when the breach ends. */
public enum AlertStatus {
    FIRING,
    ACKNOWLEDGED,
    RESOLVED
}
