package uk.workforcewatch.gateway.monitoring;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.access.TeamScope;
import uk.workforcewatch.census.AverageCaseload;
import uk.workforcewatch.events.alerts.AlertStatus;
import uk.workforcewatch.events.alerts.Rule;
import uk.workforcewatch.events.alerts.Severity;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseStatus;
import uk.workforcewatch.gateway.rules.TeamStaffing;
import uk.workforcewatch.gateway.view.CaseloadView;
import uk.workforcewatch.gateway.view.PostView;
import uk.workforcewatch.gateway.view.TeamView;
import uk.workforcewatch.gateway.view.WorkerAbsenceView;
import uk.workforcewatch.gateway.view.WorkerView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Every team at a glance, from the gateway's own view, in seven queries whatever the size of the council:
 * no query per team or worker.
 */
@ApplicationScoped
public class CouncilPicture {

    /** Cases waiting for a worker, counted by team and category, with the longest wait. */
    public record Waiting(UUID teamId, CaseCategory category, long cases, Instant since) {
    }

    /** Open alerts counted by team, rule and severity. */
    public record OpenAlerts(UUID teamId, Rule rule, Severity severity, long alerts) {
    }

    public Uni<Pictures.Council> of(TeamScope scope, LocalDate today) {
        return TeamView.<TeamView>listAll().chain(teams -> WorkerView.<WorkerView>listAll()
                .chain(workers -> CaseloadView.<CaseloadView>listAll()
                        .chain(caseloads -> WorkerAbsenceView.<WorkerAbsenceView>list("absent", true)
                                .chain(absent -> PostView.<PostView>listAll()
                                        .chain(posts -> waiting().chain(waiting -> openAlerts().map(alerts ->
                                                new Facts(teams, workers, caseloads, absent, posts, waiting, alerts)
                                                        .council(scope, today))))))));
    }

    private static Uni<List<Waiting>> waiting() {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select new " + Waiting.class.getName() + "(c.teamId, c.category, count(c), "
                                + "min(c.unallocatedSince)) from CaseView c where c.status = :open and "
                                + "c.workerId is null group by c.teamId, c.category", Waiting.class)
                .setParameter("open", CaseStatus.OPEN).getResultList());
    }

    private static Uni<List<OpenAlerts>> openAlerts() {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select new " + OpenAlerts.class.getName() + "(a.teamId, a.rule, a.severity, count(a)) "
                                + "from Alert a where a.status <> :resolved and a.teamId is not null "
                                + "group by a.teamId, a.rule, a.severity", OpenAlerts.class)
                .setParameter("resolved", AlertStatus.RESOLVED).getResultList());
    }

    /** What the seven queries found, grouped by team once. */
    private record Facts(List<TeamView> teams, List<WorkerView> workers, List<CaseloadView> caseloads,
                         List<WorkerAbsenceView> absent, List<PostView> posts, List<Waiting> waiting,
                         List<OpenAlerts> alerts) {

        Pictures.Council council(TeamScope scope, LocalDate today) {
            Map<UUID, TeamView> byId = teams.stream().collect(Collectors.toMap(t -> t.id, t -> t));
            Map<UUID, List<WorkerView>> workersOf = groupBy(workers.stream(), w -> w.teamId);
            Map<UUID, List<CaseloadView>> caseloadsOf = groupBy(caseloads.stream(), c -> c.teamId);
            Map<UUID, List<PostView>> postsOf = groupBy(posts.stream(), p -> p.teamId);
            Map<UUID, List<Waiting>> waitingOf = groupBy(waiting.stream(), w -> w.teamId());
            Map<UUID, List<OpenAlerts>> alertsOf = groupBy(alerts.stream(), a -> a.teamId());
            Set<UUID> absentIds = absent.stream().map(a -> a.workerId).collect(Collectors.toSet());
            // a team is known from its own event, or from the first worker or caseload that names it
            Set<UUID> ids = new TreeSet<>(byId.keySet());
            ids.addAll(workersOf.keySet());
            ids.addAll(caseloadsOf.keySet());
            List<UUID> seen = ids.stream().filter(scope::includes).toList();
            List<Pictures.TeamSummary> summaries = seen.stream()
                    .map(id -> summary(id, byId.get(id), current(workersOf.get(id), today),
                            caseloadsOf.getOrDefault(id, List.of()), postsOf.getOrDefault(id, List.of()),
                            waitingOf.getOrDefault(id, List.of()), alertsOf.getOrDefault(id, List.of()), absentIds,
                            today))
                    .sorted(Comparator.comparing(Pictures.TeamSummary::name,
                            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Pictures.TeamSummary::id))
                    .toList();
            List<AverageCaseload.Holder> holders = seen.stream().flatMap(id -> holders(current(workersOf.get(id), today),
                    caseloadsOf.getOrDefault(id, List.of())).stream()).toList();
            return new Pictures.Council(today, summaries, AverageCaseload.of(holders).orElse(null));
        }

        private static Pictures.TeamSummary summary(UUID id, TeamView team, List<WorkerView> workers,
                                                    List<CaseloadView> caseloads, List<PostView> posts,
                                                    List<Waiting> waiting, List<OpenAlerts> alerts,
                                                    Set<UUID> absentIds, LocalDate today) {
            TeamStaffing staffing = TeamStaffing.of(id, workers, posts, today);
            Map<Rule, Long> byRule = new EnumMap<>(Rule.class);
            alerts.forEach(a -> byRule.merge(a.rule(), a.alerts(), Long::sum));
            Severity worst = alerts.stream().map(OpenAlerts::severity).max(Comparator.naturalOrder()).orElse(null);
            List<Waiting> cp = waiting.stream().filter(w -> w.category().isHighRisk()).toList();
            return new Pictures.TeamSummary(id, team == null ? null : team.name,
                    team == null ? null : team.serviceArea, workers.size(),
                    (int) workers.stream().filter(w -> absentIds.contains(w.id)).count(),
                    (int) caseloads.stream().filter(CaseloadView::overLimit).count(),
                    (int) caseloads.stream().filter(CaseloadView::cpMixOverLimit).count(),
                    count(waiting), count(cp), longest(waiting), longest(cp),
                    staffing.vacancyRate().orElse(null), staffing.agencyRate().orElse(null),
                    byRule, worst, distribution(caseloads),
                    AverageCaseload.of(holders(workers, caseloads)).orElse(null));
        }

        /** Each current worker with their FTE and role as staffing published them, and the cases they hold. */
        private static List<AverageCaseload.Holder> holders(List<WorkerView> workers, List<CaseloadView> caseloads) {
            Map<UUID, Integer> held = caseloads.stream().collect(Collectors.toMap(c -> c.workerId, c -> c.openCases));
            return workers.stream().filter(w -> w.role != null && w.fte != null)
                    .map(w -> AverageCaseload.Holder.of(w.role, w.fte, held.getOrDefault(w.id, 0))).toList();
        }

        /** Workers by the number of cases they hold, from none to the most anyone holds. */
        private static Pictures.Distribution distribution(List<CaseloadView> caseloads) {
            int most = caseloads.stream().mapToInt(c -> c.openCases).max().orElse(0);
            int limit = caseloads.stream().mapToInt(c -> c.limit).max().orElse(0);
            Map<Integer, List<CaseloadView>> byCases = new TreeMap<>(caseloads.stream()
                    .collect(Collectors.groupingBy(c -> c.openCases)));
            List<Pictures.Bar> bars = IntStream.rangeClosed(0, most).mapToObj(cases -> {
                List<CaseloadView> holding = byCases.getOrDefault(cases, List.of());
                int over = (int) holding.stream().filter(CaseloadView::overLimit).count();
                return new Pictures.Bar(cases, holding.size() - over, over);
            }).toList();
            return new Pictures.Distribution(limit, bars);
        }

        private static List<WorkerView> current(List<WorkerView> workers, LocalDate today) {
            return workers == null ? List.of()
                    : workers.stream().filter(w -> w.leftOn == null || !w.leftOn.isBefore(today)).toList();
        }

        private static int count(List<Waiting> waiting) {
            return (int) waiting.stream().mapToLong(Waiting::cases).sum();
        }

        private static Instant longest(List<Waiting> waiting) {
            return waiting.stream().map(Waiting::since).filter(Objects::nonNull).min(Comparator.naturalOrder())
                    .orElse(null);
        }

        private static <T> Map<UUID, List<T>> groupBy(Stream<T> items, Function<T, UUID> team) {
            return items.filter(item -> team.apply(item) != null).collect(Collectors.groupingBy(team));
        }
    }
}
