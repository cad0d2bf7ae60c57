package uk.workforcewatch.caseload.cases;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import uk.workforcewatch.caseload.caseloads.WorkerCaseloads;
import uk.workforcewatch.caseload.limits.Caseload;
import uk.workforcewatch.caseload.staff.KnownWorker;
import uk.workforcewatch.events.caseload.CaseEvent;
import uk.workforcewatch.events.caseload.CaseStatus;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.outbox.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * When a worker's leaving date comes, their open cases become unallocated, history kept. Run for a
 * worker as soon as staffing says they have left, and on a timer for leaving dates that come later.
 */
@ApplicationScoped
public class LeaverCases {

    private static final Logger LOG = Logger.getLogger(LeaverCases.class);

    private final WorkerCaseloads caseloads;
    private final Outbox outbox;
    private final Clock clock;

    LeaverCases(WorkerCaseloads caseloads, Outbox outbox, Clock clock) {
        this.caseloads = caseloads;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Releases the cases of every worker whose leaving date has come, a transaction per worker. */
    @Scheduled(every = "${caseload.leaver-sweep-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> sweep() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "select distinct w.id from worker w join case_file c on c.worker_id = w.id"
                                        + " where c.status = 'OPEN' and w.left_on <= :today", UUID.class)
                        .setParameter("today", LocalDate.now(clock)).getResultList()))
                .chain(ids -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (UUID id : ids) {
                        all = all.chain(() -> Panache.withTransaction(() -> releaseHeld(id)));
                    }
                    return all;
                });
    }

    /**
     * Unallocates the open cases of a worker whose leaving date has come, in one transaction: the cases
     * are locked before the worker, in the same order as an allocation locks them.
     */
    @WithTransaction
    public Uni<Void> release(UUID workerId) {
        return releaseHeld(workerId);
    }

    private Uni<Void> releaseHeld(UUID workerId) {
        return Case.<Case>find("workerId = ?1 and status = ?2 order by id", workerId, CaseStatus.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(held -> KnownWorker.<KnownWorker>findById(workerId, LockModeType.PESSIMISTIC_WRITE)
                        .chain(worker -> {
                            if (worker == null || !worker.hasLeftBy(LocalDate.now(clock)) || held.isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            Instant now = clock.instant();
                            held.forEach(kase -> kase.release(now));
                            List<Allocation> history = held.stream().map(kase -> Allocation.of(kase,
                                    Allocation.Change.WORKER_LEFT, now, Caller.SYSTEM.name())).toList();
                            LOG.infof("Worker %s left on %s: %d open cases unallocated", workerId, worker.leftOn,
                                    held.size());
                            return Allocation.persist(history)
                                    .chain(Panache::flush)
                                    .chain(() -> publishAll(held))
                                    .chain(() -> caseloads.publish(worker, Caseload.EMPTY));
                        }));
    }

    private Uni<Void> publishAll(List<Case> cases) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Case kase : cases) {
            all = all.chain(() -> outbox.publish(CaseloadTopics.CASES, new CaseEvent(UUID.randomUUID(),
                    CaseEvent.UNALLOCATED, kase.id, kase.version, clock.instant(), kase.state())));
        }
        return all;
    }
}
