package uk.workforcewatch.caseload.caseloads;

import uk.workforcewatch.caseload.limits.Breach;
import uk.workforcewatch.census.AverageCaseload;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.WorkerCaseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Caseload figures on the wire. */
public final class CaseloadApi {

    private CaseloadApi() {
    }

    /** The answer of a dry run: would one more case of the category break a limit, and which. */
    public record AllocationCheck(UUID workerId, CaseCategory category, boolean allowed, List<Breach> breaches,
                                  WorkerCaseload caseload) {
    }

    /** A case of the team waiting for a worker, and how long it had waited by the end of the day asked about (or now). */
    public record WaitingCase(UUID caseId, String reference, CaseCategory category, Instant unallocatedSince,
                              long hoursWaiting) {
    }

    /**
     * The team's workers on the date with their caseload and limits as they stood then, its unallocated cases, and
     * its average caseload (empty when nobody held a case).
     */
    public record TeamCaseloads(UUID teamId, LocalDate asOf, List<WorkerCaseload> workers,
                                List<WaitingCase> unallocated, AverageCaseload.Figure averageCaseload) {
    }

    /** One team's figures in the council's picture on a date. */
    public record TeamSummary(UUID teamId, String teamName, int workers, int unallocated,
                              AverageCaseload.Figure averageCaseload) {
    }

    /** Every team's caseload figures on the date, and the council's. */
    public record CouncilCaseloads(LocalDate asOf, List<TeamSummary> teams, int workers, int unallocated,
                                   AverageCaseload.Figure averageCaseload) {
    }
}
