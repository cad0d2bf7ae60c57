package uk.workforcewatch.sickness.absence;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.calendar.WorkingDays;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DaysLostTest {

    private final DaysLost days = new DaysLost(WorkingDays.englandAndWales(), 28);
    private static final LocalDate HIRED = LocalDate.of(2020, 1, 6);
    private static final FteHistory FULL_TIME = FteHistory.constant(HIRED, BigDecimal.ONE);

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }

    @Test
    void mondayToFridayIsFiveDaysLostForAFullTimeWorker() {
        assertEquals(decimal("5.00"), days.workingDaysLost(day("2025-03-03"), day("2025-03-07"), day("2025-12-31"), FULL_TIME));
        assertEquals(5, days.workingDays(day("2025-03-03"), day("2025-03-07"), day("2025-12-31")));
    }

    @Test
    void weekendsCountNothing() {
        // Friday to Monday: two working days, four calendar days
        assertEquals(decimal("2.00"), days.workingDaysLost(day("2025-03-07"), day("2025-03-10"), day("2025-12-31"), FULL_TIME));
        assertEquals(4, days.calendarDays(day("2025-03-07"), day("2025-03-10"), day("2025-12-31")));
        assertEquals(decimal("0.00"), days.workingDaysLost(day("2025-03-08"), day("2025-03-09"), day("2025-12-31"), FULL_TIME));
    }

    @Test
    void bankHolidaysCountNothing() {
        // 22 Dec 2025 to 2 Jan 2026: Christmas, Boxing Day and New Year's Day are bank holidays
        assertEquals(decimal("7.00"), days.workingDaysLost(day("2025-12-22"), day("2026-01-02"), day("2026-06-30"), FULL_TIME));
        assertEquals(12, days.calendarDays(day("2025-12-22"), day("2026-01-02"), day("2026-06-30")));
    }

    @Test
    void aPartTimeWorkerLosesTheirFteOfEachDay() {
        FteHistory partTime = FteHistory.constant(HIRED, decimal("0.6"));
        assertEquals(decimal("3.00"), days.workingDaysLost(day("2025-03-03"), day("2025-03-07"), day("2025-12-31"), partTime));
        FteHistory oddHours = FteHistory.constant(HIRED, decimal("0.333333"));
        // 5 × 0.333333 = 1.666665, to two places
        assertEquals(decimal("1.67"), days.workingDaysLost(day("2025-03-03"), day("2025-03-07"), day("2025-12-31"), oddHours));
    }

    @Test
    void anFteChangingMidEpisodeCountsEachDayAtItsOwnFte() {
        FteHistory history = new FteHistory(HIRED, null, List.of(
                new FteHistory.Change(HIRED, BigDecimal.ONE),
                new FteHistory.Change(day("2025-03-05"), decimal("0.5"))));
        // Mon and Tue at 1.0, Wed to Fri at 0.5
        assertEquals(decimal("3.50"), days.workingDaysLost(day("2025-03-03"), day("2025-03-07"), day("2025-12-31"), history));
    }

    @Test
    void daysBeforeStartingOrAfterLeavingLoseNothing() {
        FteHistory leaver = new FteHistory(HIRED, day("2025-03-05"), List.of(new FteHistory.Change(HIRED, BigDecimal.ONE)));
        assertEquals(decimal("3.00"), days.workingDaysLost(day("2025-03-03"), day("2025-03-07"), day("2025-12-31"), leaver));
    }

    @Test
    void anOpenEpisodeRunsToTheDayAskedAbout() {
        assertEquals(decimal("3.00"), days.workingDaysLost(day("2025-03-03"), null, day("2025-03-05"), FULL_TIME));
        assertEquals(decimal("5.00"), days.workingDaysLost(day("2025-03-03"), null, day("2025-03-09"), FULL_TIME));
        assertEquals(decimal("0.00"), days.workingDaysLost(day("2025-03-03"), null, day("2025-03-01"), FULL_TIME));
        assertEquals(0, days.calendarDays(day("2025-03-03"), null, day("2025-03-01")));
    }

    @Test
    void anEndedEpisodeCountsToTheDayAskedAboutWhenThatComesFirst() {
        assertEquals(decimal("2.00"), days.workingDaysLost(day("2025-03-03"), day("2025-03-07"), day("2025-03-04"), FULL_TIME));
        assertEquals(day("2025-03-04"), DaysLost.lastCounted(day("2025-03-07"), day("2025-03-04")));
        assertEquals(day("2025-03-07"), DaysLost.lastCounted(day("2025-03-07"), day("2025-04-01")));
    }

    @Test
    void longTermFromTwentyEightCalendarDaysCountedToTheEndOrTheDayAskedAbout() {
        // 2 Feb to 1 Mar 2026 is 28 calendar days
        assertTrue(days.isLongTerm(day("2026-02-02"), day("2026-03-01"), day("2026-06-30")));
        assertFalse(days.isLongTerm(day("2026-02-02"), day("2026-02-28"), day("2026-06-30")));
        // open: long-term once the 28th day is reached
        assertFalse(days.isLongTerm(day("2026-02-02"), null, day("2026-02-28")));
        assertTrue(days.isLongTerm(day("2026-02-02"), null, day("2026-03-01")));
        // ended later, asked about before the 28th day
        assertFalse(days.isLongTerm(day("2026-02-02"), day("2026-04-30"), day("2026-02-20")));
    }

    @Test
    void theLongTermThresholdIsConfigurable() {
        DaysLost fourWeeksLess = new DaysLost(WorkingDays.englandAndWales(), 7);
        assertTrue(fourWeeksLess.isLongTerm(day("2025-03-03"), day("2025-03-09"), day("2025-12-31")));
        assertFalse(fourWeeksLess.isLongTerm(day("2025-03-03"), day("2025-03-08"), day("2025-12-31")));
    }
}
