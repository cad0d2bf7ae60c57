package uk.workforcewatch.sickness.absence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uk.workforcewatch.bulk.Sql;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.absence.AbsenceTopics;
import uk.workforcewatch.events.absence.WorkerAbsenceEvent;
import uk.workforcewatch.events.absence.WorkerAbsenceState;
import uk.workforcewatch.outbox.Outbox;
import uk.workforcewatch.outbox.OutboxBatch;
import uk.workforcewatch.sickness.staff.KnownWorker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

/**
 * A worker's absence status: absent today when one of their episodes covers today, and for how many working days.
 * It is worked out again after every change of the worker's episodes, and published (one version more) only when it
 * is news after what was published last: a change of it, or one more working day absent. The day the published
 * status is true as of is kept beside it ({@code worker.absence_as_of}), moved whenever it is worked out, so
 * {@link AsOfSweep} publishes what a day's coming changes (a first day recorded ahead, the day after a last day, one
 * more working day), once. A worker never absent has nothing published.
 */
@ApplicationScoped
public class WorkerAbsence {

    private static final Logger LOG = Logger.getLogger(WorkerAbsence.class);
    /** Moves the worker's marker to the day, answering the one before (the row is locked by the caller). */
    private static final String MARK = "update worker w set absence_as_of = :day"
            + " from (select absence_as_of as before from worker where id = :id) published"
            + " where w.id = :id returning published.before";

    private final Outbox outbox;
    private final AbsenceThresholds thresholds;
    private final WorkingDays workingDays;
    private final Clock clock;

    WorkerAbsence(Outbox outbox, AbsenceThresholds thresholds, WorkingDays workingDays, Clock clock) {
        this.outbox = outbox;
        this.thresholds = thresholds;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** A worker's absence status: absent since the first day of the episode that covers today, or not absent. */
    record Status(boolean absent, LocalDate since, UUID episodeId) {

        static final Status NOT_ABSENT = new Status(false, null, null);

        /** Absent in the episode since its first day; not absent when there is none. */
        static Status in(UUID episodeId, LocalDate since) {
            return episodeId == null ? NOT_ABSENT : new Status(true, since, episodeId);
        }
    }

    /**
     * Whether the status worked out for today is news after the one published as of a day: another status, or one
     * more working day absent. With none published, only being absent is.
     */
    private boolean isNews(Status now, LocalDate today, Status published, LocalDate publishedAsOf) {
        if (published == null) {
            return now.absent();
        }
        return !now.equals(published) || now.absent()
                && (publishedAsOf == null || workingDaysAbsent(now, today) != workingDaysAbsent(now, publishedAsOf));
    }

    /** Working days from the first day absent to the day, both included; none when not absent. */
    private int workingDaysAbsent(Status status, LocalDate day) {
        return status.absent() ? workingDays.countInclusive(status.since(), day) : 0;
    }

    /** Within the transaction that changed the worker's episodes, holding the worker's row lock, after a flush. */
    public Uni<Void> publishIfChanged(KnownWorker worker) {
        LocalDate today = LocalDate.now(clock);
        return AbsenceEpisode.<AbsenceEpisode>find(
                        "workerId = ?1 and startDate <= ?2 and (endDate is null or endDate >= ?2)", worker.id, today)
                .firstResult()
                .chain(current -> Panache.getSession().chain(session -> session.createNativeQuery(MARK, LocalDate.class)
                        .setParameter("day", today).setParameter("id", worker.id).getSingleResult()
                        .chain(publishedAsOf -> {
                            Status status = current == null ? Status.NOT_ABSENT : new Status(true, current.startDate, current.id);
                            Status published = worker.absenceVersion == null ? null
                                    : new Status(worker.absent, worker.absentSince, worker.absentEpisodeId);
                            if (!isNews(status, today, published, publishedAsOf)) {
                                return Uni.createFrom().voidItem();
                            }
                            worker.absent = status.absent();
                            worker.absentSince = status.since();
                            worker.absentEpisodeId = status.episodeId();
                            worker.absenceVersion = nextVersion(worker.absenceVersion);
                            return outbox.publish(AbsenceTopics.WORKER_ABSENCE,
                                    event(worker.id, worker.teamId, worker.absenceVersion, status, today));
                        })));
    }

    /**
     * The same for a set of workers on a JDBC connection of bulk work (a file, a day's sweep), their rows locked by
     * the caller: each one's status for today, published when it is news, every marker moved to today, in three
     * statements whatever the number.
     */
    void publishStatus(Connection connection, Collection<UUID> workers, OutboxBatch events, LocalDate today)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select w.id, w.team_id, w.absent, w.absent_since,"
                + " w.absent_episode_id, w.absence_version, w.absence_as_of, e.id as episode_id, e.start_date"
                + " from worker w left join absence_episode e on e.worker_id = w.id and e.start_date <= ?"
                + " and (e.end_date is null or e.end_date >= ?) where w.id = any(?)");
             PreparedStatement update = connection.prepareStatement("update worker set absent = ?, absent_since = ?,"
                     + " absent_episode_id = ?, absence_version = ? where id = ?");
             PreparedStatement mark = connection.prepareStatement(
                     "update worker set absence_as_of = ? where id = any(?)")) {
            select.setObject(1, today);
            select.setObject(2, today);
            Sql.uuids(select, 3, workers);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Status status = Status.in(Sql.uuid(rows, "episode_id"), Sql.date(rows, "start_date"));
                    Long version = (Long) rows.getObject("absence_version");
                    Status published = version == null ? null : new Status(
                            rows.getBoolean("absent"), Sql.date(rows, "absent_since"), Sql.uuid(rows, "absent_episode_id"));
                    if (!isNews(status, today, published, Sql.date(rows, "absence_as_of"))) {
                        continue;
                    }
                    UUID id = Sql.uuid(rows, "id");
                    long next = nextVersion(version);
                    update.setBoolean(1, status.absent());
                    Sql.date(update, 2, status.since());
                    update.setObject(3, status.episodeId());
                    update.setLong(4, next);
                    update.setObject(5, id);
                    update.addBatch();
                    events.add(AbsenceTopics.WORKER_ABSENCE, event(id, Sql.uuid(rows, "team_id"), next, status, today));
                }
            }
            update.executeBatch();
            Sql.date(mark, 1, today);
            Sql.uuids(mark, 2, workers);
            mark.executeUpdate();
        }
    }

    private static long nextVersion(Long published) {
        return published == null ? 0 : published + 1;
    }

    /** The event of a worker's status as of the day, at its version. */
    private WorkerAbsenceEvent event(UUID workerId, UUID teamId, long version, Status status, LocalDate day) {
        LOG.infof("%s worker=%s absent=%s version=%d", WorkerAbsenceEvent.CHANGED, workerId, status.absent(), version);
        return new WorkerAbsenceEvent(UUID.randomUUID(), WorkerAbsenceEvent.CHANGED, workerId, version, clock.instant(),
                new WorkerAbsenceState(workerId, teamId, status.absent(), status.since(), status.episodeId(), day,
                        workingDaysAbsent(status, day)),
                thresholds);
    }
}
