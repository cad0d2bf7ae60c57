package uk.workforcewatch.gateway.alerts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * When each subject's rules must be looked at again because time passes: every evaluation says when its subject
 * next could judge differently with nothing recorded (the next day, or a CP case's next hour), and the timer takes
 * only the subjects whose moment has come. Kept in the database, so a restart misses nothing, and claimed under a
 * row lock that other replicas skip, so two gateways never look at one subject at once.
 */
@ApplicationScoped
public class Reevaluations {

    /** What a subject is, so the timer knows which rules to run. */
    public enum Kind { WORKER, EPISODE, CASE, TEAM }

    public record Due(UUID subjectId, Kind kind) {
    }

    /** Schedules the subject's next look, or none. Runs in the evaluation's transaction. */
    Uni<Void> schedule(UUID subjectId, Kind kind, Optional<Instant> next) {
        if (next.isEmpty()) {
            return forget(subjectId);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into evaluation_due (subject_id, subject_kind, due_at) values (:s, :k, :at)"
                                + " on conflict (subject_id) do update set due_at = excluded.due_at")
                .setParameter("s", subjectId).setParameter("k", kind.name())
                .setParameter("at", OffsetDateTime.ofInstant(next.get(), ZoneOffset.UTC))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Nothing about the subject changes with time, or it is gone. */
    Uni<Void> forget(UUID subjectId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from evaluation_due where subject_id = :s").setParameter("s", subjectId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Makes every subject of the kind due now: a waiting case's moment comes from the configured thresholds,
     * which may have changed since it was scheduled.
     */
    Uni<Void> lookAgainAtAll(Kind kind, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update evaluation_due set due_at = :now where subject_kind = :k and due_at > :now")
                .setParameter("k", kind.name()).setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The earliest subjects due by now, at most this many. */
    Uni<List<Due>> dueBy(Instant now, int most) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select subject_id, subject_kind from evaluation_due where due_at <= :now"
                                + " order by due_at limit :most", Object[].class)
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter("most", most)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Due((UUID) row[0], Kind.valueOf((String) row[1]))).toList());
    }

    /**
     * Takes the subject's row for this transaction if it is still due and no other replica holds it: false when
     * another evaluation has looked at it since, or is looking now.
     */
    Uni<Boolean> claim(UUID subjectId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select subject_id from evaluation_due where subject_id = :s and due_at <= :now"
                                + " for update skip locked", UUID.class)
                .setParameter("s", subjectId).setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .getResultList())
                .map(claimed -> !claimed.isEmpty());
    }
}
