package uk.workforcewatch.sickness.absence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.absence.AbsenceTopics;
import uk.workforcewatch.events.absence.WorkerAbsenceEvent;
import uk.workforcewatch.events.absence.WorkerAbsenceState;
import uk.workforcewatch.outbox.Outbox;
import uk.workforcewatch.sickness.staff.KnownWorker;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A worker's absence status: absent today when one of their episodes covers today. It is worked out again
 * after every change of the worker's episodes, and published (one version more) only when it differs from
 * what was published last. An episode recorded to start in the future does not make the worker absent now;
 * {@link AbsenceStatusSweep} publishes the change when its first day comes. A worker never absent has
 * nothing published.
 */
@ApplicationScoped
public class WorkerAbsence {

    private static final Logger LOG = Logger.getLogger(WorkerAbsence.class);

    private final Outbox outbox;
    private final AbsenceThresholds thresholds;
    private final Clock clock;

    WorkerAbsence(Outbox outbox, AbsenceThresholds thresholds, Clock clock) {
        this.outbox = outbox;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /** A worker's absence status: absent since the first day of the episode that covers today, or not absent. */
    record Status(boolean absent, LocalDate since, UUID episodeId) {

        static final Status NOT_ABSENT = new Status(false, null, null);

        /** Absent in the episode since its first day; not absent when there is none. */
        static Status in(UUID episodeId, LocalDate since) {
            return episodeId == null ? NOT_ABSENT : new Status(true, since, episodeId);
        }

        /** Whether this status is news after the one published last: with none published, only being absent is. */
        boolean differsFrom(Status published) {
            return published == null ? absent : !equals(published);
        }
    }

    /** Within the transaction that changed the worker's episodes, holding the worker's row lock, after a flush. */
    public Uni<Void> publishIfChanged(KnownWorker worker) {
        LocalDate today = LocalDate.now(clock);
        return AbsenceEpisode.<AbsenceEpisode>find(
                        "workerId = ?1 and startDate <= ?2 and (endDate is null or endDate >= ?2)", worker.id, today)
                .firstResult()
                .chain(current -> {
                    Status status = current == null ? Status.NOT_ABSENT : new Status(true, current.startDate, current.id);
                    Status published = worker.absenceVersion == null ? null
                            : new Status(worker.absent, worker.absentSince, worker.absentEpisodeId);
                    if (!status.differsFrom(published)) {
                        return Uni.createFrom().voidItem();
                    }
                    worker.absent = status.absent();
                    worker.absentSince = status.since();
                    worker.absentEpisodeId = status.episodeId();
                    worker.absenceVersion = nextVersion(worker.absenceVersion);
                    return outbox.publish(AbsenceTopics.WORKER_ABSENCE,
                            event(worker.id, worker.teamId, worker.absenceVersion, status));
                });
    }

    static long nextVersion(Long published) {
        return published == null ? 0 : published + 1;
    }

    /** The event of a worker's new status, at its version. */
    WorkerAbsenceEvent event(UUID workerId, UUID teamId, long version, Status status) {
        LOG.infof("%s worker=%s absent=%s version=%d", WorkerAbsenceEvent.CHANGED, workerId, status.absent(), version);
        return new WorkerAbsenceEvent(UUID.randomUUID(), WorkerAbsenceEvent.CHANGED, workerId, version, clock.instant(),
                new WorkerAbsenceState(workerId, teamId, status.absent(), status.since(), status.episodeId()),
                thresholds);
    }
}
