package uk.workforcewatch.caseload.caseloads;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.caseload.cases.Case;
import uk.workforcewatch.caseload.limits.Breach;
import uk.workforcewatch.caseload.limits.CaseHolders;
import uk.workforcewatch.caseload.limits.Caseload;
import uk.workforcewatch.caseload.limits.CaseloadLimits;
import uk.workforcewatch.caseload.staff.KnownTeam;
import uk.workforcewatch.caseload.staff.KnownWorker;
import uk.workforcewatch.census.AverageCaseload;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseStatus;
import uk.workforcewatch.events.caseload.WorkerCaseload;
import uk.workforcewatch.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads caseloads: a worker's, a dry run of an allocation, a team's, the council's. Today's come from the cases as
 * they stand; a past date's from the dated history ({@link DatedCaseloads}), with the limits of the role and FTE
 * each worker had then.
 */
@ApplicationScoped
public class CaseloadService {

    private final WorkerCaseloads caseloads;
    private final DatedCaseloads dated;
    private final CaseloadLimits limits;
    private final Clock clock;

    CaseloadService(WorkerCaseloads caseloads, DatedCaseloads dated, CaseloadLimits limits, Clock clock) {
        this.caseloads = caseloads;
        this.dated = dated;
        this.limits = limits;
        this.clock = clock;
    }

    /** The worker, or 404. */
    @WithSession
    public Uni<KnownWorker> worker(UUID id) {
        return KnownWorker.<KnownWorker>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Worker", id));
    }

    /** The worker's caseload today, or at the end of a past day. */
    @WithSession
    public Uni<WorkerCaseload> caseload(KnownWorker worker, LocalDate asOf) {
        if (asOf == null) {
            return caseloads.of(worker.id).map(caseload -> caseloads.snapshot(worker, caseload));
        }
        LocalDate day = past("asOf", asOf);
        return dated.workerOn(worker.id, day).chain(staffed -> {
            if (staffed == null) {
                throw ProblemException.invalid("asOf", "worker " + worker.id + " was not employed on " + day
                        + " (from " + worker.startDate + (worker.leftOn == null ? "" : " to " + worker.leftOn) + ")");
            }
            return dated.heldOn(List.of(worker.id), day)
                    .map(held -> snapshot(staffed, held.getOrDefault(worker.id, Caseload.EMPTY)));
        });
    }

    /** Would one more case of the category break a limit: refused as an allocation today is, for a role that holds none. */
    @WithSession
    public Uni<CaseloadApi.AllocationCheck> check(KnownWorker worker, CaseCategory category) {
        return caseloads.of(worker.id).map(caseload -> {
            CaseHolders.require(worker.id, worker.role, LocalDate.now(clock));
            List<Breach> breaches = limits.breachesIfAllocated(worker.role, worker.fte, caseload, category);
            return new CaseloadApi.AllocationCheck(worker.id, category, breaches.isEmpty(), breaches,
                    caseloads.snapshot(worker, caseload));
        });
    }

    /**
     * The team's workers, caseloads and waiting cases: today's in four statements whatever the team's size (the team,
     * its workers, their cases by category, its waiting cases); a past day's in as many from the dated history.
     */
    @WithSession
    public Uni<CaseloadApi.TeamCaseloads> team(UUID teamId, LocalDate asOf) {
        Uni<KnownTeam> team = KnownTeam.<KnownTeam>findById(teamId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Team", teamId));
        if (asOf != null) {
            LocalDate day = past("asOf", asOf);
            return team.chain(() -> dated.staffOn(teamId, day)).chain(staff -> dated.heldOn(ids(staff), day)
                    .chain(held -> dated.waitingOn(teamId, day).map(waiting -> new CaseloadApi.TeamCaseloads(teamId,
                            day, snapshots(staff, held), waiting.stream().map(w -> waiting(w, day))
                            .sorted(HIGH_RISK_FIRST).toList(), average(staff, held)))));
        }
        LocalDate today = LocalDate.now(clock);
        return team.chain(() -> KnownWorker.<KnownWorker>list(
                        "teamId = ?1 and (leftOn is null or leftOn > ?2) order by id", teamId, today))
                .chain(workers -> caseloads.of(workers.stream().map(w -> w.id).toList()).chain(counts ->
                        Case.<Case>list("teamId = ?1 and status = ?2 and workerId is null",
                                        Sort.by("unallocatedSince"), teamId, CaseStatus.OPEN)
                                .map(waiting -> {
                                    List<DatedCaseloads.Staffed> staff = workers.stream().map(CaseloadService::staffed)
                                            .toList();
                                    return new CaseloadApi.TeamCaseloads(teamId, today, snapshots(staff, counts),
                                            waiting.stream().map(this::waiting).sorted(HIGH_RISK_FIRST).toList(),
                                            average(staff, counts));
                                })));
    }

    /** Every team's figures on the day (today when not given) and the council's, from the dated history. */
    @WithSession
    public Uni<CaseloadApi.CouncilCaseloads> council(LocalDate asOf) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : past("asOf", asOf);
        return KnownTeam.<KnownTeam>listAll(Sort.by("name").and("id")).chain(teams -> dated.staffOn(day)
                .chain(staff -> dated.heldOn(ids(staff), day).chain(held -> dated.waitingOn(day).map(waiting -> {
                    Map<UUID, List<DatedCaseloads.Staffed>> byTeam = staff.stream()
                            .collect(Collectors.groupingBy(DatedCaseloads.Staffed::teamId));
                    Map<UUID, Long> waitingByTeam = waiting.stream()
                            .collect(Collectors.groupingBy(DatedCaseloads.Waiting::teamId, Collectors.counting()));
                    List<CaseloadApi.TeamSummary> summaries = teams.stream().map(team -> {
                        List<DatedCaseloads.Staffed> members = byTeam.getOrDefault(team.id, List.of());
                        return new CaseloadApi.TeamSummary(team.id, team.name, members.size(),
                                waitingByTeam.getOrDefault(team.id, 0L).intValue(), average(members, held));
                    }).toList();
                    return new CaseloadApi.CouncilCaseloads(day, summaries, staff.size(), waiting.size(),
                            average(staff, held));
                }))));
    }

    /** CP and court cases first, then those waiting longest. */
    private static final Comparator<CaseloadApi.WaitingCase> HIGH_RISK_FIRST = Comparator
            .comparing((CaseloadApi.WaitingCase c) -> !c.category().isHighRisk())
            .thenComparing(CaseloadApi.WaitingCase::unallocatedSince);

    private List<WorkerCaseload> snapshots(List<DatedCaseloads.Staffed> staff, Map<UUID, Caseload> held) {
        return staff.stream().map(worker -> snapshot(worker, held.getOrDefault(worker.workerId(), Caseload.EMPTY)))
                .toList();
    }

    private WorkerCaseload snapshot(DatedCaseloads.Staffed worker, Caseload caseload) {
        return limits.snapshot(worker.workerId(), worker.teamId(), worker.role(), worker.fte(), caseload);
    }

    private static AverageCaseload.Figure average(List<DatedCaseloads.Staffed> staff, Map<UUID, Caseload> held) {
        return AverageCaseload.of(staff.stream().map(worker -> AverageCaseload.Holder.of(worker.role(), worker.fte(),
                held.getOrDefault(worker.workerId(), Caseload.EMPTY).total())).toList()).orElse(null);
    }

    private static DatedCaseloads.Staffed staffed(KnownWorker worker) {
        return new DatedCaseloads.Staffed(worker.id, worker.teamId, worker.role, worker.fte);
    }

    private static List<UUID> ids(List<DatedCaseloads.Staffed> staff) {
        return staff.stream().map(DatedCaseloads.Staffed::workerId).toList();
    }

    private CaseloadApi.WaitingCase waiting(Case kase) {
        return new CaseloadApi.WaitingCase(kase.id, kase.reference, kase.category, kase.unallocatedSince,
                Duration.between(kase.unallocatedSince, clock.instant()).toHours());
    }

    /** Waited since its day began until the end of the day asked about, or until now if that is today. */
    private CaseloadApi.WaitingCase waiting(DatedCaseloads.Waiting kase, LocalDate day) {
        Instant since = kase.since().atStartOfDay(clock.getZone()).toInstant();
        Instant endOfDay = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        Instant until = endOfDay.isAfter(clock.instant()) ? clock.instant() : endOfDay;
        return new CaseloadApi.WaitingCase(kase.caseId(), kase.reference(), kase.category(), since,
                Duration.between(since, until).toHours());
    }

    /** A day asked about: today or before, never ahead. */
    private LocalDate past(String field, LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        if (day.isAfter(today)) {
            throw ProblemException.invalid(field, "must not be in the future (today is " + today + ")");
        }
        return day;
    }
}
