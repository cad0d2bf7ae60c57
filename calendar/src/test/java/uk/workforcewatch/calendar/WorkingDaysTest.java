package uk.workforcewatch.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingDaysTest {

    private final WorkingDays calendar = WorkingDays.englandAndWales();

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void mondayToFridayOfOneWeekIsFiveDatesIncluded() {
        assertEquals(5, calendar.countInclusive(day("2025-03-03"), day("2025-03-07")));
        assertEquals(1, calendar.countInclusive(day("2025-03-05"), day("2025-03-05")));
    }

    @Test
    void weekendsAreNotWorkingDays() {
        assertFalse(calendar.isWorkingDay(day("2025-03-08")));
        assertFalse(calendar.isWorkingDay(day("2025-03-09")));
        assertEquals(0, calendar.countInclusive(day("2025-03-08"), day("2025-03-09")));
        // Friday to Monday: two working days
        assertEquals(2, calendar.countInclusive(day("2025-03-07"), day("2025-03-10")));
    }

    @Test
    void bankHolidaysAreNotWorkingDays() {
        assertFalse(calendar.isWorkingDay(day("2025-05-05")));   // early May bank holiday, a Monday
        assertTrue(calendar.isWorkingDay(day("2025-05-06")));
        // Easter 2025: Good Friday and Easter Monday out of a fortnight's ten weekdays
        assertEquals(8, calendar.countInclusive(day("2025-04-14"), day("2025-04-25")));
    }

    @Test
    void aRangeOverChristmasLeavesOutTheHolidaysAndTheirSubstituteDays() {
        // 2026: Christmas on a Friday, Boxing Day on a Saturday so Monday 28th is the substitute
        assertEquals(List.of(day("2026-12-21"), day("2026-12-22"), day("2026-12-23"), day("2026-12-24"),
                        day("2026-12-29"), day("2026-12-30"), day("2026-12-31"), day("2027-01-04")),
                calendar.inclusive(day("2026-12-21"), day("2027-01-04")).toList());
        // 22 Dec 2025 to 2 Jan 2026: twelve calendar days, seven working days
        assertEquals(7, calendar.countInclusive(day("2025-12-22"), day("2026-01-02")));
    }

    @Test
    void anEndBeforeTheStartCountsNothing() {
        assertEquals(0, calendar.countInclusive(day("2025-03-07"), day("2025-03-03")));
    }

    @Test
    void daysAfterADateLeaveThatDateOut() {
        assertEquals(4, calendar.countAfter(day("2025-03-03"), day("2025-03-07")));
        assertEquals(0, calendar.countAfter(day("2025-03-07"), day("2025-03-07")));
    }

    @Test
    void anotherCalendarHasOnlyItsOwnHolidays() {
        WorkingDays noHolidays = new WorkingDays(List.of());
        assertTrue(noHolidays.isWorkingDay(day("2025-12-25")));
        WorkingDays oneHoliday = new WorkingDays(List.of(day("2025-03-05")));
        assertEquals(4, oneHoliday.countInclusive(day("2025-03-03"), day("2025-03-07")));
    }
}
