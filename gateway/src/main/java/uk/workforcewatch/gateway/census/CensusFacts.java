package uk.workforcewatch.gateway.census;

import uk.workforcewatch.events.caseload.CaseAllocation;
import uk.workforcewatch.events.staffing.PostState;
import uk.workforcewatch.events.staffing.WorkerState;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the gateway's view holds that the return needs: staffing's workers and posts as last published, each
 * worker's allocations of cases (from caseload's case snapshots) and sickness absence episodes.
 */
public record CensusFacts(List<WorkerState> workers, List<PostState> posts,
                          Map<UUID, List<CaseAllocation>> allocations, Map<UUID, List<Spell>> absences) {

    /** An absence episode: first and last day (empty while it lasts); every episode here is sickness. */
    public record Spell(LocalDate startDate, LocalDate endDate) {

        public boolean covers(LocalDate day) {
            return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
        }
    }
}
