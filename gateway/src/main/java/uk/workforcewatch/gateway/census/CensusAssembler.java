package uk.workforcewatch.gateway.census;

import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.census.AverageCaseload;
import uk.workforcewatch.census.Employments;
import uk.workforcewatch.census.Indicators;
import uk.workforcewatch.census.WorkforceCensus;
import uk.workforcewatch.events.caseload.CaseAllocation;
import uk.workforcewatch.events.staffing.CareerStage;
import uk.workforcewatch.events.staffing.CensusRole;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.events.staffing.WorkerState;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds the return for a reference date from the view's facts, by the census's rules: one record for each child
 * and family social worker in post at any time in the collection year (1 October to the reference date) or an
 * agency worker on the reference date; support workers are not in it. The council's figures are those of
 * {@link WorkforceCensus}, the calculation behind staffing-service's indicators. Pure.
 */
public final class CensusAssembler {

    /** Every episode the view holds is sickness absence: the department's code for it. */
    static final String SICKNESS = "SIC";

    private final LocalDate referenceDate;
    private final LocalDate yearStart;
    private final WorkingDays workingDays;

    public CensusAssembler(LocalDate referenceDate, WorkingDays workingDays) {
        this.referenceDate = referenceDate;
        this.yearStart = collectionYearStart(referenceDate);
        this.workingDays = workingDays;
    }

    /** The collection year ends on the reference date and starts the day after the same date a year before. */
    public static LocalDate collectionYearStart(LocalDate referenceDate) {
        return referenceDate.minusYears(1).plusDays(1);
    }

    /**
     * The return, the council's census figures on the date, its average caseload (empty when nobody held a case),
     * and the published workers it was built from.
     */
    public record Census(CensusReturn census, Indicators figures, AverageCaseload.Figure averageCaseload,
                         List<WorkerState> workers) {
    }

    public Census assemble(CensusFacts facts, String laCode, String softwareCode, Instant producedAt) {
        Indicators figures = new WorkforceCensus(referenceDate, Optional.empty(), facts.workers(), facts.posts())
                .indicators();
        List<CensusReturn.WorkerRecord> records = facts.workers().stream()
                .filter(this::counted)
                .sorted(Comparator.comparing(WorkerState::startDate).thenComparing(WorkerState::id))
                .map(worker -> record(worker, facts))
                .toList();
        CensusReturn census = new CensusReturn(
                new CensusReturn.Header(referenceDate.getYear(), referenceDate, laCode, softwareCode, producedAt),
                new CensusReturn.Vacancies(figures.vacantFte(), figures.agencyFte(), figures.agencyHeadcount()),
                records);
        return new Census(census, figures, averageCaseload(records), facts.workers());
    }

    /** Cases held at the reference date over the FTE then of the social workers holding any: every record is one's. */
    private static AverageCaseload.Figure averageCaseload(List<CensusReturn.WorkerRecord> records) {
        return AverageCaseload.of(records.stream().filter(record -> record.casesAtReferenceDate() != null)
                .map(record -> new AverageCaseload.Holder(true, record.fteAtReferenceDate(),
                        record.casesAtReferenceDate()))
                .toList()).orElse(null);
    }

    /** In post (permanent) on some day of the year, or an agency worker on the date; a social worker then. */
    private boolean counted(WorkerState worker) {
        boolean inYear = !worker.startDate().isAfter(referenceDate)
                && (worker.leftOn() == null || !worker.leftOn().isBefore(yearStart));
        boolean included = worker.employment() == Employment.PERMANENT ? inYear
                : Employments.employedOn(worker, referenceDate);
        return included && Employments.periodOrFirst(worker, lastDay(worker)).role().isQualifiedSocialWorker();
    }

    /** The day the worker's record speaks of: the reference date, or their last day if they left before it. */
    private LocalDate lastDay(WorkerState worker) {
        return worker.leftOn() != null && worker.leftOn().isBefore(referenceDate) ? worker.leftOn() : referenceDate;
    }

    private CensusReturn.WorkerRecord record(WorkerState worker, CensusFacts facts) {
        LocalDate day = lastDay(worker);
        WorkerPeriod period = Employments.periodOrFirst(worker, day);
        boolean atReferenceDate = Employments.employedOn(worker, referenceDate);
        boolean leftInYear = worker.leftOn() != null && !worker.leftOn().isAfter(referenceDate);
        List<CaseAllocation> allocations = facts.allocations().getOrDefault(worker.id(), List.of());
        int cases = casesHeldOn(allocations, day);
        List<CensusFacts.Spell> spells = facts.absences().getOrDefault(worker.id(), List.of());
        boolean absent = atReferenceDate && spells.stream().anyMatch(spell -> spell.covers(referenceDate));
        return new CensusReturn.WorkerRecord(worker.id(), worker.employment() == Employment.AGENCY,
                worker.registrationNumber(), period.fte(),
                worker.qualification() == null ? null : worker.qualification().institution(),
                worker.qualification() == null || worker.qualification().level() == null ? null
                        : worker.qualification().level().code(),
                organisationRole(worker, period.role(), cases).code(),
                worker.startDate(),
                worker.origin() == null ? null : worker.origin().code(),
                leftInYear ? worker.leftOn() : null,
                leftInYear && worker.leavingDestination() != null ? worker.leavingDestination().code() : null,
                leftInYear && worker.leavingReason() != null ? worker.leavingReason().code() : null,
                atReferenceDate ? period.fte() : null,
                atReferenceDate ? cases : null,
                daysLost(worker, spells),
                atReferenceDate ? absent : null,
                absent ? SICKNESS : null,
                careerStage(worker, period.role()));
    }

    /**
     * The census role: as staffing records it where it differs from what the role says; otherwise a team manager
     * is a first-line manager, a senior practitioner is one, and anyone else holds cases or is qualified without.
     */
    static CensusRole organisationRole(WorkerState worker, Role role, int cases) {
        if (worker.censusRole() != null) {
            return worker.censusRole();
        }
        return switch (role) {
            case TEAM_MANAGER -> CensusRole.FIRST_LINE_MANAGER;
            case SENIOR_PRACTITIONER -> CensusRole.SENIOR_PRACTITIONER;
            default -> cases > 0 ? CensusRole.CASE_HOLDER : CensusRole.QUALIFIED_WITHOUT_CASES;
        };
    }

    /** An ASYE worker is in the assessed year whatever else is recorded. */
    private static Integer careerStage(WorkerState worker, Role role) {
        if (role == Role.ASYE) {
            return CareerStage.ASYE.code();
        }
        return worker.careerStage() == null ? null : worker.careerStage().code();
    }

    /** Cases the worker held at the end of the day, by the dates the changes took effect. */
    private static int casesHeldOn(List<CaseAllocation> allocations, LocalDate day) {
        return (int) allocations.stream().filter(allocation -> allocation.heldOn(day)).count();
    }

    /** Working days of sickness in the year while employed, each times the worker's FTE that day. */
    private BigDecimal daysLost(WorkerState worker, List<CensusFacts.Spell> spells) {
        LocalDate from = worker.startDate().isAfter(yearStart) ? worker.startDate() : yearStart;
        LocalDate to = lastDay(worker);
        BigDecimal lost = BigDecimal.ZERO;
        for (CensusFacts.Spell spell : spells) {
            LocalDate first = spell.startDate().isAfter(from) ? spell.startDate() : from;
            LocalDate last = spell.endDate() == null || spell.endDate().isAfter(to) ? to : spell.endDate();
            if (!first.isAfter(last)) {
                lost = workingDays.inclusive(first, last).map(day -> WorkforceCensus.fte(worker, day))
                        .reduce(lost, BigDecimal::add);
            }
        }
        return lost;
    }
}
