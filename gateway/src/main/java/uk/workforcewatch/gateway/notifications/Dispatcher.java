package uk.workforcewatch.gateway.notifications;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uk.workforcewatch.events.alerts.AlertStatus;
import uk.workforcewatch.gateway.alerts.Alert;
import uk.workforcewatch.gateway.alerts.AlertBook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sends what {@link Notifier} recorded. Once a delivery's group window has passed, the deliveries for one
 * receiver and team become one batch, posted as one JSON message with the batch id as its idempotency
 * key. A batch the receiver refuses or does not answer is retried with a doubling pause; one it accepted
 * is never sent again. Firing alerts nobody has acknowledged are notified again after the repeat interval.
 * The HTTP calls run outside any database transaction.
 */
@ApplicationScoped
public class Dispatcher {

    /** A target that is an e-mail address rather than a webhook. */
    static final String MAILTO = "mailto:";

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final NotifyConfig config;
    private final Notifier notifier;
    private final AlertBook alerts;
    private final Clock clock;
    private final WebClient http;
    private final ReactiveMailer mailer;

    Dispatcher(NotifyConfig config, Notifier notifier, AlertBook alerts, Clock clock, Vertx vertx,
               ReactiveMailer mailer) {
        this.config = config;
        this.notifier = notifier;
        this.alerts = alerts;
        this.clock = clock;
        this.http = WebClient.create(vertx);
        this.mailer = mailer;
    }

    @PreDestroy
    void close() {
        http.close();
    }

    @Scheduled(every = "${notify.dispatch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> dispatch() {
        return Panache.withTransaction(this::repeatUnacknowledged)
                .chain(() -> Panache.withTransaction(this::formBatches))
                .chain(() -> Panache.withSession(() -> Delivery.<Delivery>list(
                        "status = ?1 and batchId is not null and nextAttemptAt <= ?2 order by createdAt",
                        Delivery.PENDING, clock.instant())))
                .chain(due -> {
                    Map<UUID, List<Delivery>> batches = due.stream()
                            .collect(Collectors.groupingBy(d -> d.batchId, LinkedHashMap::new, Collectors.toList()));
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (List<Delivery> batch : batches.values()) {
                        all = all.chain(() -> send(batch));
                    }
                    return all;
                });
    }

    /**
     * Alerts still firing, unacknowledged, with no message for the repeat interval: owe one again. Each is taken
     * under its row lock, so it is read as committed and nobody acknowledges or resolves it until the repeat
     * commits; one locked by such a change now is left for the next round rather than waited for.
     */
    private Uni<Void> repeatUnacknowledged() {
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select * from alert where status = :status and last_notified_at <= :before"
                                + " order by id for update skip locked", Alert.class)
                .setParameter("status", AlertStatus.FIRING.name())
                .setParameter("before", now.minus(config.repeatAfter()))
                .getResultList()).chain(stale -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Alert alert : stale) {
                        alert.lastNotifiedAt = now;
                        all = all.chain(() -> notifier.enqueue(alerts.state(alert), Notifier.REPEAT).replaceWithVoid());
                    }
                    return all;
                });
    }

    /** Deliveries whose group window has passed become one batch per receiver and team. */
    private Uni<Void> formBatches() {
        Instant now = clock.instant();
        return Delivery.<Delivery>list("status = ?1 and batchId is null and nextAttemptAt <= ?2",
                Delivery.PENDING, now).invoke(ready -> {
                    Map<List<Object>, UUID> batchOf = new LinkedHashMap<>();
                    for (Delivery delivery : ready) {
                        delivery.batchId = batchOf.computeIfAbsent(
                                Arrays.asList(delivery.target, delivery.teamId), key -> UUID.randomUUID());
                    }
                }).replaceWithVoid();
    }

    /**
     * Sends what is still owed of one batch (see {@link Notifier#stillOwed}), if this process wins it; records it
     * delivered, or the error and when to try again. Winning takes a lease (the next try moves past the send
     * timeout), so two gateways never both send it.
     */
    private Uni<Void> send(List<Delivery> batch) {
        Delivery first = batch.get(0);
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Delivery.update(
                        "nextAttemptAt = ?1 where batchId = ?2 and status = ?3 and nextAttemptAt <= ?4",
                        now.plus(config.sendTimeout().multipliedBy(2)), first.batchId, Delivery.PENDING, now)
                        .chain(won -> won == 0 ? Uni.createFrom().item(List.<Delivery>of()) : notifier.stillOwed(batch)))
                .chain(owed -> {
                    if (owed.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Uni<String> sent = first.target.startsWith(MAILTO) ? mail(owed) : post(owed);
                    return sent.onFailure().recoverWithItem(Throwable::toString).chain(error -> Panache.withTransaction(
                            () -> record(owed.stream().map(d -> d.id).toList(), error)));
                });
    }

    /** Posts the batch as JSON; the item is null when the receiver accepted it, else what went wrong. */
    private Uni<String> post(List<Delivery> batch) {
        Delivery first = batch.get(0);
        JsonArray messages = new JsonArray();
        batch.forEach(delivery -> messages.add(new JsonObject(delivery.message)));
        JsonObject body = new JsonObject().put("batchId", first.batchId.toString())
                .put("teamId", Objects.toString(first.teamId, null)).put("messages", messages);
        return http.postAbs(first.target).putHeader("Idempotency-Key", first.batchId.toString())
                .timeout(config.sendTimeout().toMillis()).sendJsonObject(body)
                .map(response -> response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode());
    }

    /** Mails the batch as one message whose Message-ID is the batch id, the same on every retry. */
    private Uni<String> mail(List<Delivery> batch) {
        Delivery first = batch.get(0);
        StringBuilder text = new StringBuilder();
        for (Delivery delivery : batch) {
            JsonObject message = new JsonObject(delivery.message);
            JsonObject alert = message.getJsonObject("alert");
            text.append(message.getString("kind")).append(": ").append(alert.getString("rule")).append(" - ")
                    .append(alert.getString("summary")).append(" (alert ").append(alert.getString("id")).append(")\n");
        }
        String subject = "[Workforce Watch] " + batch.size() + (batch.size() == 1 ? " alert" : " alerts")
                + (first.teamId == null ? "" : " for team " + first.teamId);
        Mail mail = Mail.withText(first.target.substring(MAILTO.length()), subject, text.toString())
                .addHeader("Message-ID", "<" + first.batchId + "@workforce-watch>");
        return mailer.send(mail).ifNoItem().after(config.sendTimeout()).fail().replaceWith((String) null);
    }

    private Uni<Void> record(List<UUID> ids, String error) {
        Instant now = clock.instant();
        return Delivery.<Delivery>list("id in ?1", ids).invoke(deliveries -> {
            for (Delivery delivery : deliveries) {
                delivery.attempts++;
                if (error == null) {
                    delivery.status = Delivery.DELIVERED;
                    delivery.deliveredAt = now;
                } else {
                    delivery.lastError = error;
                    delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
                }
            }
            if (error == null) {
                LOG.infof("Delivered %d alert messages to %s", deliveries.size(), deliveries.get(0).target);
            } else {
                LOG.warnf("Delivery to %s failed (%s); retrying", deliveries.get(0).target, error);
            }
        }).replaceWithVoid();
    }

    private Duration backoff(int attempts) {
        Duration pause = config.retryMin().multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(config.retryMax()) > 0 ? config.retryMax() : pause;
    }
}
