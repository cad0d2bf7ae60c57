package uk.workforcewatch.stack.demo;

import uk.workforcewatch.calendar.BradfordFactor;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Employment;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Tells the loaded council's story: its counts from the plans, its subjects' ids from what the services answered.
 */
final class StoryTeller {

    private final CouncilPlan plan;
    private final AbsencePlan absence;
    private final LoadedIds ids;

    StoryTeller(CouncilPlan plan, AbsencePlan absence, LoadedIds ids) {
        this.plan = plan;
        this.absence = absence;
        this.ids = ids;
    }

    DemoStory tell(Duration took) {
        CouncilPlan.Story story = plan.story();
        CouncilPlan.Team shown = plan.team(story.shownTeam());
        return new DemoStory(plan.teams().size(), plan.workers().size(), plan.inPost().size(),
                plan.leavers().size(),
                (int) plan.inPost().stream().filter(w -> w.employment() == Employment.AGENCY).count(),
                plan.posts().size(), plan.vacantPosts(Optional.empty()).size(), plan.cases().size(),
                plan.unallocatedCases().size(), ids.of(shown.key()), shown.name(),
                story.overLimitWorkers().stream().map(this::worker).toList(), worker(story.cpMixWorker()),
                worker(story.asyeOverLimit()), kase(story.unallocatedCpCase()), shortStaffed(story.highVacancyTeam()),
                absences(), took);
    }

    private DemoStory.Absences absences() {
        AbsencePlan.Story story = absence.story();
        long longTerm = absence.absences().stream()
                .filter(a -> ChronoUnit.DAYS.between(a.startDate(), a.lastDayBy(absence.today())) + 1
                        >= absence.thresholds().longTermAfterDays()).count();
        return new DemoStory.Absences(absence.absences().size(), (int) longTerm, absence.daysLost(plan),
                absence.daysLostPerFte(plan), absent(story.absentWithCpCases(), absence.openEpisodeOf(
                        story.absentWithCpCases())), absent(story.longTermAbsent(),
                        absence.openEpisodeOf(story.longTermAbsent())),
                absent(story.interviewOverdue(), absence.overdueEpisodeOf(story.interviewOverdue())),
                frequentlyAbsent(story.bradfordTriggered()));
    }

    private DemoStory.FrequentlyAbsent frequentlyAbsent(String workerKey) {
        BradfordFactor factor = new BradfordFactor(WorkingDays.englandAndWales(), absence.today());
        absence.of(workerKey).forEach(a -> factor.add(a.startDate(), a.endDate()));
        return new DemoStory.FrequentlyAbsent(worker(workerKey), factor.spells(), factor.daysAbsent(), factor.score(),
                absence.thresholds().bradfordTrigger());
    }

    private DemoStory.Absent absent(String workerKey, AbsencePlan.Absence episode) {
        return new DemoStory.Absent(worker(workerKey), ids.of(episode.key()), episode.startDate(),
                episode.returnDay(), episode.certification() == Certification.FIT_NOTE);
    }

    private DemoStory.Worker worker(String key) {
        CouncilPlan.Worker worker = plan.worker(key);
        List<CouncilPlan.Case> held = plan.casesHeldBy(key);
        return new DemoStory.Worker(ids.of(key), worker.name(), worker.role().name(), worker.fte(),
                ids.of(worker.teamKey()), plan.team(worker.teamKey()).name(), held.size(),
                (int) held.stream().filter(c -> c.category() == CaseCategory.CP).count(), worker.limit(),
                worker.cpLimit());
    }

    private DemoStory.Case kase(String reference) {
        CouncilPlan.Case kase = plan.caseWithReference(reference);
        return new DemoStory.Case(ids.of(reference), reference, kase.category().name(), ids.of(kase.teamKey()),
                plan.team(kase.teamKey()).name(), kase.openedOn());
    }

    private DemoStory.ShortStaffedTeam shortStaffed(String key) {
        TeamStaffing staffing = TeamStaffing.of(plan, key);
        return new DemoStory.ShortStaffedTeam(ids.of(key), plan.team(key).name(), staffing.vacancyRate(),
                staffing.vacantFte(), staffing.permanentFte(), staffing.agencyRate());
    }
}
