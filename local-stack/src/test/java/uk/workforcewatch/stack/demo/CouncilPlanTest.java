package uk.workforcewatch.stack.demo;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.CareerStage;
import uk.workforcewatch.events.staffing.CensusRole;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.ServiceArea;
import uk.workforcewatch.events.staffing.StartOrigin;
import uk.workforcewatch.stack.demo.CouncilPlan.Case;
import uk.workforcewatch.stack.demo.CouncilPlan.Worker;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo council as planned: its size, its realism, and the story the gateway's alerts must tell. */
class CouncilPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 11);
    private static final CouncilPlan PLAN = CouncilPlan.of(DemoCouncil.SEED, TODAY);

    @Test
    void theCouncilHasTheSizeOfARealOne() {
        List<Worker> inPost = PLAN.inPost();
        assertAll(
                () -> assertTrue(between(PLAN.teams().size(), 8, 10), "teams " + PLAN.teams().size()),
                () -> assertTrue(between(inPost.size(), 100, 120), "workers in post " + inPost.size()),
                () -> assertTrue(between(PLAN.workers().size(), 110, 130), "workers hired " + PLAN.workers().size()),
                () -> assertTrue(between(PLAN.leavers().size(), 8, 16), "leavers " + PLAN.leavers().size()),
                () -> assertTrue(between(count(inPost, w -> w.employment() == Employment.AGENCY), 5, 12), "agency"),
                () -> assertTrue(between(count(inPost, w -> w.role() == Role.ASYE), 4, 10), "ASYE"),
                () -> assertTrue(between(count(inPost, w -> w.role() == Role.SENIOR_PRACTITIONER), 8, 20), "SP"),
                () -> assertTrue(between(count(inPost, Worker::isPartTime), 6, 12), "part-time"),
                () -> assertTrue(between(PLAN.cases().size(), 1_250, 1_450), "open cases " + PLAN.cases().size()),
                () -> assertTrue(between(PLAN.unallocatedCases().size(), 8, 15), "unallocated"),
                () -> assertTrue(between(PLAN.vacantPosts(Optional.empty()).size(), 10, 20), "vacant posts"));
    }

    @Test
    void theTeamsCoverChildrensServicesFromTheFrontDoorToCourt() {
        Map<ServiceArea, Long> areas = PLAN.teams().stream()
                .collect(Collectors.groupingBy(CouncilPlan.Team::area, Collectors.counting()));
        assertEquals(EnumSet.of(ServiceArea.INTAKE_AND_ASSESSMENT, ServiceArea.CHILD_PROTECTION,
                ServiceArea.CHILDREN_IN_NEED, ServiceArea.LOOKED_AFTER_CHILDREN, ServiceArea.CARE_LEAVERS,
                ServiceArea.DISABLED_CHILDREN, ServiceArea.COURT), areas.keySet());
        assertEquals(2, areas.get(ServiceArea.CHILD_PROTECTION));
        assertEquals(PLAN.teams().size(), PLAN.teams().stream().map(CouncilPlan.Team::name).distinct().count());
        for (CouncilPlan.Team team : PLAN.teams()) {
            assertEquals(1, count(PLAN.workersOf(team.key()), w -> w.role() == Role.TEAM_MANAGER), team.name());
        }
    }

    @Test
    void everyoneOutsideTheStoryHoldsATypicalCaseloadInsideTheirLimits() {
        List<Worker> holders = PLAN.inPost().stream()
                .filter(w -> w.role() != Role.TEAM_MANAGER && !StoryCast.isInStory(w.key())).toList();
        for (Worker worker : holders) {
            List<Case> held = PLAN.casesHeldBy(worker.key());
            long cp = held.stream().filter(c -> c.category() == CaseCategory.CP).count();
            assertTrue(held.size() <= worker.limit(), worker + " holds " + held.size());
            assertTrue(cp <= worker.cpLimit(), worker + " holds " + cp + " CP");
            assertTrue(held.stream().allMatch(c -> c.overrideReason() == null), worker + " needed an override");
            if (worker.role() == Role.ASYE) {
                assertTrue(held.stream().noneMatch(c -> c.category().isHighRisk()), worker + " holds CP or court");
                assertTrue(between(held.size(), 8, 11), worker + " holds " + held.size());
            } else if (worker.isPartTime()) {
                assertEquals(Limits.caseload(Role.SOCIAL_WORKER, worker.fte()), worker.limit());
                assertTrue(between(held.size(), worker.limit() - 2, worker.limit()), worker + " holds " + held.size());
            } else {
                assertTrue(between(held.size(), 10, 15), worker + " holds " + held.size());
            }
        }
        double fullTimeAverage = holders.stream().filter(w -> w.role() == Role.SOCIAL_WORKER && !w.isPartTime())
                .mapToInt(w -> PLAN.casesHeldBy(w.key()).size()).average().orElseThrow();
        assertTrue(fullTimeAverage >= 12.5 && fullTimeAverage <= 14.5, "full-time average " + fullTimeAverage);
        for (Worker worker : PLAN.workers()) {
            if (worker.role() == Role.TEAM_MANAGER || !worker.employedOn(TODAY)) {
                assertTrue(PLAN.casesHeldBy(worker.key()).isEmpty(), worker + " holds cases");
            }
        }
    }

    @Test
    void partTimersHoldCasesProRata() {
        List<Worker> partTime = PLAN.inPost().stream().filter(Worker::isPartTime).toList();
        for (Worker worker : partTime) {
            assertTrue(worker.fte().compareTo(new BigDecimal("0.5")) >= 0
                    && worker.fte().compareTo(new BigDecimal("0.8")) <= 0, worker.toString());
            assertEquals(new BigDecimal("15").multiply(worker.fte()).intValue(), worker.limit(), worker.toString());
        }
        assertTrue(partTime.stream().map(Worker::fte).distinct().count() >= 2, "part-time FTEs vary");
    }

    /**
     * Replays every worker's allocations in the plan's order against caseload-service's limits: exactly the
     * allocations that break a limit carry an override (so the load meets no 409, and no override is idle).
     */
    @Test
    void replayedInOrderOnlyTheOverriddenAllocationsBreakALimit() {
        for (Worker worker : PLAN.inPost()) {
            int held = 0;
            int cp = 0;
            for (Case kase : PLAN.casesHeldBy(worker.key())) {
                boolean breaks = held + 1 > worker.limit()
                        || (kase.category() == CaseCategory.CP && cp + 1 > worker.cpLimit())
                        || (worker.role() == Role.ASYE && kase.category().isHighRisk());
                assertEquals(breaks, kase.overrideReason() != null, worker.key() + " case " + (held + 1) + " " + kase);
                held++;
                cp += kase.category() == CaseCategory.CP ? 1 : 0;
            }
        }
        PLAN.cases().stream().filter(c -> c.overrideReason() != null)
                .forEach(c -> assertTrue(between(c.overrideReason().length(), 3, 500), c.overrideReason()));
    }

    @Test
    void theStoryIsThereExactly() {
        CouncilPlan.Story story = PLAN.story();

        Worker cpMix = PLAN.worker(story.cpMixWorker());
        List<Case> cpMixCases = PLAN.casesHeldBy(cpMix.key());
        assertEquals(15, cpMixCases.size());
        assertEquals(12, count(cpMixCases, c -> c.category() == CaseCategory.CP));
        assertEquals(15, cpMix.limit());
        assertEquals(10, cpMix.cpLimit());

        Worker asye = PLAN.worker(story.asyeOverLimit());
        assertEquals(Role.ASYE, asye.role());
        assertEquals(12, asye.limit());
        assertTrue(PLAN.casesHeldBy(asye.key()).size() > 12);
        assertTrue(PLAN.casesHeldBy(asye.key()).stream().noneMatch(c -> c.category().isHighRisk()));

        assertTrue(between(story.overLimitWorkers().size(), 3, 4));
        for (String key : story.overLimitWorkers()) {
            Worker worker = PLAN.worker(key);
            List<Case> held = PLAN.casesHeldBy(key);
            assertEquals(15, worker.limit(), key);
            assertTrue(held.size() > 15, key + " holds " + held.size());
            assertTrue(count(held, c -> c.category() == CaseCategory.CP) <= worker.cpLimit(), key + ": one breach each");
        }
        Worker priya = PLAN.worker(story.overLimitWorkers().get(0));
        assertEquals("Priya Sharma", priya.name());
        assertEquals(story.shownTeam(), priya.teamKey());
        assertEquals(17, PLAN.casesHeldBy(priya.key()).size());

        Case waiting = PLAN.caseWithReference(story.unallocatedCpCase());
        assertEquals(CaseCategory.CP, waiting.category());
        assertFalse(waiting.isAllocated());
        assertEquals(story.shownTeam(), waiting.teamKey());
        assertTrue(waiting.openedOn().isBefore(TODAY.minusDays(1)), "opened days ago: " + waiting.openedOn());
        assertEquals(List.of(waiting), PLAN.unallocatedCases().stream().filter(c -> c.category().isHighRisk()).toList(),
                "the only high-risk case waiting");
        assertTrue(PLAN.unallocatedCases().stream().filter(c -> c != waiting)
                .allMatch(c -> !c.openedOn().isBefore(TODAY.minusDays(2))), "the others were opened in the last days");

        assertTrue(TeamStaffing.of(PLAN, story.highVacancyTeam()).vacancyRate().compareTo(new BigDecimal("0.20")) > 0);
        assertEquals(story.shownTeam(), cpMix.teamKey(), "the shown team has breaches to show");
    }

    @Test
    void vacancyRatesAreThoseOfARealCouncilButOneTeamIsAThirdShort() {
        for (CouncilPlan.Team team : PLAN.teams()) {
            TeamStaffing staffing = TeamStaffing.of(PLAN, team.key());
            if (team.key().equals(PLAN.story().highVacancyTeam())) {
                assertTrue(staffing.vacancyRate().compareTo(new BigDecimal("0.25")) > 0, team + " " + staffing);
            } else {
                assertTrue(staffing.vacancyRate().compareTo(new BigDecimal("0.05")) >= 0
                        && staffing.vacancyRate().compareTo(new BigDecimal("0.15")) <= 0, team + " " + staffing);
            }
            // a decision: no team shows TEAM_AGENCY_RATE_HIGH, so the staffing story is the vacancy rate alone
            assertTrue(staffing.agencyRate().compareTo(new BigDecimal("0.25")) <= 0, team + " " + staffing);
        }
    }

    @Test
    void agencyWorkersCoverVacantPostsOfTheirOwnTeamAndRole() {
        Set<String> vacant = PLAN.vacantPosts(Optional.empty()).stream().map(CouncilPlan.Post::key)
                .collect(Collectors.toSet());
        Set<String> covered = new HashSet<>();
        for (Worker agency : PLAN.workers().stream().filter(w -> w.employment() == Employment.AGENCY).toList()) {
            CouncilPlan.Post post = PLAN.post(agency.postKey());
            assertTrue(vacant.contains(post.key()), agency + " covers a filled post");
            assertTrue(covered.add(post.key()), "two agency workers cover " + post);
            assertEquals(post.teamKey(), agency.teamKey());
            assertEquals(post.role(), agency.role());
        }
    }

    @Test
    void eachTeamsCasesAreInItsUsualMix() {
        assertShare("front-door", Set.of(CaseCategory.ASSESSMENT), 0.6);
        assertShare("assessment-north", Set.of(CaseCategory.ASSESSMENT), 0.6);
        assertShare("cp-east", Set.of(CaseCategory.CP, CaseCategory.CIN), 0.8);
        assertShare("cp-east", Set.of(CaseCategory.CP), 0.4);
        assertShare("cp-west", Set.of(CaseCategory.CP, CaseCategory.CIN), 0.8);
        assertShare("children-in-need", Set.of(CaseCategory.CIN), 0.7);
        assertShare("children-in-care", Set.of(CaseCategory.LAC, CaseCategory.COURT, CaseCategory.ADOPTION), 0.9);
        assertShare("leaving-care", Set.of(CaseCategory.CARE_LEAVER), 0.8);
        assertShare("court", Set.of(CaseCategory.COURT), 0.5);
        for (Case kase : PLAN.cases()) {
            assertFalse(kase.openedOn().isAfter(TODAY), kase.toString());
            assertFalse(kase.openedOn().isBefore(TODAY.minusYears(2)), kase.toString());
        }
        assertTrue(PLAN.cases().stream().filter(c -> c.category() == CaseCategory.ASSESSMENT)
                .allMatch(c -> !c.openedOn().isBefore(TODAY.minusDays(45))), "assessments are recent");
    }

    @Test
    void everyCaseIsHeldFromDayToDayByWorkersEmployedThenAndOpenOnesByTheirHolderAtTheEnd() {
        // the files are imported as a case-management system's would be: each holding from a day its worker was
        // employed, in date order, after the opening; a leaver's cases go on their last day
        Map<String, Worker> workers = PLAN.workers().stream().collect(Collectors.toMap(Worker::key, w -> w));
        for (Case kase : Stream.concat(PLAN.cases().stream(), PLAN.closedCases().stream()).toList()) {
            LocalDate previous = kase.openedOn();
            for (CouncilPlan.Change change : kase.history()) {
                assertFalse(change.on().isBefore(previous), kase.toString());
                assertFalse(change.on().isAfter(TODAY), kase.toString());
                if (change.workerKey() != null) {
                    assertTrue(workers.get(change.workerKey()).employedOn(change.on()), kase.toString());
                }
                previous = change.on();
            }
            if (kase.closedOn() == null && kase.isAllocated()) {
                assertEquals(kase.workerKey(), kase.history().get(kase.history().size() - 1).workerKey());
                assertTrue(workers.get(kase.workerKey()).employedOn(TODAY), kase.toString());
            }
        }
        assertTrue(PLAN.cases().stream().filter(Case::isAllocated)
                .filter(c -> c.openedOn().isBefore(TODAY.minusMonths(3))).count() > 500,
                "most were held before the latest 30 September");
    }

    @Test
    void twoYearsOfHistoryStandBehindTheOpenCases() {
        long handedOver = PLAN.cases().stream().filter(c -> c.history().size() > 1).count();
        long old = PLAN.cases().stream().filter(Case::isAllocated)
                .filter(c -> c.openedOn().isBefore(TODAY.minusDays(120))).count();
        assertTrue(handedOver > old / 6 && handedOver < old / 3, handedOver + " of " + old + " handed over");
        assertTrue(PLAN.cases().stream().anyMatch(c -> c.history().stream().anyMatch(h -> h.workerKey() == null)),
                "a leaver's case waited for their successor");
        List<Case> closed = PLAN.closedCases();
        assertTrue(between(closed.size(), 600, 900), "closed in two years " + closed.size());
        assertTrue(closed.stream().allMatch(c -> c.closedOn().isBefore(TODAY) && c.closedOn().isAfter(c.openedOn())
                && c.closeReason() != null && !c.openedOn().isBefore(TODAY.minusYears(2))));
        assertTrue(closed.stream().anyMatch(c -> c.closedOn().isBefore(TODAY.minusYears(1))), "some a year ago");
        assertEquals(PLAN.cases().size() + closed.size(), Stream.concat(PLAN.cases().stream(), closed.stream())
                .map(Case::reference).distinct().count(), "references are unique");
    }

    @Test
    void everythingIsWhatTheServicesAccept() {
        assertEquals(PLAN.cases().size(), PLAN.cases().stream().map(Case::reference).distinct().count());
        assertTrue(PLAN.cases().stream().allMatch(c -> c.reference().matches("C-\\d{6}")), "pseudonymous references");
        assertEquals(PLAN.workers().size(), PLAN.workers().stream().map(Worker::name).distinct().count());
        assertEquals(PLAN.workers().size(), PLAN.workers().stream().map(Worker::registrationNumber).distinct().count());
        for (Worker worker : PLAN.workers()) {
            assertTrue(worker.registrationNumber().matches("[A-Z]{2}[0-9]{10}"), worker.toString());
            assertTrue(worker.startDate().isBefore(TODAY) && worker.startDate().isAfter(TODAY.minusYears(15)),
                    worker.toString());
            CouncilPlan.Post post = PLAN.post(worker.postKey());
            assertEquals(post.teamKey(), worker.teamKey(), worker.toString());
            assertEquals(post.role(), worker.role(), worker.toString());
            assertEquals(0, post.fte().compareTo(worker.fte()), worker.toString());
            assertFalse(post.establishedOn().isAfter(worker.startDate()), worker + " starts before " + post);
            if (worker.leaving() != null) {
                assertTrue(worker.leaving().leftOn().isAfter(worker.startDate()), worker.toString());
                assertTrue(worker.leaving().leftOn().isAfter(TODAY.minusYears(1))
                        && worker.leaving().leftOn().isBefore(TODAY.minusDays(30)), "left this year: " + worker);
                assertTrue(worker.leaving().destination() != null, worker.toString());
            }
        }
        Map<String, Long> permanentHolders = PLAN.inPost().stream()
                .filter(w -> w.employment() == Employment.PERMANENT)
                .collect(Collectors.groupingBy(Worker::postKey, Collectors.counting()));
        permanentHolders.forEach((post, holders) -> assertEquals(1, holders, post + " has two permanent holders"));
        for (CouncilPlan.Recruitment round : PLAN.recruitment()) {
            CouncilPlan.Post post = PLAN.post(round.postKey());
            assertFalse(round.advertisedOn().isBefore(post.establishedOn()), round.toString());
            assertFalse(round.advertisedOn().isAfter(TODAY), round.toString());
            if (round.offerMadeOn() != null) {
                assertFalse(round.offerMadeOn().isBefore(round.advertisedOn()), round.toString());
                assertFalse(round.offerMadeOn().isAfter(TODAY), round.toString());
            }
            if (round.startsOn() != null) {
                assertFalse(round.startsOn().isBefore(round.offerMadeOn()), round.toString());
            }
        }
        for (Worker leaver : PLAN.leavers()) {
            List<Worker> holders = PLAN.holdersOf(leaver.postKey());
            assertEquals(leaver, holders.get(0), "a leaver is hired before whoever took their post");
        }
    }

    @Test
    void everyWorkerCarriesWhatTheCensusReturnNeeds() {
        for (Worker worker : PLAN.workers()) {
            assertAll(worker.toString(),
                    () -> assertTrue(worker.origin() != null),
                    () -> assertTrue(StaffPlanner.UNIVERSITIES.contains(worker.qualification().institution())),
                    () -> assertTrue(worker.qualification().level() != null),
                    () -> assertEquals(switch (worker.role()) {
                        case SOCIAL_WORKER -> CareerStage.FRONTLINE_PRACTITIONER;
                        case SENIOR_PRACTITIONER -> CareerStage.PRACTICE_SUPERVISOR;
                        case TEAM_MANAGER -> CareerStage.PRACTICE_LEADER;
                        case ASYE, SUPPORT_WORKER -> null;
                    }, worker.careerStage()),
                    () -> assertTrue(worker.role() != Role.ASYE || worker.origin() == StartOrigin.NEWLY_QUALIFIED),
                    () -> assertTrue(worker.censusRole() == null || worker.role() == Role.TEAM_MANAGER));
            if (worker.leaving() != null) {
                assertTrue(worker.leaving().reason() != null && worker.leaving().destination() != null,
                        worker.toString());
            }
        }
        assertEquals(List.of(StaffPlanner.MIDDLE_MANAGER_TEAM), PLAN.workers().stream()
                .filter(w -> w.censusRole() == CensusRole.MIDDLE_MANAGER).map(Worker::teamKey).toList());
        assertEquals(3, PLAN.workers().stream().map(w -> w.qualification().level()).distinct().count(),
                "degrees, master's and older awards");
        assertTrue(PLAN.workers().stream().map(Worker::origin).distinct().count() >= 5, "origins vary");
    }

    @Test
    void theSameDayAndSeedGiveTheSameCouncil() {
        assertEquals(PLAN, CouncilPlan.of(DemoCouncil.SEED, TODAY));
        assertNotEquals(PLAN, CouncilPlan.of(DemoCouncil.SEED + 1, TODAY));
        CouncilPlan tomorrow = CouncilPlan.of(DemoCouncil.SEED, TODAY.plusDays(1));
        assertEquals(PLAN.cases().size(), tomorrow.cases().size());
        assertEquals(PLAN.workers().get(0).startDate().plusDays(1), tomorrow.workers().get(0).startDate(),
                "dates move with today");
    }

    @Test
    void theStoryHoldsOnAnyDayOfTheYear() {
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(37)) {
            CouncilPlan plan = CouncilPlan.of(DemoCouncil.SEED, day);
            assertTrue(TeamStaffing.of(plan, plan.story().highVacancyTeam()).vacancyRate()
                    .compareTo(new BigDecimal("0.20")) > 0, day.toString());
            assertEquals(12, count(plan.casesHeldBy(plan.story().cpMixWorker()), c -> c.category() == CaseCategory.CP));
            assertEquals(plan.workers().size() - plan.leavers().size(), plan.inPost().size(), day.toString());
        }
    }

    private static void assertShare(String team, Set<CaseCategory> categories, double atLeast) {
        List<Case> cases = PLAN.cases().stream().filter(c -> c.teamKey().equals(team)).toList();
        double share = (double) count(cases, c -> categories.contains(c.category())) / cases.size();
        assertTrue(share >= atLeast, team + ": " + categories + " are " + share + " of its cases");
    }

    private static <T> int count(List<T> items, Predicate<T> test) {
        return (int) items.stream().filter(test).count();
    }

    private static boolean between(int value, int low, int high) {
        return value >= low && value <= high;
    }
}
