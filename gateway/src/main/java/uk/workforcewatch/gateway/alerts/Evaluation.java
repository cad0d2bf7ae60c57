package uk.workforcewatch.gateway.alerts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import uk.workforcewatch.gateway.alerts.Reevaluations.Due;
import uk.workforcewatch.gateway.alerts.Reevaluations.Kind;
import uk.workforcewatch.gateway.rules.Breach;
import uk.workforcewatch.gateway.rules.Rules;
import uk.workforcewatch.gateway.view.AbsenceEpisodeView;
import uk.workforcewatch.gateway.view.AbsenceThresholdsView;
import uk.workforcewatch.gateway.view.CaseView;
import uk.workforcewatch.gateway.view.CaseloadView;
import uk.workforcewatch.gateway.view.PostView;
import uk.workforcewatch.gateway.view.WorkerAbsenceView;
import uk.workforcewatch.gateway.view.WorkerView;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates the rules of a subject whose view changed, and brings its alerts in line, in the transaction
 * of the change; and, on a timer, those of the subjects whose rules the passing of time changes
 * ({@link Reevaluations}).
 */
@ApplicationScoped
public class Evaluation {

    private static final Logger LOG = Logger.getLogger(Evaluation.class);
    private static final int DUE_BATCH = 500;

    private final Rules rules;
    private final AlertBook alerts;
    private final Reevaluations reevaluations;
    private final AtomicBoolean casesRescheduled = new AtomicBoolean();
    private final Clock clock;

    Evaluation(Rules rules, AlertBook alerts, Reevaluations reevaluations, Clock clock) {
        this.rules = rules;
        this.alerts = alerts;
        this.reevaluations = reevaluations;
        this.clock = clock;
    }

    /**
     * A worker's rules read their caseload, their absence status and their episodes, which three consumers
     * write: the worker's lock is taken before they are read, so the last evaluation sees all three. A row
     * the caller's transaction wrote is read from its session, as written.
     */
    public Uni<Void> worker(UUID workerId) {
        return alerts.lockSubject(workerId)
                .chain(() -> CaseloadView.<CaseloadView>findById(workerId))
                .chain(caseload -> WorkerAbsenceView.<WorkerAbsenceView>findById(workerId)
                        .chain(absence -> AbsenceEpisodeView.<AbsenceEpisodeView>list("workerId", workerId)
                                .chain(episodes -> AbsenceThresholdsView.current()
                                        .map(thresholds -> rules.ofWorker(workerId, caseload, absence, episodes,
                                                thresholds))
                                        .chain(breaches -> inTheirTeamNow(workerId, breaches))
                                        .chain(breaches -> alerts.reconcile(workerId, Rules.WORKER_RULES, breaches))
                                        .chain(() -> reevaluations.schedule(workerId, Kind.WORKER,
                                                rules.nextLookAtWorker(absence, episodes))))));
    }

    /**
     * The caseload and absence copies name the team their service knew; staffing's, in the view, is the latest
     * word, so an alert fired after a move fires in the team the worker is in now.
     */
    private static Uni<List<Breach>> inTheirTeamNow(UUID workerId, List<Breach> breaches) {
        if (breaches.isEmpty()) {
            return Uni.createFrom().item(breaches);
        }
        return WorkerView.<WorkerView>findById(workerId).map(worker -> worker == null ? breaches
                : breaches.stream().map(breach -> breach.inTeam(worker.teamId)).toList());
    }

    /** The episode row in hand is the subject's latest: its one consumer writes it and holds its row lock. */
    public Uni<Void> episode(AbsenceEpisodeView episode) {
        return alerts.lockSubject(episode.id)
                .chain(AbsenceThresholdsView::current)
                .chain(thresholds -> alerts.reconcile(episode.id, Rules.EPISODE_RULES,
                        rules.ofEpisode(episode, thresholds).stream().toList()))
                .chain(() -> reevaluations.schedule(episode.id, Kind.EPISODE, rules.nextLookAt(episode)));
    }

    public Uni<Void> kase(CaseView kase) {
        return alerts.lockSubject(kase.id)
                .chain(() -> alerts.reconcile(kase.id, Rules.CASE_RULES, rules.ofCase(kase).stream().toList()))
                .chain(() -> reevaluations.schedule(kase.id, Kind.CASE, rules.nextLookAt(kase)));
    }

    /**
     * A team's staffing and sickness rules read workers, posts and its workers' recent episodes, which three
     * consumers write: the team's lock is taken before they are read, so the last evaluation sees all three.
     * A team's lock is always the last a transaction takes.
     */
    public Uni<Void> team(UUID teamId) {
        return alerts.lockSubject(teamId)
                .chain(() -> WorkerView.<WorkerView>list("teamId", teamId))
                .chain(workers -> PostView.<PostView>list("teamId", teamId)
                        .chain(posts -> recentEpisodes(workers)
                                .chain(episodes -> alerts.reconcile(teamId, Rules.TEAM_RULES,
                                        rules.ofTeam(teamId, workers, posts, episodes)))))
                .chain(() -> reevaluations.schedule(teamId, Kind.TEAM, rules.nextLookAtTeam()));
    }

    private Uni<List<AbsenceEpisodeView>> recentEpisodes(List<WorkerView> workers) {
        if (workers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return AbsenceEpisodeView.list("workerId in ?1 and (endDate is null or endDate >= ?2)",
                workers.stream().map(w -> w.id).toList(), rules.sicknessWindowStart());
    }

    /**
     * A worker moved team: their open alerts go with them. Their lock comes first, as for their rules, so a move
     * and an evaluation of theirs take turns.
     */
    public Uni<Void> workerMoved(UUID workerId, UUID teamId) {
        return alerts.lockSubject(workerId).chain(() -> alerts.follow(workerId, teamId));
    }

    /** The team the worker is in now, if the view knows the worker. */
    public Uni<Void> teamOf(UUID workerId) {
        return WorkerView.<WorkerView>findById(workerId)
                .chain(worker -> worker == null ? Uni.createFrom().voidItem() : team(worker.teamId));
    }

    /** Several teams, locked in id order so two evaluations never wait on each other. */
    public Uni<Void> teams(Set<UUID> teamIds) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (UUID teamId : new TreeSet<>(teamIds)) {
            all = all.chain(() -> team(teamId));
        }
        return all;
    }

    /**
     * Time passes: looks again at the subjects whose rules judge differently from now on with nothing recorded
     * (a case waiting past its threshold, a day more of an absence, a spell leaving a window), each in a
     * transaction of its own that claims it, and none other. Each evaluation schedules its subject's next look.
     */
    @Scheduled(every = "${rules.due-check-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> due() {
        Instant now = clock.instant();
        // the first run after a start applies the case thresholds as configured now to every waiting case
        Uni<Void> thresholds = casesRescheduled.compareAndSet(false, true)
                ? Panache.withTransaction(() -> reevaluations.lookAgainAtAll(Kind.CASE, now))
                : Uni.createFrom().voidItem();
        return thresholds.chain(() -> Panache.withSession(() -> reevaluations.dueBy(now, DUE_BATCH)))
                .chain(due -> {
                    AtomicInteger evaluated = new AtomicInteger();
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Due subject : due) {
                        // one subject that fails stays due for the next run; it does not hold up the others
                        all = all.chain(() -> Panache.withTransaction(() -> reevaluations.claim(subject.subjectId(), now)
                                        .chain(claimed -> claimed
                                                ? evaluate(subject).invoke(evaluated::incrementAndGet)
                                                : Uni.createFrom().voidItem()))
                                .onFailure().recoverWithUni(e -> {
                                    LOG.warnf(e, "Could not look again at %s %s: it stays due", subject.kind(),
                                            subject.subjectId());
                                    return Uni.createFrom().voidItem();
                                }));
                    }
                    // a day's turn can make more subjects due than one batch: take the next at once, unless this one
                    // moved nothing on (all failing, or claimed by another replica)
                    return all.chain(() -> due.size() < DUE_BATCH || evaluated.get() == 0
                            ? Uni.createFrom().voidItem() : due());
                });
    }

    private Uni<Void> evaluate(Due subject) {
        UUID id = subject.subjectId();
        return switch (subject.kind()) {
            case WORKER -> worker(id);
            case TEAM -> team(id);
            case EPISODE -> AbsenceEpisodeView.<AbsenceEpisodeView>findById(id, LockModeType.PESSIMISTIC_WRITE)
                    .chain(e -> e == null ? reevaluations.forget(id) : episode(e));
            case CASE -> CaseView.<CaseView>findById(id, LockModeType.PESSIMISTIC_WRITE)
                    .chain(kase -> kase == null ? reevaluations.forget(id) : kase(kase));
        };
    }
}
