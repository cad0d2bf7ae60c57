package uk.workforcewatch.caseload.cases;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import uk.workforcewatch.caseload.api.Page;
import uk.workforcewatch.caseload.caseloads.WorkerCaseloads;
import uk.workforcewatch.caseload.limits.Breach;
import uk.workforcewatch.caseload.limits.CaseHolders;
import uk.workforcewatch.caseload.limits.Caseload;
import uk.workforcewatch.caseload.limits.CaseloadLimits;
import uk.workforcewatch.caseload.staff.KnownPeriod;
import uk.workforcewatch.caseload.staff.KnownTeam;
import uk.workforcewatch.caseload.staff.KnownWorker;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseEvent;
import uk.workforcewatch.events.caseload.CaseStatus;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.problem.ProblemException;
import uk.workforcewatch.problem.Versions;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opens, recategorises, allocates, unallocates and closes cases. Each command is one transaction that
 * locks the case and the workers concerned (in id order, so two commands never wait on each other), so
 * two allocations racing for a worker's last place take turns and the second sees the first. A change may
 * be dated in the past ({@link EffectiveDates}); the limits are judged on the caseload as it is today.
 */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    private final CaseloadLimits limits;
    private final WorkerCaseloads caseloads;
    private final CaseEvents events;
    private final EffectiveDates dates;

    CaseService(CaseloadLimits limits, WorkerCaseloads caseloads, CaseEvents events, EffectiveDates dates) {
        this.limits = limits;
        this.caseloads = caseloads;
        this.events = events;
        this.dates = dates;
    }

    /**
     * Opens a case, unallocated or already allocated from the day it opened. An unallocated case opened on an
     * earlier day has been waiting since that day began, however late it is recorded; one opened today, since it was
     * recorded.
     */
    @WithTransaction
    public Uni<Case> open(CaseApi.OpenCase request, Caller caller) {
        caller.scope().require(request.teamId());
        dates.notInFuture("openedOn", request.openedOn());
        if (request.overrideReason() != null && request.workerId() == null) {
            throw ProblemException.invalid("overrideReason", "only with a workerId");
        }
        Case kase = new Case();
        kase.id = UUID.randomUUID();
        kase.reference = request.reference();
        kase.category = request.category();
        kase.teamId = request.teamId();
        kase.status = CaseStatus.OPEN;
        kase.openedOn = request.openedOn();
        kase.heldBy(null, request.openedOn(), dates.waitingSince(request.openedOn()));
        CaseCategoryChange category = CaseCategoryChange.of(kase, kase.openedOn, dates.now(), caller.name());
        Uni<Void> checked = KnownTeam.findById(request.teamId()).invoke(team -> {
            if (team == null) {
                throw ProblemException.invalid("teamId", "no team has id " + request.teamId());
            }
        }).chain(() -> Case.count("reference", request.reference())).invoke(count -> {
            if (count > 0) {
                throw ProblemException.conflict("A case with reference " + request.reference() + " exists already");
            }
        }).replaceWithVoid();
        if (request.workerId() == null) {
            return checked.chain(() -> kase.persist()).chain(category::persist).chain(Panache::flush)
                    .chain(() -> events.publish(CaseEvent.OPENED, kase, new Holdings(List.of())));
        }
        return checked.chain(() -> lockWorker(request.workerId()))
                .chain(worker -> give(kase, new Holdings(List.of()), worker, request.workerId(),
                        Allocation.Change.ALLOCATED, "openedOn", kase.openedOn, request.overrideReason(), caller)
                        .chain(given -> kase.persist().chain(() -> given.allocation().persist())
                                .chain(category::persist)
                                .chain(Panache::flush)
                                .chain(() -> events.publish(CaseEvent.OPENED, kase, given.holdings()))
                                .call(() -> caseloads.publish(worker, given.after()))));
    }

    /**
     * The case's category from the day it changed; never dated before the category it replaces took effect. A case
     * someone holds is judged by the limits as an allocation to them is: the new category counts against their
     * limits today (CIN becoming CP against the CP mix), refused (409) when it breaks one unless it is overridden.
     */
    @WithTransaction
    public Uni<Case> recategorise(UUID id, CaseApi.Recategorise request, Caller caller) {
        return lockOpen(id, request.version(), caller).chain(kase -> CaseCategoryChange
                .<CaseCategoryChange>find("caseId = ?1 order by effectiveFrom desc, id desc", kase.id).firstResult()
                .chain(latest -> {
                    LocalDate on = request.effectiveOn() == null ? dates.today() : request.effectiveOn();
                    dates.notInFuture("effectiveOn", on);
                    EffectiveDates.notBefore("effectiveOn", on, kase.openedOn, "the case was opened on " + kase.openedOn);
                    if (latest != null) {
                        EffectiveDates.notBefore("effectiveOn", on, latest.effectiveFrom,
                                "the category it replaces, " + latest.category + " from " + latest.effectiveFrom);
                    }
                    // the holder's row is locked after the case's, as an allocation locks them, and their cases
                    // counted before the case's new category is written
                    Uni<KnownWorker> holder = kase.workerId == null ? Uni.createFrom().nullItem()
                            : lockWorker(kase.workerId);
                    return holder.chain(worker -> (worker == null ? Uni.createFrom().<Caseload>nullItem()
                            : caseloads.of(worker.id)).chain(held -> {
                        CaseCategory from = kase.category;
                        kase.category = request.category();
                        CaseCategoryChange change = CaseCategoryChange.of(kase, on, dates.now(), caller.name());
                        Caseload after = worker == null ? null
                                : judgeRecategorised(kase, from, change, worker, held, request.overrideReason(), caller);
                        return change.persist()
                                .chain(Panache::flush)
                                .chain(() -> Allocation.holdingsOf(kase.id))
                                .chain(holdings -> events.publish(CaseEvent.RECATEGORISED, kase, holdings))
                                .call(() -> after == null ? Uni.createFrom().voidItem()
                                        : caseloads.publish(worker, after));
                    }));
                }));
    }

    /**
     * The holder's caseload once their case counts under its new category; the limits that breaks today are
     * overridden or refused as an allocation's are.
     */
    private Caseload judgeRecategorised(Case kase, CaseCategory from, CaseCategoryChange change, KnownWorker worker,
                                        Caseload held, String overrideReason, Caller caller) {
        List<Breach> breaches = limits.breachesIfRecategorised(worker.role, worker.fte, held, from, kase.category);
        if (!breaches.isEmpty()) {
            override(change, "Making case " + kase.id + " " + kase.category + ", held by worker " + worker.id + ",",
                    breaches, overrideReason, caller, kase.id, worker);
        }
        return held.recategorised(from, kase.category);
    }

    /** Allocates or reallocates; refuses (409) an allocation that breaks a limit unless it is overridden. */
    @WithTransaction
    public Uni<Case> allocate(UUID id, CaseApi.Allocate request, Caller caller) {
        return lockOpen(id, request.version(), caller).chain(kase -> {
            if (request.workerId().equals(kase.workerId)) {
                throw ProblemException.conflict("The worker already holds case " + id);
            }
            LocalDate on = dates.ofChange("effectiveOn", request.effectiveOn(), kase);
            UUID previous = kase.workerId;
            Allocation.Change change = previous == null ? Allocation.Change.ALLOCATED : Allocation.Change.REALLOCATED;
            return lockWorkers(request.workerId(), previous).chain(workers -> Allocation.holdingsOf(kase.id)
                    .chain(held -> give(kase, held, workers.get(request.workerId()), request.workerId(), change,
                            "effectiveOn", on, request.overrideReason(), caller))
                    .chain(given -> Allocation.endLatest(List.of(kase.id), on)
                            .chain(() -> given.allocation().persist())
                            .chain(Panache::flush)
                            .chain(() -> events.publish(previous == null ? CaseEvent.ALLOCATED : CaseEvent.REALLOCATED,
                                    kase, given.holdings()))
                            .call(() -> caseloads.publish(workers.get(request.workerId()), given.after()))
                            .call(() -> previous == null ? Uni.createFrom().voidItem()
                                    : caseloads.recountAndPublish(workers.get(previous)))));
        });
    }

    /** The allocation to record, the case's holdings with it, and the worker's caseload once they hold the case. */
    private record Given(Allocation allocation, Holdings holdings, Caseload after) {
    }

    /**
     * Gives the case to the worker from the date, the worker's row locked by the caller: refuses a worker who cannot
     * hold it, and an allocation that breaks a limit today unless a senior manager overrides it.
     */
    private Uni<Given> give(Case kase, Holdings held, KnownWorker worker, UUID workerId, Allocation.Change change,
                            String field, LocalDate on, String overrideReason, Caller caller) {
        requireCanHold(worker, workerId, kase, field, on);
        return requireHoldsCases(worker, on).chain(() -> caseloads.of(worker.id)).map(caseload -> {
            List<Breach> breaches = limits.breachesIfAllocated(worker.role, worker.fte, caseload, kase.category);
            Holdings holdings = held.heldBy(worker.id, on);
            kase.heldBy(worker.id, on, null);
            kase.workersSoFar = holdings.workers();
            Allocation allocation = Allocation.of(kase, worker.id, change, on, dates.now(), caller.name());
            if (!breaches.isEmpty()) {
                override(allocation, allocating(worker), breaches, overrideReason, caller, kase.id, worker);
            }
            return new Given(allocation, holdings, caseload.plus(kase.category));
        });
    }

    /** What an allocation to the worker is called in its refusal. */
    static String allocating(KnownWorker worker) {
        return "Allocating to worker " + worker.id;
    }

    @WithTransaction
    public Uni<Case> unallocate(UUID id, LocalDate effectiveOn, Long version, Caller caller) {
        return lockOpen(id, version, caller).chain(kase -> {
            if (kase.workerId == null) {
                throw ProblemException.conflict("Case " + id + " is not allocated");
            }
            LocalDate on = dates.ofChange("effectiveOn", effectiveOn, kase);
            UUID previous = kase.workerId;
            return lockWorker(previous).chain(worker -> Allocation.holdingsOf(kase.id).chain(held -> {
                kase.heldBy(null, on, dates.waitingSince(on));
                return Allocation.endLatest(List.of(kase.id), on)
                        .chain(() -> Allocation.of(kase, null, Allocation.Change.UNALLOCATED, on, dates.now(),
                                caller.name()).persist())
                        .chain(Panache::flush)
                        .chain(() -> events.publish(CaseEvent.UNALLOCATED, kase, held.endedOn(on)))
                        .call(() -> caseloads.recountAndPublish(worker));
            }));
        });
    }

    /** Closes the case on its date: whoever held it holds it no more from that day. */
    @WithTransaction
    public Uni<Case> close(UUID id, CaseApi.Close request, Caller caller) {
        return lockOpen(id, request.version(), caller).chain(kase -> {
            if (request.closedOn().isBefore(kase.openedOn)) {
                throw ProblemException.invalid("closedOn", "must not be before the case was opened on " + kase.openedOn);
            }
            dates.notInFuture("closedOn", request.closedOn());
            EffectiveDates.notBefore("closedOn", request.closedOn(), kase.changedOn,
                    "the case's last change, which took effect on " + kase.changedOn);
            kase.close(request.closedOn(), request.reason());
            return Allocation.holdingsOf(kase.id).chain(held -> Allocation.endLatest(List.of(kase.id), kase.closedOn)
                    .chain(Panache::flush)
                    .chain(() -> events.publish(CaseEvent.CLOSED, kase, held.endedOn(kase.closedOn)))
                    .call(() -> kase.workerId == null ? Uni.createFrom().voidItem()
                            : lockWorker(kase.workerId).chain(caseloads::recountAndPublish)));
        });
    }

    /** The case as a command left it, with its allocation history, read once the command has committed. */
    @WithSession
    public Uni<CaseApi.CaseView> withHistory(Case kase) {
        return Allocation.history(kase.id).map(history -> CaseApi.CaseView.of(kase, history));
    }

    /** The case as a recategorisation left it, with its categories, read once the command has committed. */
    @WithSession
    public Uni<CaseApi.CaseView> withCategories(Case kase) {
        return CaseCategoryChange.history(kase.id).map(categories -> CaseApi.CaseView.of(kase, null, categories));
    }

    @WithSession
    public Uni<CaseApi.CaseView> get(UUID id, Caller caller) {
        return Case.<Case>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Case", id))
                .chain(kase -> {
                    caller.scope().require(kase.teamId);
                    return Allocation.history(id).chain(history -> CaseCategoryChange.history(id)
                            .map(categories -> CaseApi.CaseView.of(kase, history, categories)));
                });
    }

    @WithSession
    public Uni<Page<CaseApi.CaseView>> list(CaseFilter filter, int page, int size) {
        return Case.<Case>find(filter.query(), Sort.by("openedOn").and("id"), filter.parameters())
                .page(page, size).list()
                .chain(items -> Case.count(filter.query(), filter.parameters())
                        .map(total -> new Page<>(items.stream().map(c -> CaseApi.CaseView.of(c, null)).toList(),
                                page, size, total)));
    }

    /** The worker can hold the case now, in its team, and had started by the day the holding takes effect. */
    void requireCanHold(KnownWorker worker, UUID workerId, Case kase, String field, LocalDate on) {
        requireCanHoldNow(worker, workerId, kase);
        EffectiveDates.notBefore(field, on, worker.startDate, "worker " + workerId + " started on " + worker.startDate);
    }

    /**
     * The worker's role on the day the holding takes effect holds cases (a 400 naming {@code workerId} if not). Today's
     * role is the copy's own, the one the limits judge by; an earlier day's comes from staffing's periods.
     */
    Uni<Void> requireHoldsCases(KnownWorker worker, LocalDate on) {
        Uni<Role> role = on.isBefore(dates.today())
                ? KnownPeriod.roleOn(worker.id, on).map(then -> then == null ? worker.role : then)
                : Uni.createFrom().item(worker.role);
        return role.invoke(then -> CaseHolders.require(worker.id, then, on)).replaceWithVoid();
    }

    /** The worker is employed today and in the case's team. */
    void requireCanHoldNow(KnownWorker worker, UUID workerId, Case kase) {
        if (worker == null) {
            throw ProblemException.invalid("workerId", "no worker has id " + workerId);
        }
        if (worker.hasLeftBy(dates.today())) {
            throw ProblemException.conflict("Worker " + workerId + " left on " + worker.leftOn);
        }
        if (worker.startDate.isAfter(dates.today())) {
            throw ProblemException.conflict("Worker " + workerId + " starts on " + worker.startDate);
        }
        if (!worker.teamId.equals(kase.teamId)) {
            throw ProblemException.conflict("Worker " + workerId + " is not in the case's team");
        }
    }

    /**
     * The limits a change of the case (what the caller {@code attempted}) would break for the worker today: a 409
     * naming them unless a senior manager overrides them with a reason, which the change then records.
     */
    static void override(Overridable change, String attempted, List<Breach> breaches, String reason, Caller caller,
                         UUID caseId, KnownWorker worker) {
        String broken = breaches.stream().map(Breach::describe).collect(Collectors.joining("; "));
        if (reason == null) {
            throw ProblemException.conflict(attempted + " would break " + broken, Map.of("breaches", breaches));
        }
        if (!caller.mayOverride()) {
            throw ProblemException.forbidden("Only a senior manager may override a caseload limit");
        }
        change.overrideLimits(broken, reason);
        LOG.infof("Limit override case=%s worker=%s by=%s limits=%s", caseId, worker.id, caller.name(),
                breaches.stream().map(b -> b.limit().name()).toList());
    }

    private Uni<Case> lockOpen(UUID id, Long version, Caller caller) {
        return lock(id, version, caller).invoke(kase -> {
            if (!kase.isOpen()) {
                throw ProblemException.conflict("Case " + id + " was closed on " + kase.closedOn);
            }
        });
    }

    /** Locks the case for a change: 404 for an unknown id, 403 outside the caller's teams, 409 for a stale version. */
    static Uni<Case> lock(UUID id, Long version, Caller caller) {
        return Case.<Case>findById(id, LockModeType.PESSIMISTIC_WRITE).map(kase -> {
            if (kase == null) {
                throw ProblemException.notFound("Case", id);
            }
            caller.scope().require(kase.teamId);
            Versions.requireCurrent("Case " + id, version, kase.version);
            return kase;
        });
    }

    static Uni<KnownWorker> lockWorker(UUID id) {
        return KnownWorker.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Locks the workers named (either may be empty) in id order, so commands that lock the same two never wait on each other. */
    static Uni<Map<UUID, KnownWorker>> lockWorkers(UUID first, UUID second) {
        List<UUID> ids = Stream.of(first, second).filter(Objects::nonNull).distinct().sorted().toList();
        Uni<Map<UUID, KnownWorker>> locked = Uni.createFrom().item(new HashMap<>());
        for (UUID id : ids) {
            locked = locked.chain(found -> lockWorker(id).map(worker -> {
                if (worker != null) {
                    found.put(id, worker);
                }
                return found;
            }));
        }
        return locked;
    }
}
