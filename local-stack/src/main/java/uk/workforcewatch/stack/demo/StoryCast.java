package uk.workforcewatch.stack.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The story the demo tells through the gateway's alerts, and who it is about: workers over 15 cases, one
 * holding 12 CP cases of 15, a newly qualified worker over their protected 12, a CP case nobody holds, and
 * a child protection team a third short of staff. Everyone else in the council is drawn at random and kept
 * inside every limit.
 */
final class StoryCast {

    /** The team whose manager's token the demo prints: most of the story happens there. */
    static final String SHOWN_TEAM = "cp-east";
    /** Short of staff: its vacancy rate is well above the gateway's 20%. */
    static final String HIGH_VACANCY_TEAM = "cp-west";

    /** A worker given {@code extraCases} beyond their limit, each allocation overridden by a senior manager. */
    record OverLimit(String workerKey, String name, int extraCases, String reason) {
    }

    static final List<OverLimit> OVER_LIMIT = List.of(
            new OverLimit("cp-east/social-worker-1", "Priya Sharma", 2,
                    "Sibling group: kept with the worker who already holds their brother. Agreed by the head of"
                            + " service, review in four weeks."),
            new OverLimit("cp-west/social-worker-1", "Marcus Reid", 1,
                    "Covering a vacant post until agency cover starts. Agreed by the head of service, reviewed"
                            + " weekly."),
            new OverLimit("children-in-care/social-worker-1", "Joanne Hughes", 1,
                    "Sister of a child she already holds: brothers and sisters keep one worker."));

    /** Holds 12 CP cases of 15: a legal count, an unsafe mix. */
    static final String CP_MIX_WORKER = "cp-east/social-worker-2";
    static final int CP_MIX_CP_CASES = 12;
    static final int CP_MIX_OTHER_CASES = 3;
    static final String CP_MIX_REASON = "Family known to him from their last child protection plan; no other"
            + " CP-experienced worker has room this week.";

    /** Newly qualified, full-time, over the protected limit of 12. */
    static final String ASYE_OVER_LIMIT = "assessment-north/asye-1";
    static final int ASYE_EXTRA_CASES = 2;
    static final String ASYE_REASON = "Two assessments of one family opened together: agreed with her ASYE assessor"
            + " for six weeks.";

    /** Its team manager is off long-term with stress: holding no cases, only the long-term absence shows. */
    static final String LONG_TERM_ABSENT_TEAM = "children-in-need";

    /** Opened this many days ago in the shown team and never allocated. */
    static final int UNALLOCATED_CP_DAYS_AGO = 3;

    private static final Map<String, String> NAMES = Stream.concat(
                    OVER_LIMIT.stream().map(o -> Map.entry(o.workerKey(), o.name())),
                    Stream.of(Map.entry(CP_MIX_WORKER, "Daniel Mensah"), Map.entry(ASYE_OVER_LIMIT, "Chloe Evans")))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private StoryCast() {
    }

    /** The name the story gives this worker, if it is one of the story's people. */
    static Optional<String> nameOf(String workerKey) {
        return Optional.ofNullable(NAMES.get(workerKey));
    }

    static Optional<OverLimit> overLimit(String workerKey) {
        return OVER_LIMIT.stream().filter(o -> o.workerKey().equals(workerKey)).findFirst();
    }

    static Set<String> names() {
        return Set.copyOf(NAMES.values());
    }

    static boolean isInStory(String workerKey) {
        return NAMES.containsKey(workerKey);
    }
}
