package uk.workforcewatch.sickness.trends;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.calendar.BradfordFactor;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.sickness.absence.AbsenceConfig;
import uk.workforcewatch.sickness.absence.AbsenceEpisode;
import uk.workforcewatch.sickness.absence.DaysLost;
import uk.workforcewatch.sickness.absence.FteHistory;
import uk.workforcewatch.sickness.audit.AuditLog;
import uk.workforcewatch.sickness.security.Caller;
import uk.workforcewatch.sickness.staff.KnownWorker;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads what each question needs in a query or two (the episodes of the period, the workers with their periods),
 * then works the figures out in memory with the pure calculators. Lists of individuals are audited, one entry per
 * worker listed, in the read's own transaction.
 */
@ApplicationScoped
public class TrendsService {

    /** Workers who were ever in the team, by any of their periods. */
    private static final String EVER_IN_TEAM = "select w2.id from KnownWorker w2 join w2.periods p where p.teamId = ";

    private final AbsenceTrends trends;
    private final BradfordFactors bradford;
    private final ReturnInterviews interviews;
    private final DaysLost daysLost;
    private final AbsenceConfig config;
    private final AuditLog audit;
    private final Clock clock;

    TrendsService(AbsenceTrends trends, BradfordFactors bradford, ReturnInterviews interviews, DaysLost daysLost,
                  AbsenceConfig config, AuditLog audit, Clock clock) {
        this.trends = trends;
        this.bradford = bradford;
        this.interviews = interviews;
        this.daysLost = daysLost;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Trends of {@code from}..{@code to}: the workers employed then and the episodes overlapping, two queries. */
    @WithSession
    public Uni<AbsenceTrends.Report> trends(LocalDate from, LocalDate to, GroupBy groupBy, UUID teamId) {
        String workers = "select distinct w from KnownWorker w left join fetch w.periods"
                + " where w.startDate <= ?1 and (w.leftOn is null or w.leftOn >= ?2)";
        String episodes = "startDate <= ?1 and (endDate is null or endDate >= ?2)";
        if (teamId != null) {
            workers += " and w.id in (" + EVER_IN_TEAM + "?3)";
            episodes += " and workerId in (" + EVER_IN_TEAM + "?3)";
        }
        Object[] parameters = teamId == null ? new Object[] {to, from} : new Object[] {to, from, teamId};
        String episodeQuery = episodes;
        return KnownWorker.<KnownWorker>find(workers, parameters).list()
                .chain(staff -> AbsenceEpisode.<AbsenceEpisode>find(episodeQuery, parameters).list()
                        .map(spells -> trends.report(from, to, groupBy, teamId,
                                staff.stream().map(TrendsService::staff).toList(),
                                spells.stream().map(TrendsService::spell).toList())));
    }

    /** Episodes long-term on {@code asOf} and not over before it, oldest first; audited per worker listed. */
    @WithTransaction
    public Uni<TrendsApi.LongTermAbsences> longTerm(LocalDate asOf, UUID teamId, Caller caller) {
        LocalDate startedBy = asOf.minusDays(config.longTermAfterDays() - 1L);
        String query = "startDate <= ?1 and (endDate is null or endDate >= ?2)" + (teamId == null ? "" : " and teamId = ?3");
        Object[] parameters = teamId == null ? new Object[] {startedBy, asOf} : new Object[] {startedBy, asOf, teamId};
        return AbsenceEpisode.<AbsenceEpisode>find(query, Sort.by("startDate").and("id"), parameters).list()
                .chain(episodes -> workers(episodes.stream().map(e -> e.workerId).toList()).map(workers -> episodes
                        .stream().map(e -> {
                            KnownWorker worker = workers.get(e.workerId);
                            return new TrendsApi.LongTermAbsence(e.id, e.workerId, e.teamId, e.startDate, e.endDate,
                                    e.isOpen(), caller.seesReasons() ? e.reason : null, e.certification,
                                    e.certification == Certification.FIT_NOTE,
                                    daysLost.calendarDays(e.startDate, e.endDate, asOf),
                                    daysLost.workingDays(e.startDate, e.endDate, asOf),
                                    daysLost.workingDaysLost(e.startDate, e.endDate, asOf, fteHistory(worker)));
                        }).toList()))
                .call(items -> auditEach(caller, items.stream().map(TrendsApi.LongTermAbsence::workerId).toList(),
                        "long-term absences as of " + asOf))
                .map(items -> new TrendsApi.LongTermAbsences(asOf, config.longTermAfterDays(), items));
    }

    /**
     * Bradford factors on {@code asOf} of every worker (of the team they are in now, when given) with a spell in the
     * window, highest first, from {@code atOrAbove} when given; one page, audited per worker on it.
     */
    @WithTransaction
    public Uni<TrendsApi.BradfordFactors> bradford(LocalDate asOf, UUID teamId, Long atOrAbove, int page, int size,
                                                   Caller caller) {
        LocalDate windowFrom = BradfordFactor.windowStart(asOf);
        String query = "startDate <= ?1 and (endDate is null or endDate >= ?2)"
                + (teamId == null ? "" : " and workerId in (select w.id from KnownWorker w where w.teamId = ?3)");
        Object[] parameters = teamId == null ? new Object[] {asOf, windowFrom} : new Object[] {asOf, windowFrom, teamId};
        int trigger = config.bradfordTrigger();
        return AbsenceEpisode.<AbsenceEpisode>find(query, parameters).list()
                .chain(episodes -> {
                    List<BradfordFactors.Score> scores = bradford.scores(asOf,
                            episodes.stream().map(TrendsService::spell).toList()).stream()
                            .filter(s -> atOrAbove == null || s.score() >= atOrAbove).toList();
                    List<BradfordFactors.Score> onPage = scores.stream().skip((long) page * size).limit(size).toList();
                    return workers(onPage.stream().map(BradfordFactors.Score::workerId).toList())
                            .map(workers -> new TrendsApi.BradfordFactors(asOf, windowFrom, trigger, onPage.stream()
                                    .map(s -> new TrendsApi.BradfordFactor(s.workerId(),
                                            workers.containsKey(s.workerId()) ? workers.get(s.workerId()).teamId : null,
                                            s.spells(), s.daysAbsent(), s.score(), s.score() >= trigger))
                                    .toList(), page, size, scores.size()));
                })
                .call(factors -> auditEach(caller, factors.items().stream().map(TrendsApi.BradfordFactor::workerId)
                        .toList(), "Bradford factor as of " + asOf));
    }

    /** Ended episodes whose worker is back by {@code asOf} with no interview, longest waiting first; one page, audited. */
    @WithTransaction
    public Uni<TrendsApi.DueInterviews> dueInterviews(LocalDate asOf, UUID teamId, int page, int size, Caller caller) {
        String query = "endDate is not null and endDate < ?1 and returnInterviewOn is null"
                + (teamId == null ? "" : " and teamId = ?2");
        Object[] parameters = teamId == null ? new Object[] {asOf} : new Object[] {asOf, teamId};
        return AbsenceEpisode.<AbsenceEpisode>find(query, Sort.by("endDate").and("id"), parameters).page(page, size).list()
                .chain(episodes -> AbsenceEpisode.count(query, parameters).map(total -> new TrendsApi.DueInterviews(asOf,
                        config.returnInterviewDueWithinDays(), interviews.due(asOf,
                                episodes.stream().map(TrendsService::spell).toList()).stream()
                        .map(d -> new TrendsApi.DueInterview(d.spell().id(), d.spell().workerId(), d.spell().teamId(),
                                d.spell().startDate(), d.spell().endDate(), d.returnDay(), d.workingDaysSince(),
                                d.calendarDaysSince(), d.overdue()))
                        .toList(), page, size, total)))
                .call(due -> auditEach(caller, due.items().stream().map(TrendsApi.DueInterview::workerId).toList(),
                        "return-to-work interviews due as of " + asOf));
    }

    /** Of the episodes whose return day falls in {@code from}..{@code to}, how many had their interview in time. */
    @WithSession
    public Uni<ReturnInterviews.Timeliness> timeliness(LocalDate from, LocalDate to, UUID teamId) {
        // the return day is the day after the last day absent
        LocalDate first = from.minusDays(1);
        LocalDate before = to;
        String query = "endDate >= ?1 and endDate < ?2" + (teamId == null ? "" : " and teamId = ?3");
        Object[] parameters = teamId == null ? new Object[] {first, before} : new Object[] {first, before, teamId};
        return AbsenceEpisode.<AbsenceEpisode>find(query, parameters).list()
                .map(episodes -> interviews.timeliness(from, to, episodes.stream().map(TrendsService::spell).toList()));
    }

    /** One audit entry per worker listed (a worker listed twice is written once). */
    private Uni<Void> auditEach(Caller caller, List<UUID> workers, String what) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (UUID worker : workers.stream().distinct().toList()) {
            all = all.chain(() -> audit.record(caller, worker, what));
        }
        return all;
    }

    /** The workers with their periods, in one query. */
    private static Uni<Map<UUID, KnownWorker>> workers(List<UUID> ids) {
        List<UUID> distinct = ids.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return KnownWorker.<KnownWorker>find("select distinct w from KnownWorker w left join fetch w.periods"
                        + " where w.id in ?1", distinct).list()
                .map(found -> found.stream().collect(Collectors.toMap(w -> w.id, Function.identity())));
    }

    static Staff staff(KnownWorker worker) {
        List<Staff.Post> posts = new ArrayList<>();
        worker.periods.forEach(p -> posts.add(new Staff.Post(p.effectiveFrom, p.teamId, p.role, p.fte)));
        return new Staff(worker.id, worker.startDate, worker.leftOn, posts);
    }

    static Spell spell(AbsenceEpisode e) {
        return new Spell(e.id, e.workerId, e.teamId, e.startDate, e.endDate, e.reason, e.certification,
                e.returnInterviewOn);
    }

    private static FteHistory fteHistory(KnownWorker worker) {
        return new FteHistory(worker.startDate, worker.leftOn,
                worker.periods.stream().map(p -> new FteHistory.Change(p.effectiveFrom, p.fte)).toList());
    }
}
