package uk.workforcewatch.sickness.absence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.sickness.staff.RowLock;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A worker's absence status also changes when a day comes: the first day of an episode recorded ahead, the
 * day after an end recorded ahead. Finds the workers whose published status is no longer true today and
 * publishes theirs again, each in a transaction of its own under the worker's row lock. Runs soon after
 * start and then every hour, so a day is never missed.
 */
@ApplicationScoped
public class AbsenceStatusSweep {

    /** Workers shown as not absent though an episode covers today, shown absent though none does, or in another episode. */
    private static final String STALE = "select w.id from worker w"
            + " left join absence_episode e on e.worker_id = w.id and e.start_date <= :today"
            + " and (e.end_date is null or e.end_date >= :today)"
            + " where (e.id is null and w.absent)"
            + " or (e.id is not null and (not w.absent or w.absent_episode_id is distinct from e.id))";

    private final WorkerAbsence workerAbsence;
    private final Clock clock;

    AbsenceStatusSweep(WorkerAbsence workerAbsence, Clock clock) {
        this.workerAbsence = workerAbsence;
        this.clock = clock;
    }

    @Scheduled(every = "${sickness.absence-status-check-every:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> sweep() {
        LocalDate today = LocalDate.now(clock);
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(STALE, UUID.class).setParameter("today", today).getResultList()))
                .chain(ids -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (UUID id : ids) {
                        all = all.chain(() -> Panache.withTransaction(() -> RowLock.lockAndLoad(id)
                                .chain(worker -> worker == null ? Uni.createFrom().voidItem()
                                        : workerAbsence.publishIfChanged(worker))));
                    }
                    return all;
                });
    }
}
