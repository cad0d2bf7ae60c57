package uk.workforcewatch.caseload.limits;

import uk.workforcewatch.events.caseload.CaseCategory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The open cases a worker holds, counted by category. */
public record Caseload(Map<CaseCategory, Integer> byCategory) {

    public static final Caseload EMPTY = new Caseload(Map.of());

    public Caseload {
        EnumMap<CaseCategory, Integer> counts = new EnumMap<>(CaseCategory.class);
        for (CaseCategory category : CaseCategory.values()) {
            counts.put(category, byCategory.getOrDefault(category, 0));
        }
        byCategory = Collections.unmodifiableMap(counts);
    }

    public int total() {
        return byCategory.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int of(CaseCategory category) {
        return byCategory.get(category);
    }

    /** The caseload with one more case of the category. */
    public Caseload plus(CaseCategory category) {
        EnumMap<CaseCategory, Integer> counts = new EnumMap<>(byCategory);
        counts.merge(category, 1, Integer::sum);
        return new Caseload(counts);
    }

    /** The caseload with one of its cases of the first category counted under the second instead. */
    public Caseload recategorised(CaseCategory from, CaseCategory to) {
        if (of(from) == 0) {
            throw new IllegalStateException("No " + from + " case to recategorise");
        }
        EnumMap<CaseCategory, Integer> counts = new EnumMap<>(byCategory);
        counts.merge(from, -1, Integer::sum);
        counts.merge(to, 1, Integer::sum);
        return new Caseload(counts);
    }
}
