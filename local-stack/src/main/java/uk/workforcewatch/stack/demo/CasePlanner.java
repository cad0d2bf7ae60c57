package uk.workforcewatch.stack.demo;

import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.stack.demo.CouncilPlan.Case;
import uk.workforcewatch.stack.demo.CouncilPlan.Worker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Draws each team's open cases: every case-holding worker gets a caseload of a size typical of their role
 * (10 to 15 full-time, pro rata part-time, a protected 8 to 11 for ASYE) in the team's mix of categories,
 * always inside their limit and CP limit, and never CP or court work for an ASYE worker alone. The story's
 * people get their breach on top, as the last allocations, each with a senior manager's override reason.
 * A few recent non-CP cases wait for a worker; in the shown team, one CP case has waited days.
 */
final class CasePlanner {

    private static final int[] SOCIAL_WORKER = {11, 12, 12, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15, 15};
    private static final int[] SENIOR_PRACTITIONER = {10, 11, 11, 12, 12, 12, 13, 13, 14};
    private static final int[] ASYE = {8, 9, 9, 10, 10, 10, 11, 11};
    private static final int[] PART_TIME_BELOW_LIMIT = {0, 0, 1, 1, 2};
    /** How long ago a case of each category may have been opened, in days: assessments are recent, care long. */
    private static final Map<CaseCategory, int[]> AGE = new EnumMap<>(Map.of(
            CaseCategory.ASSESSMENT, new int[]{1, 45}, CaseCategory.CP, new int[]{10, 540}, CaseCategory.CIN, new int[]{10, 730},
            CaseCategory.LAC, new int[]{30, 730}, CaseCategory.COURT, new int[]{14, 300},
            CaseCategory.CARE_LEAVER, new int[]{30, 730}, CaseCategory.ADOPTION, new int[]{60, 730}));

    private final Random random;
    private final LocalDate today;
    private final Set<Integer> references = new HashSet<>();
    private final List<Case> cases = new ArrayList<>();
    private String unallocatedCp;

    CasePlanner(Random random, LocalDate today) {
        this.random = random;
        this.today = today;
    }

    List<Case> cases() {
        return List.copyOf(cases);
    }

    /** The references taken, so that a case of the past draws another. */
    Set<Integer> references() {
        return java.util.Collections.unmodifiableSet(references);
    }

    /** The reference of the story's unallocated CP case. */
    String unallocatedCp() {
        return unallocatedCp;
    }

    void plan(TeamShape team, List<Worker> workers) {
        for (Worker worker : workers) {
            // only social workers hold cases: caseload-service refuses them to managers and support workers
            if (!worker.employedOn(today) || worker.role() == Role.TEAM_MANAGER
                    || worker.role() == Role.SUPPORT_WORKER) {
                continue;
            }
            Optional<StoryCast.OverLimit> overLimit = StoryCast.overLimit(worker.key());
            if (overLimit.isPresent()) {
                caseload(team, worker, worker.limit());
                extra(team, worker, team.commonestSafeCategory(), overLimit.get().extraCases(),
                        overLimit.get().reason());
            } else if (worker.key().equals(StoryCast.CP_MIX_WORKER)) {
                cpMix(team, worker);
            } else if (worker.key().equals(StoryCast.ASYE_OVER_LIMIT)) {
                caseload(team, worker, worker.limit());
                extra(team, worker, team.commonestSafeCategory(), StoryCast.ASYE_EXTRA_CASES, StoryCast.ASYE_REASON);
            } else {
                caseload(team, worker, typicalCaseload(worker));
            }
        }
        for (int i = 0; i < team.unallocated(); i++) {
            // yesterday or the day before: never today, which a caller's clock ahead of London's would make tomorrow
            CaseCategory category = draw(team, c -> !c.isHighRisk());
            add(team, category, today.minusDays(1 + random.nextInt(2)), null, null);
        }
        if (team.key().equals(StoryCast.SHOWN_TEAM)) {
            unallocatedCp = add(team, CaseCategory.CP, today.minusDays(StoryCast.UNALLOCATED_CP_DAYS_AGO), null, null);
        }
    }

    private int typicalCaseload(Worker worker) {
        int size;
        if (worker.role() == Role.ASYE) {
            size = pick(ASYE);
        } else if (worker.isPartTime()) {
            size = worker.limit() - pick(PART_TIME_BELOW_LIMIT);
        } else if (worker.role() == Role.SENIOR_PRACTITIONER) {
            size = pick(SENIOR_PRACTITIONER);
        } else {
            size = pick(SOCIAL_WORKER);
        }
        return Math.min(size, worker.limit());
    }

    /** {@code size} cases in the team's mix that keep the worker inside every limit. */
    private void caseload(TeamShape team, Worker worker, int size) {
        int cp = 0;
        for (int i = 0; i < size; i++) {
            boolean roomForCp = cp < worker.cpLimit();
            CaseCategory category = draw(team, c -> (c != CaseCategory.CP || roomForCp)
                    && !(worker.role() == Role.ASYE && c.isHighRisk()));
            cp += category == CaseCategory.CP ? 1 : 0;
            add(team, category, opened(category, worker), worker.key(), null);
        }
    }

    /** Recent cases beyond the worker's limit: each needs a senior manager's override. */
    private void extra(TeamShape team, Worker worker, CaseCategory category, int count, String reason) {
        for (int i = 0; i < count; i++) {
            add(team, category, today.minusDays(3 + random.nextInt(18)), worker.key(), reason);
        }
    }

    /** 12 CP cases of 15: three others and ten CP within the limits, then two CP over the CP limit. */
    private void cpMix(TeamShape team, Worker worker) {
        for (int i = 0; i < StoryCast.CP_MIX_OTHER_CASES; i++) {
            CaseCategory category = draw(team, c -> c != CaseCategory.CP);
            add(team, category, opened(category, worker), worker.key(), null);
        }
        int overCpLimit = StoryCast.CP_MIX_CP_CASES - worker.cpLimit();
        for (int i = 0; i < worker.cpLimit(); i++) {
            add(team, CaseCategory.CP, opened(CaseCategory.CP, worker), worker.key(), null);
        }
        for (int i = 0; i < overCpLimit; i++) {
            add(team, CaseCategory.CP, today.minusDays(3 + random.nextInt(18)), worker.key(), StoryCast.CP_MIX_REASON);
        }
    }

    private CaseCategory draw(TeamShape team, Predicate<CaseCategory> allowed) {
        return draw(random, team, allowed);
    }

    /** A category of the team's mix, as often as its share, among those allowed. */
    static CaseCategory draw(Random random, TeamShape team, Predicate<CaseCategory> allowed) {
        int total = team.mix().entrySet().stream().filter(e -> allowed.test(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
        int ticket = random.nextInt(total);
        for (Map.Entry<CaseCategory, Integer> share : team.mix().entrySet()) {
            if (allowed.test(share.getKey())) {
                ticket -= share.getValue();
                if (ticket < 0) {
                    return share.getKey();
                }
            }
        }
        throw new IllegalStateException("no category allowed in " + team.key());
    }

    /**
     * When a case the worker holds was opened, and so allocated to them: never before they started, as a holding
     * is dated from the day it took effect.
     */
    private LocalDate opened(CaseCategory category, Worker worker) {
        int[] age = AGE.get(category);
        LocalDate opened = today.minusDays(age[0] + random.nextInt(age[1] - age[0] + 1));
        return opened.isBefore(worker.startDate()) ? worker.startDate() : opened;
    }

    /** Adds the case under a new pseudonymous reference, like C-004217, and returns the reference. */
    private String add(TeamShape team, CaseCategory category, LocalDate openedOn, String workerKey, String overrideReason) {
        int number;
        do {
            number = 1 + random.nextInt(999_999);
        } while (!references.add(number));
        String reference = String.format("C-%06d", number);
        cases.add(Case.open(reference, category, team.key(), openedOn, workerKey, overrideReason));
        return reference;
    }

    private int pick(int[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
