package uk.workforcewatch.stack.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Builds the {@link CouncilPlan} from the council's team shapes and the story. Staff and cases draw from
 * random sources of their own, both from the seed, so changing how cases are drawn leaves the staff alone.
 */
final class CouncilPlanner {

    private final long seed;
    private final LocalDate today;

    CouncilPlanner(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
    }

    CouncilPlan plan() {
        Random staffRandom = new Random(seed);
        // the census details draw from a source of their own (the absence plan's is seed + 2)
        StaffPlanner staff = new StaffPlanner(staffRandom, new Random(seed + 3), today,
                new Names(staffRandom, StoryCast.names()));
        TeamShape.COUNCIL.forEach(staff::plan);
        CasePlanner cases = new CasePlanner(new Random(seed + 1), today);
        for (TeamShape team : TeamShape.COUNCIL) {
            cases.plan(team, staff.workers().stream().filter(w -> w.teamKey().equals(team.key())).toList());
        }
        List<CouncilPlan.Team> teams = TeamShape.COUNCIL.stream()
                .map(shape -> new CouncilPlan.Team(shape.key(), shape.name(), shape.area())).toList();
        CouncilPlan.Story story = new CouncilPlan.Story(StoryCast.SHOWN_TEAM,
                StoryCast.OVER_LIMIT.stream().map(StoryCast.OverLimit::workerKey).toList(),
                StoryCast.CP_MIX_WORKER, StoryCast.ASYE_OVER_LIMIT, cases.unallocatedCp(),
                StoryCast.HIGH_VACANCY_TEAM);
        HistoryPlanner history = new HistoryPlanner(new Random(seed + 4), today, staff.workers(), cases.references());
        List<CouncilPlan.Case> open = cases.cases().stream().map(history::handedOver).toList();
        List<CouncilPlan.Case> closed = TeamShape.COUNCIL.stream().flatMap(team -> history.closed(team,
                (int) open.stream().filter(c -> c.teamKey().equals(team.key())).count()).stream()).toList();
        return new CouncilPlan(today, teams, staff.posts(), staff.workers(), open, closed, staff.recruitment(),
                story);
    }
}
