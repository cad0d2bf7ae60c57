package uk.workforcewatch.gateway.alerts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import uk.workforcewatch.events.alerts.AlertStatus;
import uk.workforcewatch.events.alerts.Rule;
import uk.workforcewatch.events.caseload.CaseStatus;
import uk.workforcewatch.gateway.rules.Rules;
import uk.workforcewatch.gateway.view.AbsenceEpisodeView;
import uk.workforcewatch.gateway.view.AbsenceThresholdsView;
import uk.workforcewatch.gateway.view.CaseView;
import uk.workforcewatch.gateway.view.CaseloadView;
import uk.workforcewatch.gateway.view.PostView;
import uk.workforcewatch.gateway.view.WorkerAbsenceView;
import uk.workforcewatch.gateway.view.WorkerView;

import java.time.Clock;
import java.time.LocalDate;
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
    private final Clock clock;

    Evaluation(Rules rules, AlertBook alerts, Clock clock) {
        this.rules = rules;
        this.alerts = alerts;
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
                                        .chain(thresholds -> alerts.reconcile(workerId, Rules.WORKER_RULES,
                                                rules.ofWorker(workerId, caseload, absence, episodes, thresholds))))));
    }

    /** The episode row in hand is the subject's latest: its one consumer writes it and holds its row lock. */
    public Uni<Void> episode(AbsenceEpisodeView episode) {
        return alerts.lockSubject(episode.id)
                .chain(AbsenceThresholdsView::current)
                .chain(thresholds -> alerts.reconcile(episode.id, Rules.EPISODE_RULES,
                        rules.ofEpisode(episode, thresholds).stream().toList()));
    }

    public Uni<Void> kase(CaseView kase) {
        return alerts.lockSubject(kase.id)
                .chain(() -> alerts.reconcile(kase.id, Rules.CASE_RULES, rules.ofCase(kase).stream().toList()));
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
                                        rules.ofTeam(teamId, workers, posts, episodes)))));
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

    /**
     * Absences cross their thresholds as days pass, and an end recorded ahead comes: look again at every
     * worker absent or with an episode not yet over, or with an absence alert open, a transaction per worker;
     * at every ended episode with no interview recorded whose return day is inside the obligation window, or
     * with an alert open (it resolves as it leaves the window), a transaction per episode, so the working days
     * since the return stay current (as the hours of a waiting case do); and at every team whose sickness rate
     * may have moved with the window (see {@link #sicknessTeams}).
     */
    @Scheduled(every = "${rules.unallocated-check-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> absences() {
        LocalDate today = LocalDate.now(clock);
        return Panache.withSession(() -> WorkerAbsenceView.<WorkerAbsenceView>list("absent", true)
                .chain(absent -> AbsenceEpisodeView.<AbsenceEpisodeView>list("endDate is null or endDate >= ?1", today)
                        .chain(current -> Alert.<Alert>list("status <> ?1 and rule in ?2", AlertStatus.RESOLVED,
                                        Rules.WORKER_ABSENCE_RULES)
                                .chain(open -> awaitingInterview()
                                        .map(episodes -> {
                                            Set<UUID> workers = new TreeSet<>();
                                            absent.forEach(a -> workers.add(a.workerId));
                                            current.forEach(e -> workers.add(e.workerId));
                                            open.forEach(a -> workers.add(a.subjectId));
                                            return new Subjects(workers, episodes);
                                        })))))
                .chain(subjects -> evaluateWorkers(subjects.workers()).chain(() -> evaluateEpisodes(subjects.episodes())))
                .chain(() -> Panache.withSession(this::sicknessTeams))
                .chain(this::evaluateTeams);
    }

    /** Ended episodes with no interview returned inside the obligation window, and those with an alert open. */
    private Uni<Set<UUID>> awaitingInterview() {
        // the return day is the day after the end
        LocalDate earliestEndJudged = rules.obligationWindowStart().minusDays(1);
        return AbsenceEpisodeView.<AbsenceEpisodeView>list(
                        "endDate >= ?1 and returnInterviewOn is null", earliestEndJudged)
                .chain(ended -> Alert.<Alert>list("status <> ?1 and rule in ?2", AlertStatus.RESOLVED,
                                Rules.EPISODE_RULES)
                        .map(open -> {
                            Set<UUID> episodes = new TreeSet<>();
                            ended.forEach(e -> episodes.add(e.id));
                            open.forEach(a -> episodes.add(a.subjectId));
                            return episodes;
                        }));
    }

    /** Teams with a worker whose episode reaches into the window, or with a sickness alert open. */
    private Uni<Set<UUID>> sicknessTeams() {
        return WorkerView.<WorkerView>list("id in (select e.workerId from AbsenceEpisodeView e "
                        + "where e.endDate is null or e.endDate >= ?1)", rules.sicknessWindowStart())
                .chain(absent -> Alert.<Alert>list("status <> ?1 and rule = ?2", AlertStatus.RESOLVED,
                                Rule.TEAM_SICKNESS_RATE_HIGH)
                        .map(open -> {
                            Set<UUID> teams = new TreeSet<>();
                            absent.forEach(w -> teams.add(w.teamId));
                            open.forEach(a -> teams.add(a.subjectId));
                            return teams;
                        }));
    }

    private Uni<Void> evaluateTeams(Set<UUID> ids) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (UUID id : ids) {
            all = all.chain(() -> Panache.withTransaction(() -> team(id)));
        }
        return all;
    }

    private record Subjects(Set<UUID> workers, Set<UUID> episodes) {
    }

    private Uni<Void> evaluateWorkers(Set<UUID> ids) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (UUID id : ids) {
            all = all.chain(() -> Panache.withTransaction(() -> worker(id)));
        }
        return all;
    }

    private Uni<Void> evaluateEpisodes(Set<UUID> ids) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (UUID id : ids) {
            all = all.chain(() -> Panache.withTransaction(() -> AbsenceEpisodeView.<AbsenceEpisodeView>findById(id,
                    LockModeType.PESSIMISTIC_WRITE).chain(e -> e == null ? Uni.createFrom().voidItem() : episode(e))));
        }
        return all;
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
