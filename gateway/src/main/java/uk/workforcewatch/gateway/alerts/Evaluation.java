package uk.workforcewatch.gateway.alerts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import uk.workforcewatch.events.caseload.CaseStatus;
import uk.workforcewatch.gateway.rules.Rules;
import uk.workforcewatch.gateway.view.CaseView;
import uk.workforcewatch.gateway.view.CaseloadView;
import uk.workforcewatch.gateway.view.PostView;
import uk.workforcewatch.gateway.view.WorkerView;

import java.util.List;
import java.util.UUID;

/**
 * Evaluates the rules of a subject whose view changed, and brings its alerts in line, in the transaction
 * of the change; and, on a timer, the rules that depend on time.
 */
@ApplicationScoped
public class Evaluation {

    private final Rules rules;
    private final AlertBook alerts;

    Evaluation(Rules rules, AlertBook alerts) {
        this.rules = rules;
        this.alerts = alerts;
    }

    public Uni<Void> caseload(CaseloadView caseload) {
        return alerts.reconcile(caseload.workerId, Rules.WORKER_RULES, rules.ofCaseload(caseload));
    }

    public Uni<Void> kase(CaseView kase) {
        return alerts.reconcile(kase.id, Rules.CASE_RULES, rules.ofCase(kase).stream().toList());
    }

    public Uni<Void> team(UUID teamId) {
        return WorkerView.<WorkerView>list("teamId", teamId).chain(workers -> PostView.<PostView>list("teamId", teamId)
                .chain(posts -> alerts.reconcile(teamId, Rules.TEAM_RULES, rules.ofTeam(teamId, workers, posts))));
    }

    /** Cases waiting for a worker cross their threshold as time passes: look again, a transaction per case. */
    @Scheduled(every = "${rules.unallocated-check-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> waitingCases() {
        return Panache.withSession(() -> CaseView.<CaseView>list(
                        "status = ?1 and workerId is null and unallocatedSince is not null", CaseStatus.OPEN))
                .map(waiting -> waiting.stream().map(kase -> kase.id).toList())
                .chain(this::evaluateCases);
    }

    private Uni<Void> evaluateCases(List<UUID> ids) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (UUID id : ids) {
            all = all.chain(() -> Panache.withTransaction(() -> CaseView.<CaseView>findById(id,
                    LockModeType.PESSIMISTIC_WRITE).chain(kase -> kase == null ? Uni.createFrom().voidItem() : kase(kase))));
        }
        return all;
    }
}
