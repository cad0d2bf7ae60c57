package uk.workforcewatch.gateway.rules;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.alerts.Rule;
import uk.workforcewatch.events.alerts.Severity;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseStatus;
import uk.workforcewatch.gateway.view.AbsenceEpisodeView;
import uk.workforcewatch.gateway.view.CaseView;
import uk.workforcewatch.gateway.view.CaseloadView;
import uk.workforcewatch.gateway.view.WorkerAbsenceView;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules on their own, on a fixed day (Tuesday 8 December 2026, 10:00 in London), with the default thresholds:
 * what holds, and when each subject must be looked at again with nothing recorded.
 */
class RulesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOW = LocalDate.of(2026, 12, 8).atTime(10, 0).atZone(LONDON).toInstant();
    private static final Instant TOMORROW = LocalDate.of(2026, 12, 9).atStartOfDay(LONDON).toInstant();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    private static final AbsenceThresholds THRESHOLDS = new AbsenceThresholds(28, 200, 3);

    private final Rules rules = new Rules(new Defaults(), WorkingDays.englandAndWales(), Clock.fixed(NOW, LONDON));

    @Test
    void aWaitingCpCaseBreachesAfterTwentyFourHoursAndIsLookedAtWhenItCrossesThemThenHourly() {
        Instant since = NOW.minus(Duration.ofHours(23));
        CaseView waiting = kase(CaseCategory.CP, since);
        assertEquals(Optional.empty(), rules.ofCase(waiting));
        assertEquals(Optional.of(since.plus(Duration.ofHours(24)).plusSeconds(1)), rules.nextLookAt(waiting));

        CaseView late = kase(CaseCategory.CP, NOW.minus(Duration.ofHours(25)).minusSeconds(90));
        Breach breach = rules.ofCase(late).orElseThrow();
        assertEquals(Severity.CRITICAL, breach.severity());
        assertEquals(25L, breach.figures().get("hoursWaiting"));
        assertEquals(Optional.of(late.unallocatedSince.plus(Duration.ofHours(26))), rules.nextLookAt(late));
    }

    @Test
    void anotherWaitingCaseCountsWorkingDaysAndIsLookedAtTheNextDayAnAllocatedOneNever() {
        // Monday 30 November to Tuesday 8 December: 6 working days after the day it began waiting
        CaseView waiting = kase(CaseCategory.LAC, LocalDate.of(2026, 11, 30).atTime(9, 0).atZone(LONDON).toInstant());
        Breach breach = rules.ofCase(waiting).orElseThrow();
        assertEquals(6, breach.figures().get("workingDaysWaiting"));
        assertEquals(Severity.MEDIUM, breach.severity());
        assertEquals(Optional.of(TOMORROW), rules.nextLookAt(waiting));

        CaseView held = kase(CaseCategory.CP, null);
        held.workerId = UUID.randomUUID();
        assertEquals(Optional.empty(), rules.ofCase(held));
        assertEquals(Optional.empty(), rules.nextLookAt(held));
    }

    @Test
    void anAbsentWorkerStillHoldingCasesBreachesOnTheirThirdWorkingDayAndIsLookedAtDaily() {
        WorkerAbsenceView absence = new WorkerAbsenceView();
        absence.workerId = UUID.randomUUID();
        absence.absent = true;
        absence.since = LocalDate.of(2026, 12, 4);    // Friday, Monday, Tuesday: 3 working days
        CaseloadView caseload = caseload(absence.workerId, 6, 1);
        Breach breach = rules.ofAbsentWorker(absence, caseload).orElseThrow();
        assertEquals(Rule.CASES_HELD_BY_ABSENT_WORKER, breach.rule());
        assertEquals(Severity.HIGH, breach.severity(), "one of the cases is CP");
        assertEquals(3, breach.figures().get("workingDaysAbsent"));
        assertEquals(Optional.of(TOMORROW), rules.nextLookAtWorker(absence, List.of()));

        absence.since = LocalDate.of(2026, 12, 7);
        assertEquals(Optional.empty(), rules.ofAbsentWorker(absence, caseload), "2 working days is within");
    }

    @Test
    void aWorkerIsLookedAtDailyOnlyWhileAnEpisodeOfTheirsIsInsideTheBradfordWindow() {
        UUID worker = UUID.randomUUID();
        assertEquals(Optional.empty(), rules.nextLookAtWorker(null, List.of()));
        assertEquals(Optional.of(TOMORROW), rules.nextLookAtWorker(null,
                List.of(episode(worker, TODAY.minusWeeks(50), TODAY.minusWeeks(49)))));
        assertEquals(Optional.empty(), rules.nextLookAtWorker(null,
                List.of(episode(worker, TODAY.minusWeeks(60), TODAY.minusWeeks(59)))));
    }

    @Test
    void anEndedEpisodeWithNoInterviewIsOverdueAfterThreeWorkingDaysAndLookedAtWhileInsideTheWindow() {
        // last day absent Wednesday 2 December, back Thursday 3: Friday, Monday, Tuesday are 3 working days after
        AbsenceEpisodeView episode = episode(UUID.randomUUID(), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 2));
        assertEquals(Optional.empty(), rules.ofEpisode(episode, THRESHOLDS), "3 working days is in time");
        assertEquals(Optional.of(TOMORROW), rules.nextLookAt(episode));

        episode.endDate = LocalDate.of(2026, 12, 1);
        Breach overdue = rules.ofEpisode(episode, THRESHOLDS).orElseThrow();
        assertEquals(Rule.RETURN_TO_WORK_OVERDUE, overdue.rule());
        assertEquals(4, overdue.figures().get("workingDaysSinceReturn"));

        episode.returnInterviewOn = TODAY;
        assertEquals(Optional.empty(), rules.ofEpisode(episode, THRESHOLDS));
        assertEquals(Optional.empty(), rules.nextLookAt(episode), "an interview held owes nothing more");

        AbsenceEpisodeView longAgo = episode(UUID.randomUUID(), TODAY.minusDays(120), TODAY.minusDays(100));
        assertEquals(Optional.empty(), rules.ofEpisode(longAgo, THRESHOLDS), "outside the 90-day look-back");
        assertEquals(Optional.empty(), rules.nextLookAt(longAgo));
    }

    @Test
    void aCaseloadOverItsLimitsBreachesEachOfThem() {
        List<Breach> breaches = rules.ofCaseload(caseload(UUID.randomUUID(), 16, 11));
        assertEquals(List.of(Rule.CASELOAD_OVER_LIMIT, Rule.CP_MIX_OVER_LIMIT), breaches.stream().map(Breach::rule)
                .toList());
        assertTrue(rules.ofCaseload(caseload(UUID.randomUUID(), 15, 10)).isEmpty(), "at the limits is not over them");
        assertEquals(Optional.of(TOMORROW), rules.nextLookAtTeam());
    }

    private static CaseView kase(CaseCategory category, Instant unallocatedSince) {
        CaseView kase = new CaseView();
        kase.id = UUID.randomUUID();
        kase.teamId = UUID.randomUUID();
        kase.reference = "REF-1";
        kase.category = category;
        kase.status = CaseStatus.OPEN;
        kase.unallocatedSince = unallocatedSince;
        return kase;
    }

    private static CaseloadView caseload(UUID worker, int open, int cp) {
        CaseloadView caseload = new CaseloadView();
        caseload.workerId = worker;
        caseload.teamId = UUID.randomUUID();
        caseload.openCases = open;
        caseload.cpCases = cp;
        caseload.limit = 15;
        caseload.cpLimit = 10;
        caseload.weightedLoad = BigDecimal.valueOf(open);
        caseload.weightedLimit = BigDecimal.valueOf(15);
        return caseload;
    }

    private static AbsenceEpisodeView episode(UUID worker, LocalDate start, LocalDate end) {
        AbsenceEpisodeView episode = new AbsenceEpisodeView();
        episode.id = UUID.randomUUID();
        episode.workerId = worker;
        episode.teamId = UUID.randomUUID();
        episode.startDate = start;
        episode.endDate = end;
        return episode;
    }

    /** The defaults of gateway's application.properties. */
    private static final class Defaults implements RulesConfig {
        @Override
        public Duration cpUnallocatedAfter() {
            return Duration.ofHours(24);
        }

        @Override
        public int otherUnallocatedAfterWorkingDays() {
            return 5;
        }

        @Override
        public BigDecimal teamVacancyRateThreshold() {
            return new BigDecimal("0.20");
        }

        @Override
        public BigDecimal teamAgencyRateThreshold() {
            return new BigDecimal("0.25");
        }

        @Override
        public int absentWorkerAfterWorkingDays() {
            return 3;
        }

        @Override
        public BigDecimal teamSicknessRateThreshold() {
            return new BigDecimal("0.05");
        }

        @Override
        public int teamSicknessWindowDays() {
            return 28;
        }

        @Override
        public int obligationLookBackDays() {
            return 90;
        }

        @Override
        public Duration dueCheckEvery() {
            return Duration.ofMinutes(1);
        }
    }
}
