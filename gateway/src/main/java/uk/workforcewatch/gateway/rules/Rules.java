package uk.workforcewatch.gateway.rules;

import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.calendar.BradfordFactor;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.events.alerts.Rule;
import uk.workforcewatch.events.alerts.Severity;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.gateway.view.AbsenceEpisodeView;
import uk.workforcewatch.gateway.view.CaseView;
import uk.workforcewatch.gateway.view.CaseloadView;
import uk.workforcewatch.gateway.view.PostView;
import uk.workforcewatch.gateway.view.WorkerAbsenceView;
import uk.workforcewatch.gateway.view.WorkerView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The breach rules: each looks at one subject (a worker's caseload and absence, a case, a team's staffing,
 * an absence episode) as it stands and says which rules hold, with their figures. Pure, apart from the clock.
 * The absence rules judge by sickness-service's thresholds, as its events carried them: none yet, nothing judged.
 */
@ApplicationScoped
public class Rules {

    public static final Set<Rule> WORKER_RULES = EnumSet.of(Rule.CASELOAD_OVER_LIMIT, Rule.CP_MIX_OVER_LIMIT,
            Rule.WEIGHTED_LOAD_OVER_LIMIT, Rule.CASES_HELD_BY_ABSENT_WORKER, Rule.LONG_TERM_ABSENCE,
            Rule.BRADFORD_TRIGGER);
    public static final Set<Rule> EPISODE_RULES = EnumSet.of(Rule.RETURN_TO_WORK_OVERDUE);
    public static final Set<Rule> CASE_RULES = EnumSet.of(Rule.CASE_UNALLOCATED);
    public static final Set<Rule> TEAM_RULES = EnumSet.of(Rule.TEAM_VACANCY_RATE_HIGH, Rule.TEAM_AGENCY_RATE_HIGH,
            Rule.TEAM_SICKNESS_RATE_HIGH);

    private final RulesConfig config;
    private final WorkingDays workingDays;
    private final Clock clock;

    Rules(RulesConfig config, WorkingDays workingDays, Clock clock) {
        this.config = config;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /**
     * Every rule of a worker: their caseload's limits, cases held while absent, a long-term absence, their
     * Bradford factor. Any of the three views may be missing (a worker never absent has no absence row), and the
     * thresholds too (no absence event has brought them yet).
     */
    public List<Breach> ofWorker(UUID workerId, CaseloadView caseload, WorkerAbsenceView absence,
                                 List<AbsenceEpisodeView> episodes, AbsenceThresholds thresholds) {
        List<Breach> breaches = new ArrayList<>(caseload == null ? List.of() : ofCaseload(caseload));
        ofAbsentWorker(absence, caseload).ifPresent(breaches::add);
        if (thresholds != null) {
            ofLongTermAbsence(workerId, absence, episodes, thresholds).ifPresent(breaches::add);
            ofBradfordFactor(workerId, absence, episodes, thresholds).ifPresent(breaches::add);
        }
        return breaches;
    }

    /**
     * The worker's Bradford factor over the 52 weeks to today is at or above the trigger. The alert holds while
     * it stays there, so a later absence changes its figures, never fires it again; it resolves when spells
     * leave the window. Team: the worker's now, else that of their latest episode.
     */
    Optional<Breach> ofBradfordFactor(UUID workerId, WorkerAbsenceView absence, List<AbsenceEpisodeView> episodes,
                                      AbsenceThresholds thresholds) {
        BradfordFactor factor = new BradfordFactor(workingDays, LocalDate.now(clock));
        episodes.forEach(e -> factor.add(e.startDate, e.endDate));
        int trigger = thresholds.bradfordTrigger();
        if (factor.spells() == 0 || factor.score() < trigger) {
            return Optional.empty();
        }
        UUID team = absence != null && absence.teamId != null ? absence.teamId
                : episodes.stream().max(Comparator.comparing(e -> e.startDate)).map(e -> e.teamId).orElse(null);
        return Optional.of(new Breach(Rule.BRADFORD_TRIGGER, Breach.WORKER, workerId, team, Severity.MEDIUM,
                "Bradford factor " + factor.score() + " (" + factor.spells() + " spells, " + factor.daysAbsent()
                        + " working days in 52 weeks), trigger " + trigger,
                figures("score", factor.score(), "spells", factor.spells(), "daysAbsent", factor.daysAbsent(),
                        "trigger", trigger)));
    }

    /**
     * A worker absent for at least the threshold of working days, counted from their first day absent to
     * today (both included), who still holds open cases: HIGH when any of them is CP, else MEDIUM.
     */
    public Optional<Breach> ofAbsentWorker(WorkerAbsenceView absence, CaseloadView caseload) {
        if (absence == null || !absence.absent || absence.since == null || caseload == null
                || caseload.openCases <= 0) {
            return Optional.empty();
        }
        int days = workingDays.countInclusive(absence.since, LocalDate.now(clock));
        if (days < config.absentWorkerAfterWorkingDays()) {
            return Optional.empty();
        }
        return Optional.of(worker(caseload, Rule.CASES_HELD_BY_ABSENT_WORKER,
                caseload.cpCases > 0 ? Severity.HIGH : Severity.MEDIUM,
                "absent " + days + " working days since " + absence.since + ", still holding " + caseload.openCases
                        + " open cases, " + caseload.cpCases + " of them CP",
                figures("workingDaysAbsent", days, "since", absence.since.toString(),
                        "openCases", caseload.openCases, "cpCases", caseload.cpCases)));
    }

    /**
     * The worker's episode that covers today has lasted the threshold of calendar days or more, counted from
     * its first day to today. The alert is the team's the worker is in now, else the episode's.
     */
    Optional<Breach> ofLongTermAbsence(UUID workerId, WorkerAbsenceView absence, List<AbsenceEpisodeView> episodes,
                                       AbsenceThresholds thresholds) {
        LocalDate today = LocalDate.now(clock);
        Optional<AbsenceEpisodeView> current = episodes.stream().filter(e -> e.coversDay(today))
                .min(Comparator.comparing(e -> e.startDate));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        AbsenceEpisodeView episode = current.get();
        int days = Math.toIntExact(ChronoUnit.DAYS.between(episode.startDate, today) + 1);
        if (days < thresholds.longTermAfterDays()) {
            return Optional.empty();
        }
        boolean fitNote = episode.certification == Certification.FIT_NOTE;
        UUID team = absence != null && absence.teamId != null ? absence.teamId : episode.teamId;
        return Optional.of(new Breach(Rule.LONG_TERM_ABSENCE, Breach.WORKER, workerId, team, Severity.MEDIUM,
                "absent " + days + " calendar days since " + episode.startDate
                        + (fitNote ? ", covered by a fit note" : ", no fit note"),
                figures("since", episode.startDate.toString(), "calendarDays", days, "fitNote", fitNote)));
    }

    /**
     * An ended episode with no return-to-work interview recorded more than the working days it is due within
     * after the return day, the day after the last day absent; only while the return day lies inside the
     * obligation look-back window: an interview owed years ago is history, not today's alarm.
     */
    public Optional<Breach> ofEpisode(AbsenceEpisodeView episode, AbsenceThresholds thresholds) {
        if (thresholds == null || episode.endDate == null || episode.returnInterviewOn != null) {
            return Optional.empty();
        }
        LocalDate returnDay = episode.endDate.plusDays(1);
        if (returnDay.isBefore(obligationWindowStart())) {
            return Optional.empty();
        }
        int days = workingDays.countAfter(returnDay, LocalDate.now(clock));
        int dueWithin = thresholds.returnInterviewDueWithinWorkingDays();
        if (days <= dueWithin) {
            return Optional.empty();
        }
        return Optional.of(new Breach(Rule.RETURN_TO_WORK_OVERDUE, Breach.EPISODE, episode.id, episode.teamId,
                Severity.MEDIUM, "back on " + returnDay + ", no return-to-work interview " + days
                        + " working days later",
                figures("workerId", episode.workerId.toString(), "returnDay", returnDay.toString(),
                        "workingDaysSinceReturn", days,
                        "thresholdWorkingDays", dueWithin)));
    }

    public List<Breach> ofCaseload(CaseloadView caseload) {
        List<Breach> breaches = new ArrayList<>();
        if (caseload.overLimit()) {
            breaches.add(worker(caseload, Rule.CASELOAD_OVER_LIMIT, Severity.HIGH,
                    caseload.openCases + " cases held, limit " + caseload.limit,
                    figures("openCases", caseload.openCases, "limit", caseload.limit)));
        }
        if (caseload.cpMixOverLimit()) {
            breaches.add(worker(caseload, Rule.CP_MIX_OVER_LIMIT, Severity.HIGH,
                    caseload.cpCases + " CP cases held, CP limit " + caseload.cpLimit,
                    figures("cpCases", caseload.cpCases, "cpLimit", caseload.cpLimit, "openCases", caseload.openCases)));
        }
        if (caseload.weightsConfigured && caseload.weightedLoad.compareTo(caseload.weightedLimit) > 0) {
            breaches.add(worker(caseload, Rule.WEIGHTED_LOAD_OVER_LIMIT, Severity.MEDIUM,
                    "weighted load " + caseload.weightedLoad + ", limit " + caseload.weightedLimit,
                    figures("weightedLoad", caseload.weightedLoad, "weightedLimit", caseload.weightedLimit)));
        }
        return breaches;
    }

    /** A CP case waiting longer than the CP threshold; any other waiting more working days than its threshold. */
    public Optional<Breach> ofCase(CaseView kase) {
        if (!kase.waiting()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long hours = Duration.between(kase.unallocatedSince, now).toHours();
        boolean cp = kase.category == CaseCategory.CP;
        boolean breached;
        Map<String, Object> figures;
        if (cp) {
            breached = Duration.between(kase.unallocatedSince, now).compareTo(config.cpUnallocatedAfter()) > 0;
            figures = figures("hoursWaiting", hours, "thresholdHours", config.cpUnallocatedAfter().toHours());
        } else {
            // a case waiting since before the calendar's years has waited at least the known years' days
            int days = workingDays.countAfterAtLeast(LocalDate.ofInstant(kase.unallocatedSince, clock.getZone()),
                    LocalDate.now(clock));
            breached = days > config.otherUnallocatedAfterWorkingDays();
            figures = figures("workingDaysWaiting", days, "thresholdWorkingDays",
                    config.otherUnallocatedAfterWorkingDays());
        }
        if (!breached) {
            return Optional.empty();
        }
        figures.put("category", kase.category.name());
        figures.put("reference", kase.reference);
        return Optional.of(new Breach(Rule.CASE_UNALLOCATED, Breach.CASE, kase.id, kase.teamId,
                cp ? Severity.CRITICAL : Severity.MEDIUM,
                kase.category + " case " + kase.reference + " unallocated for " + hours + " hours", figures));
    }

    /**
     * The team's vacancy and agency worker rates today, by the census definitions ({@link TeamStaffing}:
     * qualified social workers only; vacant FTE is the FTE of the team's posts that no permanent worker fills). And the share of
     * its working time the team lost to sickness over the window (see {@link #sicknessRate}).
     */
    public List<Breach> ofTeam(UUID teamId, List<WorkerView> workers, List<PostView> posts,
                               List<AbsenceEpisodeView> episodes) {
        TeamStaffing staffing = TeamStaffing.of(teamId, workers, posts, LocalDate.now(clock));
        BigDecimal permanent = staffing.permanentFte();
        BigDecimal agency = staffing.agencyFte();
        BigDecimal vacant = staffing.vacantFte();
        List<Breach> breaches = new ArrayList<>();
        staffing.vacancyRate().filter(rate -> rate.compareTo(config.teamVacancyRateThreshold()) > 0)
                .ifPresent(rate -> breaches.add(team(teamId, Rule.TEAM_VACANCY_RATE_HIGH,
                        "vacancy rate " + percent(rate) + ", threshold " + percent(config.teamVacancyRateThreshold()),
                        figures("vacancyRate", rate, "vacantFte", vacant, "fteInPost", permanent,
                                "threshold", config.teamVacancyRateThreshold()))));
        staffing.agencyRate().filter(rate -> rate.compareTo(config.teamAgencyRateThreshold()) > 0)
                .ifPresent(rate -> breaches.add(team(teamId, Rule.TEAM_AGENCY_RATE_HIGH,
                        "agency worker rate " + percent(rate) + ", threshold "
                                + percent(config.teamAgencyRateThreshold()),
                        figures("agencyWorkerRate", rate, "agencyFte", agency, "fteInPost", permanent,
                                "threshold", config.teamAgencyRateThreshold()))));
        sicknessRate(teamId, workers, episodes).ifPresent(breaches::add);
        return breaches;
    }

    /**
     * When a case's rule could next judge differently with nothing recorded: a waiting CP case the moment it
     * crosses its threshold, then on each hour it goes on waiting (its figures count hours); any other waiting case
     * the next day (they count working days). A case not waiting: never.
     */
    public Optional<Instant> nextLookAt(CaseView kase) {
        if (!kase.waiting()) {
            return Optional.empty();
        }
        if (kase.category != CaseCategory.CP) {
            return Optional.of(nextDay());
        }
        Instant crossing = kase.unallocatedSince.plus(config.cpUnallocatedAfter());
        Instant now = clock.instant();
        if (!now.isAfter(crossing)) {
            return Optional.of(crossing.plusSeconds(1));
        }
        long hours = Duration.between(kase.unallocatedSince, now).toHours();
        return Optional.of(kase.unallocatedSince.plus(Duration.ofHours(hours + 1)));
    }

    /**
     * A worker absent, or with an episode not over or inside the Bradford factor's window, is judged differently
     * as days pass (days absent, spells leaving the window): the next day. Any other worker: only when something
     * is recorded.
     */
    public Optional<Instant> nextLookAtWorker(WorkerAbsenceView absence, List<AbsenceEpisodeView> episodes) {
        LocalDate windowStart = BradfordFactor.windowStart(LocalDate.now(clock));
        boolean dated = absence != null && absence.absent
                || episodes.stream().anyMatch(e -> e.endDate == null || !e.endDate.isBefore(windowStart));
        return dated ? Optional.of(nextDay()) : Optional.empty();
    }

    /** An ended episode with no interview recorded counts working days since the return while it is judged. */
    public Optional<Instant> nextLookAt(AbsenceEpisodeView episode) {
        boolean judged = episode.endDate != null && episode.returnInterviewOn == null
                && !episode.endDate.plusDays(1).isBefore(obligationWindowStart());
        return judged ? Optional.of(nextDay()) : Optional.empty();
    }

    /** A team's rates are today's (who is in post, whose cover runs, the sickness window): the next day. */
    public Optional<Instant> nextLookAtTeam() {
        return Optional.of(nextDay());
    }

    /** The first moment of tomorrow in the council's time zone. */
    private Instant nextDay() {
        return LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    /** The earliest return day whose obligations (the return-to-work interview) are still judged. */
    public LocalDate obligationWindowStart() {
        return LocalDate.now(clock).minusDays(config.obligationLookBackDays());
    }

    /** The first day of the team sickness rate's window ending today. */
    public LocalDate sicknessWindowStart() {
        return LocalDate.now(clock).minusDays(config.teamSicknessWindowDays() - 1L);
    }

    /**
     * FTE working days lost ÷ FTE working days available over the window of days ending today, for the team's
     * workers now (every role) and their episodes, each day counted while the worker was employed. FTE is the
     * worker's now: the gateway does not keep its history.
     */
    Optional<Breach> sicknessRate(UUID teamId, List<WorkerView> workers, List<AbsenceEpisodeView> episodes) {
        LocalDate today = LocalDate.now(clock);
        LocalDate first = sicknessWindowStart();
        Map<UUID, List<AbsenceEpisodeView>> byWorker = episodes.stream()
                .collect(Collectors.groupingBy(e -> e.workerId));
        BigDecimal available = BigDecimal.ZERO;
        BigDecimal lost = BigDecimal.ZERO;
        for (WorkerView worker : workers) {
            if (!worker.teamId.equals(teamId)) {
                continue;
            }
            LocalDate from = latest(first, worker.startDate);
            LocalDate to = worker.leftOn == null || worker.leftOn.isAfter(today) ? today : worker.leftOn;
            if (from.isAfter(to)) {
                continue;
            }
            available = available.add(worker.fte.multiply(BigDecimal.valueOf(workingDays.countInclusive(from, to))));
            for (AbsenceEpisodeView episode : byWorker.getOrDefault(worker.id, List.of())) {
                LocalDate absentFrom = latest(from, episode.startDate);
                LocalDate absentTo = episode.endDate == null || episode.endDate.isAfter(to) ? to : episode.endDate;
                if (!absentFrom.isAfter(absentTo)) {
                    lost = lost.add(worker.fte.multiply(
                            BigDecimal.valueOf(workingDays.countInclusive(absentFrom, absentTo))));
                }
            }
        }
        BigDecimal daysLost = lost;
        BigDecimal daysAvailable = available;
        return TeamStaffing.rate(lost, available).filter(rate -> rate.compareTo(config.teamSicknessRateThreshold()) > 0)
                .map(rate -> new Breach(Rule.TEAM_SICKNESS_RATE_HIGH, Breach.TEAM, teamId, teamId, Severity.MEDIUM,
                        percent(rate) + " of working time lost to sickness in the last "
                                + config.teamSicknessWindowDays() + " days, threshold "
                                + percent(config.teamSicknessRateThreshold()),
                        figures("sicknessRate", rate, "fteDaysLost", daysLost.setScale(2, RoundingMode.HALF_UP),
                                "fteDaysAvailable", daysAvailable.setScale(2, RoundingMode.HALF_UP), "from", first.toString(),
                                "threshold", config.teamSicknessRateThreshold())));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }


    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static Breach worker(CaseloadView caseload, Rule rule, Severity severity, String summary,
                                 Map<String, Object> figures) {
        return new Breach(rule, Breach.WORKER, caseload.workerId, caseload.teamId, severity, summary, figures);
    }

    private static Breach team(UUID teamId, Rule rule, String summary, Map<String, Object> figures) {
        return new Breach(rule, Breach.TEAM, teamId, teamId, Severity.HIGH, summary, figures);
    }

    private static Map<String, Object> figures(Object... pairs) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            figures.put((String) pairs[i], pairs[i + 1]);
        }
        return figures;
    }
}
