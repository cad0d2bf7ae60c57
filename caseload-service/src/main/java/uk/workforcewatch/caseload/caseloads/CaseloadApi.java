package uk.workforcewatch.caseload.caseloads;

import uk.workforcewatch.caseload.limits.Breach;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.WorkerCaseload;

import java.time.Instant;
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

    /** A case of the team waiting for a worker, and how long it has waited. */
    public record WaitingCase(UUID caseId, String reference, CaseCategory category, Instant unallocatedSince,
                              long hoursWaiting) {
    }

    /** Every current worker of the team with their caseload and limits, and the team's unallocated cases. */
    public record TeamCaseloads(UUID teamId, List<WorkerCaseload> workers, List<WaitingCase> unallocated) {
    }
}
