package uk.workforcewatch.sickness.absence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which episodes to list: by team, worker, open or ended, and those that overlap the days {@code from} to
 * {@code to} (either may be left open). The query names only what is given.
 */
public record AbsenceFilter(UUID teamId, UUID workerId, LocalDate from, LocalDate to, Boolean open) {

    String query() {
        List<String> terms = new ArrayList<>();
        int next = 1;
        if (teamId != null) {
            terms.add("teamId = ?" + next++);
        }
        if (workerId != null) {
            terms.add("workerId = ?" + next++);
        }
        if (from != null) {
            terms.add("(endDate is null or endDate >= ?" + next++ + ")");
        }
        if (to != null) {
            terms.add("startDate <= ?" + next++);
        }
        if (open != null) {
            terms.add(open ? "endDate is null" : "endDate is not null");
        }
        return terms.isEmpty() ? "1 = 1" : String.join(" and ", terms);
    }

    Object[] parameters() {
        List<Object> values = new ArrayList<>();
        for (Object value : new Object[] {teamId, workerId, from, to}) {
            if (value != null) {
                values.add(value);
            }
        }
        return values.toArray();
    }
}
