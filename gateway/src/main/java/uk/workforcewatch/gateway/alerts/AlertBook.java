package uk.workforcewatch.gateway.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import uk.workforcewatch.events.alerts.AlertEvent;
import uk.workforcewatch.events.alerts.AlertState;
import uk.workforcewatch.events.alerts.AlertStatus;
import uk.workforcewatch.events.alerts.AlertTopics;
import uk.workforcewatch.events.alerts.Rule;
import uk.workforcewatch.gateway.notifications.Notifier;
import uk.workforcewatch.gateway.rules.Breach;
import uk.workforcewatch.outbox.Outbox;
import uk.workforcewatch.problem.ProblemException;
import uk.workforcewatch.problem.Versions;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps one alert per rule and subject in step with the breaches that hold: fires an alert when a breach
 * starts, updates its figures while it lasts, resolves it when it ends. Every change is an event on the
 * alerts topic, written through the outbox in the caller's transaction.
 */
@ApplicationScoped
public class AlertBook {

    private static final Logger LOG = Logger.getLogger(AlertBook.class);
    private static final TypeReference<Map<String, Object>> FIGURES = new TypeReference<>() {
    };

    private final Outbox outbox;
    private final Notifier notifier;
    private final ObjectMapper json;
    private final Clock clock;

    AlertBook(Outbox outbox, Notifier notifier, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.notifier = notifier;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Makes evaluations of one subject take turns until the transaction ends. Take it before reading what
     * the rules look at: the reads then see what the turn before committed, so the last evaluation is
     * always of the latest view, and an event and the timer never raise the same alert twice.
     */
    public Uni<Void> lockSubject(UUID subjectId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:s, 0))) locked",
                                Long.class)
                        .setParameter("s", subjectId.toString()).getSingleResult())
                .replaceWithVoid();
    }

    /**
     * Brings the subject's alerts for these rules in line with the breaches that hold now. Runs inside a
     * transaction that holds {@link #lockSubject} for the subject.
     */
    public Uni<Void> reconcile(UUID subjectId, Set<Rule> rules, List<Breach> holding) {
        // the subject's lock keeps other evaluations out, the rows' lock an acknowledgement or a repeat
        return Alert.<Alert>find("subjectId = ?1 and status <> ?2 order by id", subjectId, AlertStatus.RESOLVED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(open -> {
                    Uni<Void> changes = Uni.createFrom().voidItem();
                    for (Breach breach : holding) {
                        Optional<Alert> existing = open.stream().filter(a -> a.rule == breach.rule()).findFirst();
                        changes = changes.chain(() -> existing.isPresent() ? update(existing.get(), breach) : fire(breach));
                    }
                    for (Alert alert : open) {
                        boolean holds = holding.stream().anyMatch(b -> b.rule() == alert.rule);
                        if (rules.contains(alert.rule) && !holds) {
                            changes = changes.chain(() -> resolve(alert));
                        }
                    }
                    return changes;
                });
    }

    /**
     * Acknowledges a firing alert; a resolved one cannot be (409), nor one that is no longer at the version the
     * caller read, when they name it (409 naming the current one). Runs inside a transaction holding the alert's
     * row lock.
     */
    public Uni<Alert> acknowledge(Alert alert, String by, String note, Long readVersion) {
        Versions.requireCurrent("Alert " + alert.id, readVersion, alert.version);
        if (alert.status != AlertStatus.FIRING) {
            throw ProblemException.conflict("Alert " + alert.id + " is " + alert.status + ", not FIRING");
        }
        alert.status = AlertStatus.ACKNOWLEDGED;
        alert.acknowledgedAt = clock.instant();
        alert.acknowledgedBy = by;
        alert.acknowledgementNote = note;
        LOG.infof("Alert acknowledged alert=%s rule=%s by=%s", alert.id, alert.rule, by);
        return publish(AlertEvent.ACKNOWLEDGED, alert).replaceWith(alert);
    }

    /**
     * The worker's open alerts, about them or their absence episodes, go with them to the team they are in now,
     * so that team's manager sees them and the one before no longer does; resolved alerts stay where they were
     * raised. Each move is a change: one version more, and its event. Runs inside a transaction that holds
     * {@link #lockSubject} for the worker.
     */
    public Uni<Void> follow(UUID workerId, UUID teamId) {
        return Alert.<Alert>find("status <> ?1 and (teamId is null or teamId <> ?2) and (subjectId = ?3 or subjectId in "
                                + "(select e.id from AbsenceEpisodeView e where e.workerId = ?3)) order by id",
                        AlertStatus.RESOLVED, teamId, workerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(open -> {
                    Uni<Void> moves = Uni.createFrom().voidItem();
                    for (Alert alert : open) {
                        moves = moves.chain(() -> {
                            LOG.infof("Alert moved alert=%s rule=%s from=%s to=%s", alert.id, alert.rule, alert.teamId,
                                    teamId);
                            alert.teamId = teamId;
                            return publish(AlertEvent.UPDATED, alert);
                        });
                    }
                    return moves;
                });
    }

    private Uni<Void> fire(Breach breach) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.rule = breach.rule();
        alert.subjectType = breach.subjectType();
        alert.subjectId = breach.subjectId();
        alert.teamId = breach.teamId();
        alert.severity = breach.severity();
        alert.status = AlertStatus.FIRING;
        alert.summary = breach.summary();
        alert.figures = write(breach.figures());
        alert.firedAt = clock.instant();
        alert.lastNotifiedAt = alert.firedAt;
        LOG.infof("Alert fired alert=%s rule=%s subject=%s", alert.id, alert.rule, alert.subjectId);
        return alert.persist().chain(() -> publish(AlertEvent.FIRED, alert))
                .chain(() -> notifier.enqueue(state(alert), Notifier.FIRED)).replaceWithVoid();
    }

    private Uni<Void> update(Alert alert, Breach breach) {
        String figures = write(breach.figures());
        if (figures.equals(alert.figures) && breach.severity() == alert.severity) {
            return Uni.createFrom().voidItem();
        }
        alert.figures = figures;
        alert.summary = breach.summary();
        alert.severity = breach.severity();
        return publish(AlertEvent.UPDATED, alert);
    }

    private Uni<Void> resolve(Alert alert) {
        alert.status = AlertStatus.RESOLVED;
        alert.resolvedAt = clock.instant();
        LOG.infof("Alert resolved alert=%s rule=%s subject=%s", alert.id, alert.rule, alert.subjectId);
        return publish(AlertEvent.RESOLVED, alert)
                .chain(() -> notifier.enqueue(state(alert), Notifier.RESOLVED)).replaceWithVoid();
    }

    /**
     * Writes the change now, so the alert takes its version (0 when fired, one more with each change) and a
     * stale write fails here, then publishes its new state with that version.
     */
    private Uni<Void> publish(String type, Alert alert) {
        return Panache.flush().chain(() -> outbox.publish(AlertTopics.ALERTS, new AlertEvent(UUID.randomUUID(), type,
                alert.id, alert.version, clock.instant(), state(alert))));
    }

    public AlertState state(Alert alert) {
        return new AlertState(alert.id, alert.rule, alert.subjectType, alert.subjectId, alert.teamId, alert.severity,
                alert.status, alert.summary, read(alert.figures), alert.firedAt, alert.acknowledgedAt,
                alert.acknowledgedBy, alert.acknowledgementNote, alert.resolvedAt);
    }

    private String write(Map<String, Object> figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String figures) {
        try {
            return json.readValue(figures, FIGURES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
