package uk.workforcewatch.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        // 2020: Monday 4 May was a working day, Friday 8 May was not
        assertTrue(calendar.isWorkingDay(day("2020-05-04")));
        assertFalse(calendar.isWorkingDay(day("2020-05-08")));
        // the week of the 2022 Jubilee: Monday 30 May worked, Thursday 2 and Friday 3 June not
        assertEquals(5, calendar.countInclusive(day("2022-05-30"), day("2022-06-07")));
    }

    @Test
    void aRangeOverChristmasLeavesOutTheHolidaysAndTheirSubstituteDays() {
        // 2026: Christmas on a Friday, Boxing Day on a Saturday so Monday 28th is the substitute
        assertEquals(List.of(day("2026-12-21"), day("2026-12-22"), day("2026-12-23"), day("2026-12-24"),
                        day("2026-12-29"), day("2026-12-30"), day("2026-12-31"), day("2027-01-04")),
                calendar.inclusive(day("2026-12-21"), day("2027-01-04")).toList());
    }

    /** 23 December to 3 January over every year end the calendar knows, worked out by hand from a diary. */
    @ParameterizedTest(name = "23 Dec {0} to 3 Jan: {1} working days")
    @CsvSource({
            "2018, 6",  // Sun 23; Tue 25, Wed 26, Tue 1 off: 24, 27, 28, 31, 2, 3
            "2019, 7",  // Mon 23; Wed 25, Thu 26, Wed 1 off: 23, 24, 27, 30, 31, 2, 3
            "2020, 5",  // Wed 23; Fri 25, Mon 28 (Boxing Day's), Fri 1 off, 2 and 3 a weekend: 23, 24, 29, 30, 31
            "2021, 5",  // Thu 23; Mon 27 and Tue 28 (both substitutes), Mon 3 (New Year's) off: 23, 24, 29, 30, 31
            "2022, 5",  // Fri 23; Mon 26, Tue 27 (Christmas's), Mon 2 (New Year's) off: 23, 28, 29, 30, 3
            "2023, 5",  // Sat 23; Mon 25, Tue 26, Mon 1 off: 27, 28, 29, 2, 3
            "2024, 7",  // Mon 23; Wed 25, Thu 26, Wed 1 off: 23, 24, 27, 30, 31, 2, 3
            "2025, 6",  // Tue 23; Thu 25, Fri 26, Thu 1 off, Sat 3: 23, 24, 29, 30, 31, 2
            "2026, 5",  // Wed 23; Fri 25, Mon 28, Fri 1 off: 23, 24, 29, 30, 31
            "2027, 5",  // Thu 23; Mon 27, Tue 28, Mon 3 off: 23, 24, 29, 30, 31
            "2028, 5",  // Sat 23; Mon 25, Tue 26, Mon 1 off: 27, 28, 29, 2, 3
            "2029, 6"   // Sun 23; Tue 25, Wed 26, Tue 1 off: 24, 27, 28, 31, 2, 3
    })
    void theWorkingDaysOverEveryYearEnd(int year, int workingDays) {
        assertEquals(workingDays, calendar.countInclusive(LocalDate.of(year, 12, 23), LocalDate.of(year + 1, 1, 3)));
    }

    @Test
    void aWholeYearHasItsWeekdaysLessItsBankHolidays() {
        // 2022: 260 weekdays, 10 bank holidays; 2023: 260 weekdays, 9
        assertEquals(250, calendar.countInclusive(day("2022-01-01"), day("2022-12-31")));
        assertEquals(251, calendar.countInclusive(day("2023-01-01"), day("2023-12-31")));
        // 2018 to 2030 end to end: 678 weeks and a Monday and Tuesday, 107 bank holidays
        assertEquals(3392 - 107, calendar.countInclusive(day("2018-01-01"), day("2030-12-31")));
    }

    @Test
    void anEndBeforeTheStartCountsNothing() {
        assertEquals(0, calendar.countInclusive(day("2025-03-07"), day("2025-03-03")));
    }

    @Test
    void daysAfterADateLeaveThatDateOut() {
        assertEquals(4, calendar.countAfter(day("2025-03-03"), day("2025-03-07")));
        assertEquals(0, calendar.countAfter(day("2025-03-07"), day("2025-03-07")));
        assertEquals(0, calendar.countAfter(day("2030-12-31"), day("2030-12-31")));
    }

    @Test
    void theCalendarSaysWhichYearsItKnows() {
        assertEquals(new SupportedYears(2018, 2030), calendar.supportedYears());
        assertEquals("2018 to 2030", calendar.supportedYears().toString());
        assertTrue(calendar.covers(day("2018-01-01")) && calendar.covers(day("2030-12-31")));
        assertFalse(calendar.covers(day("2017-12-31")) || calendar.covers(day("2031-01-01")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2017-12-31", "2031-01-01", "2017-06-15", "2031-06-16"})
    void aDateOutsideTheSupportedYearsIsRefusedWhateverIsAsked(LocalDate outside) {
        LocalDate inside = day("2025-06-16");
        List<Executable> questions = List.of(
                () -> calendar.isWorkingDay(outside),
                () -> calendar.countInclusive(outside, inside),
                () -> calendar.countInclusive(inside, outside),
                () -> calendar.countAfter(outside, inside),
                () -> calendar.countAfter(inside, outside),
                () -> calendar.inclusive(outside, outside),
                () -> new BradfordFactor(calendar, outside).add(outside, outside));
        for (Executable question : questions) {
            DateOutsideCalendarException refused = assertThrows(DateOutsideCalendarException.class, question);
            assertEquals(outside, refused.date());
            assertTrue(refused.getMessage().contains(outside.toString())
                    && refused.getMessage().contains("supported years 2018 to 2030"), refused.getMessage());
        }
    }

    @Test
    void aWaitSinceBeforeTheKnownYearsCountsTheKnownYearsOnly() {
        // 1 and 2 January 2018: New Year's Day is a holiday, Tuesday the 2nd a working day
        assertEquals(1, calendar.countAfterAtLeast(day("2015-06-01"), day("2018-01-02")));
        assertEquals(calendar.countAfter(day("2019-03-01"), day("2019-03-08")),
                calendar.countAfterAtLeast(day("2019-03-01"), day("2019-03-08")));
    }
}
