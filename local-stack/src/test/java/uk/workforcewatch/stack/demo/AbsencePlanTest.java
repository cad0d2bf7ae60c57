package uk.workforcewatch.stack.demo;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.calendar.BradfordFactor;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.stack.demo.AbsencePlan.Absence;
import uk.workforcewatch.stack.demo.CouncilPlan.Worker;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo council's year of absence: what a real council loses, sound episodes, and the story's three subjects. */
class AbsencePlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 11);
    private static final CouncilPlan COUNCIL = CouncilPlan.of(DemoCouncil.SEED, TODAY);
    /** sickness-service's default thresholds, as GET /absence-thresholds answers them. */
    private static final AbsenceThresholds THRESHOLDS = new AbsenceThresholds(28, 200, 3);
    private static final AbsencePlan PLAN = AbsencePlan.of(DemoCouncil.SEED, COUNCIL, THRESHOLDS);

    @Test
    void aboutEightWorkingDaysAreLostPerFteAYearMostlyInShortSpells() {
        List<Absence> all = PLAN.absences();
        List<Absence> longTerm = all.stream().filter(a -> calendarDays(a) >= 28).toList();
        int short5 = count(all, a -> Weekdays.countInclusive(a.startDate(), a.lastDayBy(TODAY)) <= 5);
        BigDecimal perFte = PLAN.daysLostPerFte(COUNCIL);
        assertAll(
                () -> assertTrue(perFte.compareTo(new BigDecimal("6.5")) >= 0
                        && perFte.compareTo(new BigDecimal("9.5")) <= 0, "days lost per FTE " + perFte),
                () -> assertTrue(between(all.size(), 150, 400), "episodes " + all.size()),
                () -> assertTrue(short5 >= 0.7 * all.size(), short5 + " of " + all.size() + " are 1 to 5 days"),
                () -> assertTrue(between(longTerm.size(), 4, 15), "long-term " + longTerm.size()),
                () -> assertEquals(1, count(longTerm, Absence::isOpen), "one long-term episode still open"),
                () -> assertTrue(count(all, a -> a.reason() == AbsenceReason.MINOR_ILLNESS
                        || a.reason() == AbsenceReason.INFECTION) > all.size() / 2, "minor illness and infection"));
    }

    @Test
    void stressLosesTheMostDaysAndMusculoskeletalIsNearTheTop() {
        Map<AbsenceReason, Integer> days = new EnumMap<>(AbsenceReason.class);
        for (Absence absence : PLAN.absences()) {
            days.merge(absence.reason(), Weekdays.countInclusive(absence.startDate(), absence.lastDayBy(TODAY)),
                    Integer::sum);
        }
        List<AbsenceReason> ranked = days.entrySet().stream()
                .sorted(Map.Entry.<AbsenceReason, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        assertEquals(AbsenceReason.STRESS_MENTAL_HEALTH, ranked.get(0), days.toString());
        assertTrue(ranked.subList(0, 3).contains(AbsenceReason.MUSCULOSKELETAL), days.toString());
    }

    @Test
    void episodesAreWhatSicknessServiceAccepts() {
        assertSound(COUNCIL, PLAN);
    }

    @Test
    void theStorysAbsenceIsThereExactly() {
        assertStory(COUNCIL, PLAN);
        AbsencePlan.Story story = PLAN.story();
        Worker absent = COUNCIL.worker(story.absentWithCpCases());
        assertEquals(StoryCast.SHOWN_TEAM, absent.teamKey());
        Worker longTerm = COUNCIL.worker(story.longTermAbsent());
        assertEquals(Role.TEAM_MANAGER, longTerm.role());
        assertEquals(StoryCast.LONG_TERM_ABSENT_TEAM, longTerm.teamKey());
    }

    @Test
    void theSameDayAndSeedGiveTheSameAbsence() {
        assertEquals(PLAN, AbsencePlan.of(DemoCouncil.SEED, COUNCIL, THRESHOLDS));
        assertNotEquals(PLAN.absences(), AbsencePlan.of(DemoCouncil.SEED + 1, COUNCIL, THRESHOLDS).absences());
    }

    @Test
    void theAbsenceHoldsOnAnyDayOfTheYear() {
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(23)) {
            CouncilPlan council = CouncilPlan.of(DemoCouncil.SEED, day);
            AbsencePlan plan = AbsencePlan.of(DemoCouncil.SEED, council, THRESHOLDS);
            assertSound(council, plan);
            assertStory(council, plan);
            BigDecimal perFte = plan.daysLostPerFte(council);
            assertTrue(perFte.compareTo(new BigDecimal("6")) >= 0 && perFte.compareTo(new BigDecimal("10")) <= 0,
                    day + ": days lost per FTE " + perFte);
        }
    }

    @Test
    void onEveryDayOfTheYearExactlyTheStorysWorkerIsAtTheBradfordTriggerWithFiveSpellsOfTwoDays() {
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            CouncilPlan council = CouncilPlan.of(DemoCouncil.SEED, day);
            AbsencePlan plan = AbsencePlan.of(DemoCouncil.SEED, council, THRESHOLDS);
            LocalDate today = day;
            Map<String, Long> atTrigger = plan.absences().stream().collect(Collectors.groupingBy(Absence::workerKey))
                    .entrySet().stream().filter(e -> bradfordFactor(e.getValue(), today) >= 200)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> bradfordFactor(e.getValue(), today)));
            assertEquals(Map.of(plan.story().bradfordTriggered(), 250L), atTrigger, day.toString());
        }
    }

    /**
     * The plan follows the thresholds sickness-service answers: with a council's own trigger exactly the story's
     * worker reaches it, with the fewest two-day spells that do; longer long-term days and a stricter interview
     * allowance keep the story's long-term absence long-term and every interview held in time.
     */
    @Test
    void thePlanFollowsSicknessServicesThresholds() {
        for (AbsenceThresholds council : List.of(new AbsenceThresholds(28, 100, 3), new AbsenceThresholds(28, 500, 3),
                new AbsenceThresholds(42, 50, 1))) {
            AbsencePlan plan = AbsencePlan.of(DemoCouncil.SEED, COUNCIL, council);
            assertEquals(council, plan.thresholds());
            assertSound(COUNCIL, plan);
            int spells = plan.of(plan.story().bradfordTriggered()).size();
            Map<String, Long> atTrigger = plan.absences().stream().collect(Collectors.groupingBy(Absence::workerKey))
                    .entrySet().stream().filter(e -> bradfordFactor(e.getValue(), TODAY) >= council.bradfordTrigger())
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> bradfordFactor(e.getValue(), TODAY)));
            assertEquals(Map.of(plan.story().bradfordTriggered(), 2L * spells * spells * spells), atTrigger,
                    council.toString());
            assertEquals(AbsencePlanner.spellsToReach(council.bradfordTrigger()), spells);
            Absence longTerm = plan.openEpisodeOf(plan.story().longTermAbsent());
            assertTrue(calendarDays(longTerm) >= council.longTermAfterDays() + 14, longTerm.toString());
            for (Absence absence : plan.absences()) {
                if (absence.interviewOn() != null) {
                    // in time as sickness-service counts it: working days after the return day
                    assertTrue(WorkingDays.englandAndWales().countAfter(absence.returnDay(), absence.interviewOn())
                            <= council.returnInterviewDueWithinWorkingDays(), absence.toString());
                }
            }
        }
        assertEquals(List.of(3, 4, 5, 7), List.of(50L, 100L, 200L, 500L).stream().map(AbsencePlanner::spellsToReach)
                .toList());
    }

    /**
     * Inside the year and the worker's employment, never overlapping another of theirs, a fit note when over a
     * week; every ended episode but one has its interview on its last day or within three working days after.
     */
    private static void assertSound(CouncilPlan council, AbsencePlan plan) {
        LocalDate today = council.today();
        Map<String, List<Absence>> byWorker = plan.absences().stream()
                .collect(Collectors.groupingBy(Absence::workerKey));
        for (var entry : byWorker.entrySet()) {
            Worker worker = council.worker(entry.getKey());
            List<Absence> episodes = entry.getValue().stream().sorted(Comparator.comparing(Absence::startDate))
                    .toList();
            assertEquals(episodes, plan.of(worker.key()), "a worker's episodes are listed together, in date order");
            for (int i = 0; i < episodes.size(); i++) {
                Absence absence = episodes.get(i);
                String what = worker.key() + " " + absence;
                assertFalse(absence.startDate().isBefore(plan.from()), what);
                assertTrue(worker.employedOn(absence.startDate()) && worker.employedOn(absence.lastDayBy(today)), what);
                assertTrue(absence.isOpen() ? !absence.startDate().isAfter(today) : absence.endDate().isBefore(today),
                        what);
                assertTrue(absence.isOpen() || !absence.endDate().isBefore(absence.startDate()), what);
                if (i > 0) {
                    assertTrue(episodes.get(i - 1).lastDayBy(today).isBefore(absence.startDate()), "overlap: " + what);
                }
                if (!absence.isOpen() && calendarDays(absence, today) > 7) {
                    assertEquals(Certification.FIT_NOTE, absence.certification(), what);
                }
                if (absence.interviewOn() != null) {
                    LocalDate returnDay = absence.returnDay();
                    assertFalse(absence.interviewOn().isBefore(absence.endDate()), what);
                    assertFalse(absence.interviewOn().isAfter(today), what);
                    assertTrue(Weekdays.countInclusive(returnDay, absence.interviewOn()) <= 3, what);
                    assertTrue(i == episodes.size() - 1
                            || absence.interviewOn().isBefore(episodes.get(i + 1).startDate()), what);
                    assertFalse(absence.interviewBy().isBlank(), what);
                }
            }
        }
    }

    /**
     * Two episodes open today: the team manager off long-term since six to eight weeks ago, holding no cases,
     * and the worker of the shown team off five to eight working days with CP cases; one ended episode with
     * no interview, its return six to ten working days ago; and one worker, of five short spells, at the
     * Bradford trigger, nobody else.
     */
    private static void assertStory(CouncilPlan council, AbsencePlan plan) {
        LocalDate today = council.today();
        AbsencePlan.Story story = plan.story();
        List<Absence> open = plan.absences().stream().filter(Absence::isOpen).toList();
        assertEquals(Set.of(story.longTermAbsent(), story.absentWithCpCases()),
                open.stream().map(Absence::workerKey).collect(Collectors.toSet()), today.toString());
        assertEquals(2, open.size());

        Absence longTerm = plan.openEpisodeOf(story.longTermAbsent());
        assertTrue(between((int) ChronoUnit.DAYS.between(longTerm.startDate(), today), 42, 58), longTerm.toString());
        assertEquals(AbsenceReason.STRESS_MENTAL_HEALTH, longTerm.reason());
        assertEquals(Certification.FIT_NOTE, longTerm.certification());
        assertTrue(council.casesHeldBy(story.longTermAbsent()).isEmpty(), "the long-term absentee holds no cases");

        Absence withCp = plan.openEpisodeOf(story.absentWithCpCases());
        int weekdaysOff = Weekdays.countInclusive(withCp.startDate(), today.minusDays(1));
        assertTrue(between(weekdaysOff, 5, 8), withCp + ": " + weekdaysOff + " working days before today");
        assertTrue(calendarDays(withCp, today) < 28, withCp.toString());
        assertTrue(council.casesHeldBy(story.absentWithCpCases()).stream()
                .anyMatch(c -> c.category() == CaseCategory.CP), "holds CP cases");
        assertFalse(StoryCast.isInStory(story.absentWithCpCases()));
        assertTrue(council.worker(story.absentWithCpCases()).employedOn(today));

        List<Absence> noInterview = plan.absences().stream().filter(a -> !a.isOpen() && a.interviewOn() == null)
                .toList();
        assertEquals(1, noInterview.size(), today.toString());
        Absence overdue = noInterview.get(0);
        assertEquals(story.interviewOverdue(), overdue.workerKey());
        assertEquals(overdue, plan.overdueEpisodeOf(story.interviewOverdue()));
        int since = Weekdays.countInclusive(overdue.returnDay().plusDays(1), today);
        assertTrue(between(since, 6, 10), overdue + ": back " + since + " working days");
        assertNull(overdue.interviewBy());
        assertFalse(Set.of(story.longTermAbsent(), story.absentWithCpCases()).contains(story.interviewOverdue()));

        Map<String, Long> atTrigger = plan.absences().stream().collect(Collectors.groupingBy(Absence::workerKey))
                .entrySet().stream().filter(e -> bradfordFactor(e.getValue(), today) >= 200)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> bradfordFactor(e.getValue(), today)));
        assertEquals(Set.of(story.bradfordTriggered()), atTrigger.keySet(), today + ": " + atTrigger);
        assertEquals(5, plan.of(story.bradfordTriggered()).size());
        assertFalse(Set.of(story.longTermAbsent(), story.absentWithCpCases(), story.interviewOverdue())
                .contains(story.bradfordTriggered()));
    }

    private static long bradfordFactor(List<Absence> absences, LocalDate today) {
        BradfordFactor factor = new BradfordFactor(WorkingDays.englandAndWales(), today);
        absences.forEach(a -> factor.add(a.startDate(), a.endDate()));
        return factor.score();
    }

    private static long calendarDays(Absence absence) {
        return calendarDays(absence, TODAY);
    }

    private static long calendarDays(Absence absence, LocalDate today) {
        return ChronoUnit.DAYS.between(absence.startDate(), absence.lastDayBy(today)) + 1;
    }

    private static <T> int count(List<T> items, Predicate<T> test) {
        return (int) items.stream().filter(test).count();
    }

    private static boolean between(int value, int low, int high) {
        return value >= low && value <= high;
    }
}
