package uk.workforcewatch.caseload.cases;

import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Which cases to list: any of team, worker, status and category; the query names only what is given. */
public record CaseFilter(UUID teamId, UUID workerId, CaseStatus status, CaseCategory category) {

    String query() {
        List<String> terms = new ArrayList<>();
        int next = 1;
        if (teamId != null) {
            terms.add("teamId = ?" + next++);
        }
        if (workerId != null) {
            terms.add("workerId = ?" + next++);
        }
        if (status != null) {
            terms.add("status = ?" + next++);
        }
        if (category != null) {
            terms.add("category = ?" + next);
        }
        return terms.isEmpty() ? "1 = 1" : String.join(" and ", terms);
    }

    Object[] parameters() {
        List<Object> values = new ArrayList<>();
        for (Object value : new Object[] {teamId, workerId, status, category}) {
            if (value != null) {
                values.add(value);
            }
        }
        return values.toArray();
    }
}
