package uk.workforcewatch.caseload.caseloads;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.caseload.cases.Case;
import uk.workforcewatch.caseload.limits.Breach;
import uk.workforcewatch.caseload.limits.Caseload;
import uk.workforcewatch.caseload.limits.CaseloadLimits;
import uk.workforcewatch.caseload.staff.KnownTeam;
import uk.workforcewatch.caseload.staff.KnownWorker;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseStatus;
import uk.workforcewatch.events.caseload.WorkerCaseload;
import uk.workforcewatch.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Reads caseloads: a worker's, a dry run of an allocation, a team's. */
@ApplicationScoped
public class CaseloadService {

    private final WorkerCaseloads caseloads;
    private final CaseloadLimits limits;
    private final Clock clock;

    CaseloadService(WorkerCaseloads caseloads, CaseloadLimits limits, Clock clock) {
        this.caseloads = caseloads;
        this.limits = limits;
        this.clock = clock;
    }

    /** The worker, or 404. */
    @WithSession
    public Uni<KnownWorker> worker(UUID id) {
        return KnownWorker.<KnownWorker>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Worker", id));
    }

    @WithSession
    public Uni<WorkerCaseload> caseload(KnownWorker worker) {
        return caseloads.of(worker.id).map(caseload -> caseloads.snapshot(worker, caseload));
    }

    @WithSession
    public Uni<CaseloadApi.AllocationCheck> check(KnownWorker worker, CaseCategory category) {
        return caseloads.of(worker.id).map(caseload -> {
            List<Breach> breaches = limits.breachesIfAllocated(worker.role, worker.fte, caseload, category);
            return new CaseloadApi.AllocationCheck(worker.id, category, breaches.isEmpty(), breaches,
                    caseloads.snapshot(worker, caseload));
        });
    }

    /** Four statements whatever the team's size: the team, its workers, their cases by category, its waiting cases. */
    @WithSession
    public Uni<CaseloadApi.TeamCaseloads> team(UUID teamId) {
        LocalDate today = LocalDate.now(clock);
        return KnownTeam.findById(teamId).onItem().ifNull().failWith(() -> ProblemException.notFound("Team", teamId))
                .chain(() -> KnownWorker.<KnownWorker>list("teamId = ?1 and (leftOn is null or leftOn > ?2) order by id", teamId, today)
                .chain(workers -> caseloads.of(workers.stream().map(w -> w.id).toList()).chain(counts ->
                        Case.<Case>list("teamId = ?1 and status = ?2 and workerId is null",
                                        Sort.by("unallocatedSince"), teamId, CaseStatus.OPEN)
                                .map(waiting -> new CaseloadApi.TeamCaseloads(teamId,
                                        workers.stream().map(w -> caseloads.snapshot(w,
                                                counts.getOrDefault(w.id, Caseload.EMPTY))).toList(),
                                        waiting.stream()
                                                .sorted(Comparator.comparing((Case c) -> !c.category.isHighRisk()))
                                                .map(this::waiting).toList())))));
    }

    private CaseloadApi.WaitingCase waiting(Case kase) {
        return new CaseloadApi.WaitingCase(kase.id, kase.reference, kase.category, kase.unallocatedSince,
                Duration.between(kase.unallocatedSince, clock.instant()).toHours());
    }
}
