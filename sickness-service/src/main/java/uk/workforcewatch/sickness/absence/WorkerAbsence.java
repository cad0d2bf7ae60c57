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
import java.util.Objects;
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

    /** Within the transaction that changed the worker's episodes, holding the worker's row lock, after a flush. */
    public Uni<Void> publishIfChanged(KnownWorker worker) {
        LocalDate today = LocalDate.now(clock);
        return AbsenceEpisode.<AbsenceEpisode>find(
                        "workerId = ?1 and startDate <= ?2 and (endDate is null or endDate >= ?2)", worker.id, today)
                .firstResult()
                .chain(current -> {
                    boolean absent = current != null;
                    LocalDate since = absent ? current.startDate : null;
                    UUID episode = absent ? current.id : null;
                    boolean unchanged = worker.absenceVersion == null ? !absent
                            : absent == worker.absent && Objects.equals(since, worker.absentSince)
                            && Objects.equals(episode, worker.absentEpisodeId);
                    if (unchanged) {
                        return Uni.createFrom().voidItem();
                    }
                    worker.absent = absent;
                    worker.absentSince = since;
                    worker.absentEpisodeId = episode;
                    worker.absenceVersion = worker.absenceVersion == null ? 0 : worker.absenceVersion + 1;
                    LOG.infof("%s worker=%s absent=%s version=%d", WorkerAbsenceEvent.CHANGED, worker.id, absent,
                            worker.absenceVersion);
                    return outbox.publish(AbsenceTopics.WORKER_ABSENCE, new WorkerAbsenceEvent(UUID.randomUUID(),
                            WorkerAbsenceEvent.CHANGED, worker.id, worker.absenceVersion, clock.instant(),
                            new WorkerAbsenceState(worker.id, worker.teamId, absent, since, episode), thresholds));
                });
    }
}
