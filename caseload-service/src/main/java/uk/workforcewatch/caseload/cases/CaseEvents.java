package uk.workforcewatch.caseload.cases;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uk.workforcewatch.events.caseload.CaseEvent;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.outbox.Outbox;

import java.time.Clock;
import java.util.UUID;

/** Publishes case snapshots through the outbox, inside the transaction of the change they describe. */
@ApplicationScoped
class CaseEvents {

    private static final Logger LOG = Logger.getLogger(CaseEvents.class);

    private final Outbox outbox;
    private final Clock clock;

    CaseEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The case as it now stands, with its holdings as the change left them; once the change has been flushed. */
    Uni<Case> publish(String type, Case kase, Holdings holdings) {
        CaseEvent event = new CaseEvent(UUID.randomUUID(), type, kase.id, kase.version, clock.instant(),
                kase.state(holdings.list()));
        LOG.infof("%s case=%s version=%d", type, kase.id, kase.version);
        return outbox.publish(CaseloadTopics.CASES, event).replaceWith(kase);
    }
}
