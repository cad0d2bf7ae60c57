package uk.workforcewatch.gateway.alerts;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.workforcewatch.events.EventJson;
import uk.workforcewatch.events.alerts.AlertEvent;
import uk.workforcewatch.events.alerts.AlertState;

/**
 * Every alert change, as it reaches the alerts topic, to every live screen subscribed in this process.
 * Reading the topic back means a screen sees only changes that have committed.
 */
@ApplicationScoped
public class AlertStream {

    private final BroadcastProcessor<AlertState> broadcast = BroadcastProcessor.create();

    @Incoming("alert-stream")
    void onAlert(byte[] record) {
        broadcast.onNext(EventJson.read(record, AlertEvent.class).alert());
    }

    public Multi<AlertState> changes() {
        return broadcast;
    }
}
