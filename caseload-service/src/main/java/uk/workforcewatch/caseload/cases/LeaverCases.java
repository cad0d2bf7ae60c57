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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * When a worker's leaving date comes, their open cases become unallocated, history kept. Run for a
 * worker as soon as staffing says they have left, and on a timer for leaving dates that come later.
 */
@ApplicationScoped
public class LeaverCases {

    private static final Logger LOG = Logger.getLogger(LeaverCases.class);

    private final WorkerCaseloads caseloads;
    private final CaseEvents events;
    private final EffectiveDates dates;

    LeaverCases(WorkerCaseloads caseloads, CaseEvents events, EffectiveDates dates) {
        this.caseloads = caseloads;
        this.events = events;
        this.dates = dates;
    }

    /** Releases the cases of every worker whose leaving date has come, a transaction per worker. */
    @Scheduled(every = "${caseload.leaver-sweep-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> sweep() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "select distinct w.id from worker w join case_file c on c.worker_id = w.id"
                                        + " where c.status = 'OPEN' and w.left_on <= :today", UUID.class)
                        .setParameter("today", dates.today()).getResultList()))
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

    /**
     * The cases go on the leaving date (the last day employed), from its first moment; a case whose last change was
     * dated later than that (recorded after the leaving date was) goes on the day of that change.
     */
    private Uni<Void> releaseHeld(UUID workerId) {
        return Case.<Case>find("workerId = ?1 and status = ?2 order by id", workerId, CaseStatus.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(held -> KnownWorker.<KnownWorker>findById(workerId, LockModeType.PESSIMISTIC_WRITE)
                        .chain(worker -> {
                            if (worker == null || !worker.hasLeftBy(dates.today()) || held.isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            Map<UUID, LocalDate> goesOn = held.stream().collect(Collectors.toMap(kase -> kase.id,
                                    kase -> kase.changedOn.isAfter(worker.leftOn) ? kase.changedOn : worker.leftOn));
                            LOG.infof("Worker %s left on %s: %d open cases unallocated", workerId, worker.leftOn,
                                    held.size());
                            return Allocation.holdingsOf(goesOn.keySet())
                                    .chain(holdings -> endLatest(goesOn)
                                            .chain(() -> Allocation.persist(held.stream().map(kase -> {
                                                LocalDate on = goesOn.get(kase.id);
                                                kase.heldBy(null, on, dates.waitingSince(on));
                                                return Allocation.of(kase, null, Allocation.Change.WORKER_LEFT, on,
                                                        dates.now(), Caller.SYSTEM.name());
                                            }).toList()))
                                            .chain(Panache::flush)
                                            .chain(() -> publishAll(held, holdings, goesOn)))
                                    .chain(() -> caseloads.publish(worker, Caseload.EMPTY));
                        }));
    }

    /** One statement for each date the cases go on: nearly always one, the leaving date. */
    private static Uni<Void> endLatest(Map<UUID, LocalDate> goesOn) {
        Map<LocalDate, List<UUID>> byDate = goesOn.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
                Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Map.Entry<LocalDate, List<UUID>> date : byDate.entrySet()) {
            all = all.chain(() -> Allocation.endLatest(date.getValue(), date.getKey())).replaceWithVoid();
        }
        return all;
    }

    private Uni<Void> publishAll(List<Case> cases, Map<UUID, Holdings> holdings, Map<UUID, LocalDate> goesOn) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Case kase : cases) {
            Holdings ended = holdings.getOrDefault(kase.id, new Holdings(List.of())).endedOn(goesOn.get(kase.id));
            all = all.chain(() -> events.publish(CaseEvent.UNALLOCATED, kase, ended)).replaceWithVoid();
        }
        return all;
    }
}
