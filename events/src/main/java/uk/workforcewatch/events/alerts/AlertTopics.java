package uk.workforcewatch.events.alerts;

/** The topic the gateway publishes every alert change to. */
public final class AlertTopics {

    public static final String ALERTS = "gateway.alerts.v1";

    private AlertTopics() {
    }
}
