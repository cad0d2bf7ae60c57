package uk.workforcewatch.gateway.alerts;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.workforcewatch.events.alerts.AlertState;

/** The alert's records on the wire. */
public final class AlertApi {

    private AlertApi() {
    }

    /** {@code version}: the alert's version as the caller read it; a change made since makes it a 409. */
    public record Acknowledge(@Size(max = 500) String note,
                              @Schema(description = "the alert's version as read; when it has changed since, the "
                                      + "answer is 409 naming the current one") @PositiveOrZero Long version) {
    }

    /**
     * An alert as it stands ({@link AlertState}'s fields) and its version: 0 when fired, one more with every
     * change, as on the alerts topic.
     */
    public record VersionedAlert(@JsonUnwrapped AlertState alert, long version) {
    }
}
