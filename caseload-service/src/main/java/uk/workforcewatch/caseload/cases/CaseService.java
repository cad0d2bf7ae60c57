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
import uk.workforcewatch.caseload.limits.Caseload;
import uk.workforcewatch.caseload.limits.CaseloadLimits;
import uk.workforcewatch.caseload.staff.KnownTeam;
import uk.workforcewatch.caseload.staff.KnownWorker;
import uk.workforcewatch.events.caseload.CaseEvent;
import uk.workforcewatch.events.caseload.CaseStatus;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.outbox.Outbox;
import uk.workforcewatch.problem.ProblemException;
import uk.workforcewatch.problem.Versions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opens, recategorises, allocates, unallocates and closes cases. Each command is one transaction that
 * locks the case and the workers concerned (in id order, so two commands never wait on each other), so
 * two allocations racing for a worker's last place take turns and the second sees the first.
 */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    private final CaseloadLimits limits;
    private final WorkerCaseloads caseloads;
    private final Outbox outbox;
    private final Clock clock;

    CaseService(CaseloadLimits limits, WorkerCaseloads caseloads, Outbox outbox, Clock clock) {
        this.limits = limits;
        this.caseloads = caseloads;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Opens a case, unallocated or already allocated. An unallocated case opened on an earlier day has been
     * waiting since that day began, however late it is recorded; one opened today, since it was recorded.
     */
    @WithTransaction
    public Uni<Case> open(CaseApi.OpenCase request, Caller caller) {
        caller.scope().require(request.teamId());
        if (request.openedOn().isAfter(today())) {
            throw ProblemException.invalid("openedOn", "must not be in the future");
        }
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
        kase.unallocatedSince = request.openedOn().isBefore(today())
                ? request.openedOn().atStartOfDay(clock.getZone()).toInstant() : clock.instant();
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
            return checked.chain(() -> kase.persistAndFlush()).chain(() -> publish(CaseEvent.OPENED, kase));
        }
        return checked.chain(() -> lockWorker(request.workerId()))
                .chain(worker -> give(kase, worker, request.workerId(), Allocation.Change.ALLOCATED,
                        request.overrideReason(), caller)
                        .chain(given -> kase.persist().chain(() -> given.allocation().persist())
                                .chain(Panache::flush)
                                .chain(() -> publish(CaseEvent.OPENED, kase))
                                .call(() -> caseloads.publish(worker, given.after()))));
    }

    @WithTransaction
    public Uni<Case> recategorise(UUID id, CaseApi.Recategorise request, Caller caller) {
        return lockOpen(id, request.version(), caller).chain(kase -> {
            kase.category = request.category();
            return Panache.flush().chain(() -> publish(CaseEvent.RECATEGORISED, kase))
                    .call(() -> kase.workerId == null ? Uni.createFrom().voidItem()
                            : lockWorker(kase.workerId).chain(caseloads::recountAndPublish));
        });
    }

    /** Allocates or reallocates; refuses (409) an allocation that breaks a limit unless it is overridden. */
    @WithTransaction
    public Uni<Case> allocate(UUID id, CaseApi.Allocate request, Caller caller) {
        return lockOpen(id, request.version(), caller).chain(kase -> {
            if (request.workerId().equals(kase.workerId)) {
                throw ProblemException.conflict("The worker already holds case " + id);
            }
            UUID previous = kase.workerId;
            Allocation.Change change = previous == null ? Allocation.Change.ALLOCATED : Allocation.Change.REALLOCATED;
            return lockWorkers(request.workerId(), previous).chain(workers -> {
                KnownWorker worker = workers.get(request.workerId());
                return give(kase, worker, request.workerId(), change, request.overrideReason(), caller)
                        .chain(given -> given.allocation().persist()
                                .chain(Panache::flush)
                                .chain(() -> publish(previous == null ? CaseEvent.ALLOCATED : CaseEvent.REALLOCATED,
                                        kase))
                                .call(() -> caseloads.publish(worker, given.after()))
                                .call(() -> previous == null ? Uni.createFrom().voidItem()
                                        : caseloads.recountAndPublish(workers.get(previous))));
            });
        });
    }

    /** The allocation to record, and the worker's caseload once they hold the case. */
    private record Given(Allocation allocation, Caseload after) {
    }

    /**
     * Gives the case to the worker, whose row the caller has locked: refuses a worker who cannot hold it, and
     * an allocation that breaks a limit unless a senior manager overrides it.
     */
    private Uni<Given> give(Case kase, KnownWorker worker, UUID workerId, Allocation.Change change,
                            String overrideReason, Caller caller) {
        requireCanHold(worker, workerId, kase);
        return caseloads.of(worker.id).map(caseload -> {
            List<Breach> breaches = limits.breachesIfAllocated(worker.role, worker.fte, caseload, kase.category);
            Instant now = clock.instant();
            kase.holdBy(worker.id, now);
            Allocation allocation = Allocation.of(kase, change, now, caller.name());
            if (!breaches.isEmpty()) {
                override(allocation, breaches, overrideReason, caller, worker);
            }
            return new Given(allocation, caseload.plus(kase.category));
        });
    }

    @WithTransaction
    public Uni<Case> unallocate(UUID id, Long version, Caller caller) {
        return lockOpen(id, version, caller).chain(kase -> {
            if (kase.workerId == null) {
                throw ProblemException.conflict("Case " + id + " is not allocated");
            }
            return unallocate(kase, Allocation.Change.UNALLOCATED, caller);
        });
    }

    /** Unallocates an open case held by a worker; within a transaction that holds the case's lock. */
    Uni<Case> unallocate(Case kase, Allocation.Change change, Caller caller) {
        UUID previous = kase.workerId;
        Instant now = clock.instant();
        kase.release(now);
        return lockWorker(previous).chain(worker -> Allocation.of(kase, change, now, caller.name())
                .persist()
                .chain(Panache::flush)
                .chain(() -> publish(CaseEvent.UNALLOCATED, kase))
                .call(() -> caseloads.recountAndPublish(worker)));
    }

    @WithTransaction
    public Uni<Case> close(UUID id, CaseApi.Close request, Caller caller) {
        return lockOpen(id, request.version(), caller).chain(kase -> {
            if (request.closedOn().isBefore(kase.openedOn)) {
                throw ProblemException.invalid("closedOn", "must not be before the case was opened on " + kase.openedOn);
            }
            if (request.closedOn().isAfter(today())) {
                throw ProblemException.invalid("closedOn", "must not be in the future");
            }
            kase.close(request.closedOn(), request.reason(), clock.instant());
            return Panache.flush().chain(() -> publish(CaseEvent.CLOSED, kase))
                    .call(() -> kase.workerId == null ? Uni.createFrom().voidItem()
                            : lockWorker(kase.workerId).chain(caseloads::recountAndPublish));
        });
    }

    /** The case as a command left it, with its allocation history, read once the command has committed. */
    @WithSession
    public Uni<CaseApi.CaseView> withHistory(Case kase) {
        return Allocation.<Allocation>list("caseId", Sort.by("id"), kase.id)
                .map(history -> CaseApi.CaseView.of(kase, history));
    }

    @WithSession
    public Uni<CaseApi.CaseView> get(UUID id, Caller caller) {
        return Case.<Case>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Case", id))
                .chain(kase -> {
                    caller.scope().require(kase.teamId);
                    return Allocation.<Allocation>list("caseId", Sort.by("id"), id)
                            .map(history -> CaseApi.CaseView.of(kase, history));
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

    private void requireCanHold(KnownWorker worker, UUID workerId, Case kase) {
        if (worker == null) {
            throw ProblemException.invalid("workerId", "no worker has id " + workerId);
        }
        if (worker.hasLeftBy(today())) {
            throw ProblemException.conflict("Worker " + workerId + " left on " + worker.leftOn);
        }
        if (worker.startDate.isAfter(today())) {
            throw ProblemException.conflict("Worker " + workerId + " starts on " + worker.startDate);
        }
        if (!worker.teamId.equals(kase.teamId)) {
            throw ProblemException.conflict("Worker " + workerId + " is not in the case's team");
        }
    }

    private static void override(Allocation allocation, List<Breach> breaches, String reason, Caller caller,
                                 KnownWorker worker) {
        String broken = breaches.stream().map(Breach::describe).collect(Collectors.joining("; "));
        if (reason == null) {
            throw ProblemException.conflict("Allocating to worker " + worker.id + " would break " + broken,
                    Map.of("breaches", breaches));
        }
        if (!caller.mayOverride()) {
            throw ProblemException.forbidden("Only a senior manager may override a caseload limit");
        }
        allocation.overrideReason = reason;
        allocation.overridden = broken;
        LOG.infof("Limit override case=%s worker=%s by=%s limits=%s", allocation.caseId, worker.id, caller.name(),
                breaches.stream().map(b -> b.limit().name()).toList());
    }

    private Uni<Case> lockOpen(UUID id, Long version, Caller caller) {
        return Case.<Case>findById(id, LockModeType.PESSIMISTIC_WRITE).map(kase -> {
            if (kase == null) {
                throw ProblemException.notFound("Case", id);
            }
            caller.scope().require(kase.teamId);
            Versions.requireCurrent("Case " + id, version, kase.version);
            if (!kase.isOpen()) {
                throw ProblemException.conflict("Case " + id + " was closed on " + kase.closedOn);
            }
            return kase;
        });
    }

    private static Uni<KnownWorker> lockWorker(UUID id) {
        return KnownWorker.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Locks the workers in id order, so commands that lock the same two never wait on each other. */
    private static Uni<Map<UUID, KnownWorker>> lockWorkers(UUID first, UUID second) {
        List<UUID> ids = second == null ? List.of(first) : Stream.of(first, second).sorted().toList();
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

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Uni<Case> publish(String type, Case kase) {
        CaseEvent event = new CaseEvent(UUID.randomUUID(), type, kase.id, kase.version, clock.instant(), kase.state());
        LOG.infof("%s case=%s version=%d", type, kase.id, kase.version);
        return outbox.publish(CaseloadTopics.CASES, event).replaceWith(kase);
    }
}
