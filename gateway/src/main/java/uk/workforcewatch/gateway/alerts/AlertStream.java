package uk.workforcewatch.gateway.alerts;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.workforcewatch.events.EventJson;
import uk.workforcewatch.events.alerts.AlertEvent;

/**
 * Every alert change, as it reaches the alerts topic, to every live screen subscribed in this process.
 * Reading the topic back means a screen sees only changes that have committed.
 */
@ApplicationScoped
public class AlertStream {

    private final BroadcastProcessor<AlertApi.VersionedAlert> broadcast = BroadcastProcessor.create();

    @Incoming("alert-stream")
    void onAlert(byte[] record) {
        AlertEvent event = EventJson.read(record, AlertEvent.class);
        broadcast.onNext(new AlertApi.VersionedAlert(event.alert(), event.version()));
    }

    public Multi<AlertApi.VersionedAlert> changes() {
        return broadcast;
    }
}
