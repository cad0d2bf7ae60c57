package uk.workforcewatch.stack.demo;

import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.stack.demo.CouncilPlan.Case;
import uk.workforcewatch.stack.demo.CouncilPlan.Change;
import uk.workforcewatch.stack.demo.CouncilPlan.Worker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The council's last two years behind what stands today, as its case-management system would have them: a quarter
 * of the open cases older than four months were held by a colleague first (by a leaver until their last day, when
 * their cases went, and the case then waited for its holder if they had not started yet), and cases that have
 * closed since, held by the team's workers of the time. So continuity, past caseloads and the census of a past
 * year have something true to count. Draws from a source of its own: the open cases stay as the rest of the plan has
 * them.
 */
final class HistoryPlanner {

    private static final int HANDED_OVER_PERCENT = 25;
    /** Cases closed in two years, for each case open today. */
    private static final double CLOSED_PER_OPEN = 0.6;
    private static final List<String> CLOSE_REASONS = List.of("Child protection plan ended",
            "Stepped down to early help", "Moved to another council", "Assessment complete: no further action",
            "Returned home", "Special guardianship order made", "Adopted", "Turned 21: leaving care support ended");

    private final Random random;
    private final LocalDate today;
    private final List<Worker> workers;
    private final Map<String, Worker> byKey;
    private final Set<Integer> references;

    HistoryPlanner(Random random, LocalDate today, List<Worker> workers, Set<Integer> taken) {
        this.random = random;
        this.today = today;
        this.workers = workers;
        this.byKey = workers.stream().collect(Collectors.toMap(Worker::key, Function.identity()));
        this.references = new HashSet<>(taken);
    }

    /** The open case, perhaps held before its holder by the leaver whose post they took, or by a colleague. */
    Case handedOver(Case kase) {
        if (!kase.isAllocated()) {
            return kase;
        }
        Worker holder = byKey.get(kase.workerKey());
        Case inherited = inherited(kase, holder);
        if (inherited != null || kase.openedOn().isAfter(today.minusDays(120))
                || random.nextInt(100) >= HANDED_OVER_PERCENT) {
            return inherited != null ? inherited : kase;
        }
        List<Worker> earlier = workers.stream().filter(w -> w.teamKey().equals(kase.teamKey()) && w != holder)
                .filter(w -> mayHold(w, kase.category()) && w.employedOn(kase.openedOn()))
                .filter(w -> w.leaving() == null || w.leaving().leftOn().isAfter(kase.openedOn().plusDays(14)))
                .toList();
        if (earlier.isEmpty()) {
            return kase;
        }
        Worker previous = earlier.get(random.nextInt(earlier.size()));
        LocalDate from = kase.openedOn().plusDays(14);
        boolean left = previous.leaving() != null && previous.leaving().leftOn().isBefore(today);
        LocalDate handover = left ? previous.leaving().leftOn()
                : between(from.isAfter(holder.startDate()) ? from : holder.startDate(), today.minusDays(30));
        if (handover == null) {
            return kase;
        }
        List<Change> changes = new ArrayList<>(List.of(new Change(kase.openedOn(), previous.key())));
        if (handover.isBefore(holder.startDate())) {
            changes.add(new Change(handover, null));
            changes.add(new Change(holder.startDate(), holder.key()));
        } else {
            changes.add(new Change(handover, holder.key()));
        }
        return kase.withHistory(changes);
    }

    /**
     * A case a starter holds from their first day was, more often than not, the leaver's whose post they took: opened
     * while the leaver was there, it went on the leaver's last day and waited for the starter. Null otherwise.
     */
    private Case inherited(Case kase, Worker holder) {
        if (!kase.openedOn().equals(holder.startDate()) || kase.category() == CaseCategory.ASSESSMENT
                || holder.postKey() == null) {
            return null;
        }
        Worker leaver = workers.stream().filter(w -> w != holder && holder.postKey().equals(w.postKey()))
                .filter(w -> w.leaving() != null && w.leaving().leftOn().isBefore(holder.startDate()))
                .filter(w -> mayHold(w, kase.category())).findFirst().orElse(null);
        if (leaver == null || random.nextInt(100) >= 60) {
            return null;
        }
        LocalDate earliest = today.minusYears(2).plusDays(30);
        LocalDate opened = between(leaver.startDate().isAfter(earliest) ? leaver.startDate() : earliest,
                leaver.leaving().leftOn().minusDays(14));
        if (opened == null) {
            return null;
        }
        Case earlier = new Case(kase.reference(), kase.category(), kase.teamKey(), opened, kase.workerKey(),
                kase.overrideReason(), List.of(), null, null);
        return earlier.withHistory(List.of(new Change(opened, leaver.key()),
                new Change(leaver.leaving().leftOn(), null), new Change(holder.startDate(), holder.key())));
    }

    /** About the team's share of cases closed in the last two years, each held by a worker of the team then. */
    List<Case> closed(TeamShape team, int openToday) {
        List<Case> closed = new ArrayList<>();
        for (int i = 0; i < Math.round(openToday * CLOSED_PER_OPEN); i++) {
            CaseCategory category = CasePlanner.draw(random, team, c -> true);
            LocalDate opened = today.minusDays(60 + random.nextInt(671));
            LocalDate closedOn = opened.plusDays(30 + random.nextInt(371));
            if (!closedOn.isBefore(today)) {
                closedOn = today.minusDays(1 + random.nextInt(20));
            }
            LocalDate openedOn = opened;
            List<Worker> then = workers.stream().filter(w -> w.teamKey().equals(team.key()))
                    .filter(w -> mayHold(w, category) && w.employedOn(openedOn)).toList();
            if (then.isEmpty() || !closedOn.isAfter(openedOn)) {
                continue;
            }
            Worker holder = then.get(random.nextInt(then.size()));
            List<Change> changes = new ArrayList<>(List.of(new Change(openedOn, holder.key())));
            if (holder.leaving() != null && holder.leaving().leftOn().isBefore(closedOn)) {
                // their cases went on their last day, to a colleague still there, or to nobody
                LocalDate leftOn = holder.leaving().leftOn();
                List<Worker> after = then.stream().filter(w -> w != holder && w.employedOn(leftOn)).toList();
                changes.add(new Change(leftOn, after.isEmpty() ? null : after.get(random.nextInt(after.size())).key()));
            }
            String last = changes.get(changes.size() - 1).workerKey();
            closed.add(new Case(reference(), category, team.key(), openedOn, last, null, changes, closedOn,
                    CLOSE_REASONS.get(random.nextInt(CLOSE_REASONS.size()))));
        }
        return closed;
    }

    /** A worker who may hold a case of the category alone: no team manager, and no CP or court work for an ASYE. */
    private static boolean mayHold(Worker worker, CaseCategory category) {
        return worker.role() != Role.TEAM_MANAGER && worker.role() != Role.SUPPORT_WORKER
                && !(worker.role() == Role.ASYE && category.isHighRisk());
    }

    /** A day from {@code from} to {@code to}, or null when there is none. */
    private LocalDate between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return null;
        }
        return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
    }

    private String reference() {
        int number;
        do {
            number = 1 + random.nextInt(999_999);
        } while (!references.add(number));
        return String.format("C-%06d", number);
    }
}
