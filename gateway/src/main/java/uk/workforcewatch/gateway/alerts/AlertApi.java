package uk.workforcewatch.gateway.alerts;

import jakarta.validation.constraints.Size;

/** The alert's records on the wire: {@link uk.workforcewatch.events.alerts.AlertState} for an alert. */
public final class AlertApi {

    private AlertApi() {
    }

    public record Acknowledge(@Size(max = 500) String note) {
    }
}
