package uk.workforcewatch.caseload.caseloads;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;
import uk.workforcewatch.caseload.limits.Caseload;
import uk.workforcewatch.caseload.limits.CaseloadLimits;
import uk.workforcewatch.caseload.staff.KnownWorker;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.events.caseload.WorkerCaseload;
import uk.workforcewatch.events.caseload.WorkerCaseloadEvent;
import uk.workforcewatch.outbox.Outbox;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Counts workers' open cases in one statement each, and publishes their caseload snapshots. */
@ApplicationScoped
public class WorkerCaseloads {

    private static final Logger LOG = Logger.getLogger(WorkerCaseloads.class);

    private final CaseloadLimits limits;
    private final Outbox outbox;
    private final Clock clock;

    WorkerCaseloads(CaseloadLimits limits, Outbox outbox, Clock clock) {
        this.limits = limits;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The worker's open cases by category. */
    public Uni<Caseload> of(UUID workerId) {
        return of(List.of(workerId)).map(found -> found.getOrDefault(workerId, Caseload.EMPTY));
    }

    /** The open cases of each of these workers by category, in one statement; absent workers hold none. */
    public Uni<Map<UUID, Caseload>> of(Collection<UUID> workerIds) {
        if (workerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select worker_id, category, count(*) from case_file where status = 'OPEN'"
                                + " and worker_id in (:workers) group by worker_id, category", Object[].class)
                .setParameter("workers", workerIds).getResultList())
                .map(rows -> {
                    Map<UUID, Map<CaseCategory, Integer>> counts = new HashMap<>();
                    for (Object[] row : rows) {
                        counts.computeIfAbsent((UUID) row[0], id -> new EnumMap<>(CaseCategory.class))
                                .put(CaseCategory.valueOf((String) row[1]), ((Number) row[2]).intValue());
                    }
                    Map<UUID, Caseload> caseloads = new HashMap<>();
                    counts.forEach((worker, byCategory) -> caseloads.put(worker, new Caseload(byCategory)));
                    return caseloads;
                });
    }

    public WorkerCaseload snapshot(KnownWorker worker, Caseload caseload) {
        return limits.snapshot(worker.id, worker.teamId, worker.role, worker.fte, caseload);
    }

    /**
     * Publishes the worker's caseload as it now stands, one version more; inside the transaction of the change, which
     * must have read the worker under their row lock (PESSIMISTIC_WRITE) or inserted them. The version is read, bumped
     * and written back: without the lock two writers would publish the same version, and consumers drop the second.
     */
    public Uni<Void> publish(KnownWorker worker, Caseload caseload) {
        return Panache.getSession().chain(session -> {
            LockMode held = session.getLockMode(worker);
            if (!(held == LockMode.WRITE || (held.isPessimistic() && held != LockMode.PESSIMISTIC_READ))) {
                throw new IllegalStateException("Worker " + worker.id + " was read without their row lock ("
                        + held + "): their caseload version could be lost");
            }
            worker.caseloadVersion++;
            WorkerCaseloadEvent event = new WorkerCaseloadEvent(UUID.randomUUID(), WorkerCaseloadEvent.CHANGED,
                    worker.id, worker.caseloadVersion, clock.instant(), snapshot(worker, caseload));
            LOG.infof("WorkerCaseloadChanged worker=%s version=%d cases=%d", worker.id, worker.caseloadVersion,
                    caseload.total());
            return outbox.publish(CaseloadTopics.WORKER_CASELOADS, event);
        });
    }

    /** Counts the worker's open cases afresh and publishes them. */
    public Uni<Void> recountAndPublish(KnownWorker worker) {
        return of(worker.id).chain(caseload -> publish(worker, caseload));
    }
}
