package uk.workforcewatch.gateway.monitoring;

import com.fasterxml.jackson.annotation.JsonRawValue;
import uk.workforcewatch.census.AverageCaseload;
import uk.workforcewatch.events.alerts.AlertState;
import uk.workforcewatch.events.alerts.Rule;
import uk.workforcewatch.events.alerts.Severity;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** A worker's and a team's current picture, as the gateway's view holds it. */
public final class Pictures {

    private Pictures() {
    }

    /** {@code byCategory} is kept as the JSON object it arrived as, and goes out as one. */
    public record Caseload(int openCases, int cpCases, int limit, int cpLimit, BigDecimal weightedLoad,
                           BigDecimal weightedLimit, @JsonRawValue String byCategory) {
    }

    /**
     * Staffing's facts (empty until staffing's event arrives), the caseload, whether the worker is absent
     * and since when (never why), and the worker's open alerts.
     */
    public record Worker(UUID id, String name, Role role, UUID teamId, BigDecimal fte, Employment employment,
                         LocalDate startDate, LocalDate leftOn, Caseload caseload, boolean absent,
                         LocalDate absentSince, List<AlertState> alerts) {
    }

    public record WaitingCase(UUID caseId, String reference, CaseCategory category, Instant unallocatedSince) {
    }

    /**
     * The team's workers with their caseloads, its cases waiting for a worker (CP first), its open alerts, its
     * staffing by the census definitions, and who is absent now.
     */
    public record Team(UUID id, String name, List<Worker> workers, List<WaitingCase> unallocated,
                       List<AlertState> alerts, Staffing staffing, List<AbsentWorker> absent,
                       AverageCaseload.Figure averageCaseload) {
    }

    /**
     * The census's average caseload today over these workers (empty when none holds a case): a worker staffing has
     * not told of yet counts on neither side.
     */
    static AverageCaseload.Figure averageCaseload(Stream<Worker> workers) {
        return AverageCaseload.of(workers.filter(w -> w.role() != null && w.fte() != null && w.caseload() != null)
                .map(w -> AverageCaseload.Holder.of(w.role(), w.fte(), w.caseload().openCases())).toList())
                .orElse(null);
    }

    /**
     * The team's vacancies and agency cover today, by the census definitions (qualified social workers and their
     * posts only; see README): its posts, which of them no permanent worker fills, its permanent and agency
     * workers' FTE, and the rates. A rate is empty when its denominator is nought.
     */
    public record Staffing(LocalDate asOf, List<Post> posts, BigDecimal postsFte, int vacantPosts, BigDecimal vacantFte,
                           int permanentWorkers, BigDecimal permanentFte, List<AgencyWorker> agencyWorkers,
                           BigDecimal agencyFte, BigDecimal agencyFteCoveringVacancies, BigDecimal vacancyRate,
                           BigDecimal agencyRate, BigDecimal agencyCoverOfVacancies) {
    }

    /** A post counted by the census: who holds it permanently, else vacant, and any agency worker in it. */
    public record Post(UUID id, Role role, BigDecimal fte, boolean vacant, UUID heldBy, List<UUID> coveredBy) {
    }

    /** An agency worker counted by the census; {@code coversVacancy} when their post is a vacant one. */
    public record AgencyWorker(UUID id, String name, BigDecimal fte, UUID postId, boolean coversVacancy) {
    }

    /** A worker of the team absent now, since the first day of the episode (never why). */
    public record AbsentWorker(UUID workerId, String name, LocalDate since) {
    }

    /** Every team the caller may see, at a glance, by name, and their average caseload together. */
    public record Council(LocalDate asOf, List<TeamSummary> teams, AverageCaseload.Figure averageCaseload) {
    }

    /**
     * A team at a glance: its current workers and how many are absent now; how many hold more cases than their
     * limit, or more CP cases than their CP limit; its cases waiting for a worker (CP and court ones apart), with
     * the longest wait; its vacancy and agency rates by the census definitions; its open alerts by rule and the
     * worst of their severities (empty when none); how its caseloads are spread; and its average caseload.
     */
    public record TeamSummary(UUID id, String name, String serviceArea, int workers, int absent, int overLimit,
                              int cpMixOverLimit, int unallocated, int unallocatedHighRisk,
                              Instant unallocatedSince, Instant highRiskUnallocatedSince, BigDecimal vacancyRate,
                              BigDecimal agencyRate, Map<Rule, Long> openAlerts, Severity worstSeverity,
                              Distribution caseloads, AverageCaseload.Figure averageCaseload) {
    }

    /** Workers by the number of cases they hold, a bar for every number from none up; the highest limit. */
    public record Distribution(int limit, List<Bar> bars) {
    }

    /** The workers holding this many cases: within their own limit, and over it. */
    public record Bar(int cases, int withinLimit, int overLimit) {
    }
}
