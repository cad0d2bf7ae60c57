package uk.workforcewatch.caseload.cases;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uk.workforcewatch.caseload.caseloads.WorkerCaseloads;
import uk.workforcewatch.caseload.limits.Breach;
import uk.workforcewatch.caseload.limits.CaseloadLimits;
import uk.workforcewatch.caseload.staff.KnownWorker;
import uk.workforcewatch.events.caseload.CaseEvent;
import uk.workforcewatch.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Corrects a change of a case's history that was recorded in error: a new change replaces it, naming it and why,
 * and the replaced one stays, marked, for the audit. The history in force is then settled again: each change in
 * force until the next took effect, who holds the case now, since when. Closed cases may be corrected too, so their
 * past counts truly in the census.
 */
@ApplicationScoped
public class HistoryCorrections {

    private static final Logger LOG = Logger.getLogger(HistoryCorrections.class);

    private final CaseService cases;
    private final CaseloadLimits limits;
    private final WorkerCaseloads caseloads;
    private final CaseEvents events;
    private final EffectiveDates dates;

    HistoryCorrections(CaseService cases, CaseloadLimits limits, WorkerCaseloads caseloads, CaseEvents events,
                       EffectiveDates dates) {
        this.cases = cases;
        this.limits = limits;
        this.caseloads = caseloads;
        this.events = events;
        this.dates = dates;
    }

    @WithTransaction
    public Uni<Case> correct(UUID caseId, long changeId, CaseApi.Correction request, Caller caller) {
        if (request.strikeOut() == (request.effectiveOn() != null || request.workerId() != null)) {
            throw ProblemException.invalid("strikeOut", request.strikeOut()
                    ? "a change struck out keeps no new effectiveOn or workerId"
                    : "say what to correct: effectiveOn, workerId, or strikeOut");
        }
        return CaseService.lock(caseId, request.version(), caller).chain(kase -> Allocation.history(kase.id)
                .chain(history -> {
                    Allocation target = inForce(history, changeId);
                    List<Allocation> inForce = history.stream().filter(Allocation::inForce)
                            .sorted(Comparator.comparing((Allocation a) -> a.effectiveOn).thenComparing(a -> a.id))
                            .toList();
                    Allocation correction = correction(kase, target, request, caller);
                    if (!request.strikeOut()) {
                        requireInPlace(kase, inForce, target, correction.effectiveOn);
                    }
                    List<Allocation> after = new ArrayList<>(inForce);
                    if (request.strikeOut()) {
                        after.remove(target);
                    } else {
                        after.set(after.indexOf(target), correction);
                    }
                    UUID holder = after.isEmpty() ? null : after.get(after.size() - 1).workerId;
                    UUID before = kase.workerId;
                    boolean holderChanges = kase.isOpen() && !Objects.equals(holder, before);
                    UUID named = request.workerId() != null ? request.workerId() : holderChanges ? holder : null;
                    return CaseService.lockWorkers(named, holderChanges ? before : null)
                            .chain(workers -> judge(kase, correction, workers.get(named), named, holderChanges
                                    && holder != null, request.overrideReason(), caller))
                            .chain(() -> correction.persist())
                            .chain(() -> {
                                target.supersededBy = correction.id;
                                Holdings holdings = settle(kase, after, before);
                                LOG.infof("Corrected case=%s change=%d by=%d", kase.id, target.id, correction.id);
                                return Panache.flush()
                                        .chain(() -> events.publish(CaseEvent.HISTORY_CORRECTED, kase, holdings));
                            })
                            .call(() -> holderChanges ? republish(before, holder) : Uni.createFrom().voidItem());
                }));
    }

    /** The change to correct: one of the case's, still in force. */
    private static Allocation inForce(List<Allocation> history, long changeId) {
        Allocation target = history.stream().filter(a -> a.id == changeId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Change", changeId));
        if (target.change == Allocation.Change.STRUCK_OUT) {
            throw ProblemException.conflict("Change " + changeId + " is itself a correction striking out change "
                    + target.corrects);
        }
        if (target.supersededBy != null) {
            throw ProblemException.conflict("Change " + changeId + " was corrected by change " + target.supersededBy
                    + ": correct that one instead");
        }
        return target;
    }

    /** The new change: the corrected one with the new date or worker, or a record that it never happened. */
    private Allocation correction(Case kase, Allocation target, CaseApi.Correction request, Caller caller) {
        Instant now = dates.now();
        Allocation correction;
        if (request.strikeOut()) {
            correction = Allocation.of(kase, null, Allocation.Change.STRUCK_OUT, target.effectiveOn, now, caller.name());
        } else {
            if (request.workerId() != null && target.workerId == null) {
                throw ProblemException.invalid("workerId", "change " + target.id + " left the case unallocated: "
                        + "it names no worker");
            }
            correction = Allocation.of(kase, request.workerId() != null ? request.workerId() : target.workerId,
                    target.change, request.effectiveOn() != null ? request.effectiveOn() : target.effectiveOn, now,
                    caller.name());
            correction.overrideReason = target.overrideReason;
            correction.overridden = target.overridden;
        }
        correction.corrects = target.id;
        correction.correctionReason = request.reason();
        return correction;
    }

    /** The corrected date keeps the history in order: after the opening and the change before, not after the next. */
    private void requireInPlace(Case kase, List<Allocation> inForce, Allocation target, LocalDate on) {
        dates.notInFuture("effectiveOn", on);
        EffectiveDates.notBefore("effectiveOn", on, kase.openedOn, "the case was opened on " + kase.openedOn);
        int at = inForce.indexOf(target);
        if (at > 0) {
            Allocation previous = inForce.get(at - 1);
            EffectiveDates.notBefore("effectiveOn", on, previous.effectiveOn,
                    "change " + previous.id + " before it, which took effect on " + previous.effectiveOn);
        }
        LocalDate next = at + 1 < inForce.size() ? inForce.get(at + 1).effectiveOn : kase.closedOn;
        if (next != null && on.isAfter(next)) {
            throw ProblemException.invalid("effectiveOn", "must not be after " + (at + 1 < inForce.size()
                    ? "change " + inForce.get(at + 1).id + " after it, which took effect on " + next
                    : "the case was closed on " + next));
        }
    }

    /**
     * The worker the correction makes hold the case had started, and held cases in their role, on its date; one who
     * would hold the case now must be able to, and is judged by the limits as an allocation is.
     */
    private Uni<Void> judge(Case kase, Allocation correction, KnownWorker worker, UUID workerId, boolean holdsNow,
                            String overrideReason, Caller caller) {
        if (workerId != null && worker == null) {
            throw ProblemException.invalid("workerId", "no worker has id " + workerId);
        }
        return heldOnItsDate(correction, worker).chain(() -> {
            if (!holdsNow) {
                return Uni.createFrom().voidItem();
            }
            cases.requireCanHoldNow(worker, workerId, kase);
            return caseloads.of(workerId).invoke(caseload -> {
                List<Breach> breaches = limits.breachesIfAllocated(worker.role, worker.fte, caseload, kase.category);
                if (!breaches.isEmpty()) {
                    CaseService.override(correction, CaseService.allocating(worker), breaches, overrideReason, caller,
                            kase.id, worker);
                }
            }).replaceWithVoid();
        });
    }

    /**
     * The correction's worker, the one it names or the one it keeps on a new date, could hold the case on that date:
     * they had started, and their role then held cases.
     */
    private Uni<Void> heldOnItsDate(Allocation correction, KnownWorker named) {
        if (correction.workerId == null) {
            return Uni.createFrom().voidItem();
        }
        Uni<KnownWorker> holder = named != null && named.id.equals(correction.workerId)
                ? Uni.createFrom().item(named) : KnownWorker.findById(correction.workerId);
        return holder.chain(worker -> {
            EffectiveDates.notBefore("effectiveOn", correction.effectiveOn, worker.startDate,
                    "worker " + worker.id + " started on " + worker.startDate);
            return cases.requireHoldsCases(worker, correction.effectiveOn);
        });
    }

    /**
     * Each change in force runs until the next took effect, the last until the closure; the case is held by the
     * last one's worker from its date. A case still waiting since the same day keeps the time it has waited since.
     */
    private Holdings settle(Case kase, List<Allocation> inForce, UUID before) {
        for (int i = 0; i < inForce.size(); i++) {
            inForce.get(i).endedOn = i + 1 < inForce.size() ? inForce.get(i + 1).effectiveOn : kase.closedOn;
        }
        Allocation last = inForce.isEmpty() ? null : inForce.get(inForce.size() - 1);
        UUID holder = last == null ? null : last.workerId;
        LocalDate changedOn = last == null ? kase.openedOn : last.effectiveOn;
        boolean stillWaiting = holder == null && before == null && changedOn.equals(kase.changedOn);
        if (kase.isOpen()) {
            kase.heldBy(holder, changedOn, stillWaiting ? kase.unallocatedSince : dates.waitingSince(changedOn));
        } else {
            kase.workerId = holder;
            kase.changedOn = changedOn;
        }
        Holdings holdings = new Holdings(inForce.stream().filter(a -> a.workerId != null).map(Allocation::holding)
                .toList());
        kase.workersSoFar = holdings.workers();
        return holdings;
    }

    /** The caseloads of the worker who held the case and the one who holds it now, both locked already. */
    private Uni<Void> republish(UUID before, UUID holder) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (UUID worker : new UUID[] {before, holder}) {
            if (worker != null) {
                // locked already: the lock again is a look in the session, and says the version is safe to bump
                done = done.chain(() -> CaseService.lockWorker(worker))
                        .chain(found -> found == null ? Uni.createFrom().voidItem()
                                : caseloads.recountAndPublish(found));
            }
        }
        return done;
    }
}
