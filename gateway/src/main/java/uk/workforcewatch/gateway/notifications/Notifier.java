package uk.workforcewatch.gateway.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uk.workforcewatch.events.alerts.AlertState;
import uk.workforcewatch.events.alerts.Rule;
import uk.workforcewatch.gateway.alerts.Alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Records the messages an alert change owes its audience, in the transaction of the change, unless a
 * silence covers it; and, when they are due, says which are still owed. {@link Dispatcher} sends them.
 */
@ApplicationScoped
public class Notifier {

    public static final String FIRED = "FIRED";
    public static final String RESOLVED = "RESOLVED";
    public static final String REPEAT = "REPEAT";

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final NotifyConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    Notifier(NotifyConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Owes the alert's audience a message of this kind; the item is false when a silence holds it back or
     * nobody is configured to hear it.
     */
    public Uni<Boolean> enqueue(AlertState alert, String kind) {
        List<String> targets = targets(alert);
        if (targets.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        Instant now = clock.instant();
        return Silence.inForce(now).chain(silences -> {
            if (silences.stream().anyMatch(s -> s.covers(alert.rule(), alert.teamId(), alert.subjectId()))) {
                LOG.infof("Alert %s %s silenced: no message", alert.id(), kind);
                return Uni.createFrom().item(false);
            }
            String message = write(Map.of("kind", kind, "alert", alert));
            return openGroups(targets, alert.teamId(), now).chain(dueOf -> {
                List<Delivery> deliveries = new ArrayList<>();
                for (String target : targets) {
                    Delivery delivery = new Delivery();
                    delivery.id = UUID.randomUUID();
                    delivery.target = target;
                    delivery.teamId = alert.teamId();
                    delivery.alertId = alert.id();
                    delivery.kind = kind;
                    delivery.message = message;
                    delivery.createdAt = now;
                    delivery.status = Delivery.PENDING;
                    // the window opens with a receiver's first message about the team; later ones join it
                    delivery.nextAttemptAt = dueOf.getOrDefault(target, now.plus(config.groupWindow()));
                    deliveries.add(delivery);
                }
                return Delivery.persist(deliveries).replaceWith(true);
            });
        });
    }

    /**
     * The messages of a batch still owed to its receiver now that it is due; the others are marked suppressed with
     * the reason, never to be sent. A message is no longer owed when a silence in force covers its alert as it
     * stands; a FIRED or REPEAT message when its alert has been acknowledged or resolved since it was queued
     * (whoever acted knows, and a RESOLVED message tells the rest); and a RESOLVED message when the receiver was
     * never told the alert fired. Judged from what is committed, when the batch is sent, so a silence or an
     * acknowledgement made in any process, before or after a restart, holds back what was queued before it. Runs
     * inside the transaction that wins the batch.
     */
    public Uni<List<Delivery>> stillOwed(List<Delivery> batch) {
        List<UUID> alertIds = batch.stream().map(d -> d.alertId).distinct().toList();
        return Alert.<Alert>list("id in ?1", alertIds).chain(alerts -> Silence.inForce(clock.instant())
                .chain(silences -> Delivery.<Delivery>list("status = ?1 and target = ?2 and alertId in ?3",
                                Delivery.DELIVERED, batch.get(0).target, alertIds)
                        .chain(told -> {
                            Map<UUID, Alert> alertOf = alerts.stream().collect(Collectors.toMap(a -> a.id, a -> a));
                            Set<UUID> heard = told.stream().map(d -> d.alertId).collect(Collectors.toSet());
                            List<Delivery> owed = new ArrayList<>();
                            Uni<Void> suppressed = Uni.createFrom().voidItem();
                            for (Delivery delivery : batch) {
                                String reason = heldBack(delivery, alertOf.get(delivery.alertId), silences, heard);
                                if (reason == null) {
                                    owed.add(delivery);
                                } else {
                                    LOG.infof("Delivery %s of alert %s %s suppressed: %s", delivery.id,
                                            delivery.alertId, delivery.kind, reason);
                                    suppressed = suppressed.chain(() -> Delivery.update(
                                            "status = ?1, suppressedReason = ?2 where id = ?3 and status = ?4",
                                            Delivery.SUPPRESSED, reason, delivery.id, Delivery.PENDING).replaceWithVoid());
                                }
                            }
                            return suppressed.replaceWith(owed);
                        })));
    }

    /** Why the message is no longer owed, or null while it is (see {@link #stillOwed}). */
    private static String heldBack(Delivery delivery, Alert alert, List<Silence> silences, Set<UUID> heard) {
        Optional<Silence> silence = silences.stream()
                .filter(s -> s.covers(alert.rule, alert.teamId, alert.subjectId)).findFirst();
        if (silence.isPresent()) {
            return "silenced by " + silence.get().id;
        }
        if (RESOLVED.equals(delivery.kind)) {
            return heard.contains(alert.id) ? null : "resolved before the receiver was told it fired";
        }
        return switch (alert.status) {
            case FIRING -> null;
            case ACKNOWLEDGED -> "acknowledged";
            case RESOLVED -> "resolved";
        };
    }

    /**
     * When each receiver's group about the team is due, for the receivers with one still open: messages not yet
     * put in a batch whose window has not closed.
     */
    private Uni<Map<String, Instant>> openGroups(List<String> targets, UUID teamId, Instant now) {
        String team = teamId == null ? "teamId is null" : "teamId = ?4";
        List<Object> values = new ArrayList<>(List.of(Delivery.PENDING, now, targets));
        if (teamId != null) {
            values.add(teamId);
        }
        return Delivery.<Delivery>list("status = ?1 and batchId is null and nextAttemptAt > ?2 and target in ?3 and "
                        + team, values.toArray())
                .map(open -> open.stream().collect(Collectors.toMap(d -> d.target, d -> d.nextAttemptAt,
                        (a, b) -> a.isBefore(b) ? a : b)));
    }

    /**
     * Senior managers always; team managers for caseload and absence alerts, on the shared channel and the
     * team's own receivers; HR for staffing and absence alerts (see {@link Rule.Audience}). Webhook URLs as they
     * are, e-mail addresses as {@code mailto:} targets; a receiver named twice hears once.
     */
    private List<String> targets(AlertState alert) {
        Rule.Audience audience = alert.rule().audience();
        var webhooks = config.webhooks();
        var emails = config.emails();
        List<String> urls = new ArrayList<>(webhooks.seniorManagers().orElse(List.of()));
        List<String> addresses = new ArrayList<>(emails.seniorManagers().orElse(List.of()));
        if (audience.teamManagers()) {
            urls.addAll(webhooks.teamManagers().orElse(List.of()));
            addresses.addAll(emails.teamManagers().orElse(List.of()));
            NotifyConfig.TeamReceivers own = alert.teamId() == null ? null : config.teams().get(alert.teamId());
            if (own != null) {
                urls.addAll(own.webhooks().orElse(List.of()));
                addresses.addAll(own.emails().orElse(List.of()));
            }
        }
        if (audience.hr()) {
            urls.addAll(webhooks.hr().orElse(List.of()));
            addresses.addAll(emails.hr().orElse(List.of()));
        }
        return Stream.concat(urls.stream(), addresses.stream().map(address -> Dispatcher.MAILTO + address))
                .distinct().toList();
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
