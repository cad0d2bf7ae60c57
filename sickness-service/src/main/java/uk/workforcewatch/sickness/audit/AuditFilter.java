package uk.workforcewatch.sickness.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Which reads to list: of one worker's record, and made from {@code from} until before {@code until}. */
record AuditFilter(UUID workerId, Instant from, Instant until) {

    String query() {
        List<String> terms = new ArrayList<>();
        int next = 1;
        if (workerId != null) {
            terms.add("workerId = ?" + next++);
        }
        if (from != null) {
            terms.add("readAt >= ?" + next++);
        }
        if (until != null) {
            terms.add("readAt < ?" + next);
        }
        return terms.isEmpty() ? "1 = 1" : String.join(" and ", terms);
    }

    Object[] parameters() {
        List<Object> values = new ArrayList<>();
        for (Object value : new Object[] {workerId, from, until}) {
            if (value != null) {
                values.add(value);
            }
        }
        return values.toArray();
    }
}
