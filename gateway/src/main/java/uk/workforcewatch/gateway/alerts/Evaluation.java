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
import java.util.Set;
import java.util.TreeSet;
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

    /** The caseload row in hand is the subject's latest: its one consumer writes it and holds its row lock. */
    public Uni<Void> caseload(CaseloadView caseload) {
        return alerts.lockSubject(caseload.workerId)
                .chain(() -> alerts.reconcile(caseload.workerId, Rules.WORKER_RULES, rules.ofCaseload(caseload)));
    }

    public Uni<Void> kase(CaseView kase) {
        return alerts.lockSubject(kase.id)
                .chain(() -> alerts.reconcile(kase.id, Rules.CASE_RULES, rules.ofCase(kase).stream().toList()));
    }

    /**
     * A team's staffing rules read workers and posts, which two consumers write: the team's lock is taken
     * before they are read, so the last evaluation sees both.
     */
    public Uni<Void> team(UUID teamId) {
        return alerts.lockSubject(teamId)
                .chain(() -> WorkerView.<WorkerView>list("teamId", teamId))
                .chain(workers -> PostView.<PostView>list("teamId", teamId)
                        .chain(posts -> alerts.reconcile(teamId, Rules.TEAM_RULES, rules.ofTeam(teamId, workers, posts))));
    }

    /** Several teams, locked in id order so two evaluations never wait on each other. */
    public Uni<Void> teams(Set<UUID> teamIds) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (UUID teamId : new TreeSet<>(teamIds)) {
            all = all.chain(() -> team(teamId));
        }
        return all;
    }

    /** Cases waiting for a worker cross their threshold as time passes: look again, a transaction per case. */
    @Scheduled(every = "${rules.unallocated-check-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
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
