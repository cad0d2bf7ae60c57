package uk.workforcewatch.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every year's bank holidays against those the government published for England and Wales (gov.uk/bank-holidays),
 * written out by hand; and, for the years not yet published, as the rules give them.
 */
class EnglandAndWalesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2018 | 01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26",
            "2019 | 01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26",
            // early May moved to Friday 8 May (VE Day); Boxing Day on a Saturday, so Monday 28th
            "2020 | 01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28",
            // Christmas on a Saturday and Boxing Day on a Sunday: Monday 27th and Tuesday 28th
            "2021 | 01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28",
            // New Year's Day a Saturday; spring moved to Thursday 2 June, Friday 3 June added, the Queen's funeral;
            // Christmas on a Sunday: Boxing Day Monday 26th, Christmas's substitute Tuesday 27th
            "2022 | 01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27",
            // New Year's Day a Sunday; the coronation
            "2023 | 01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26",
            "2024 | 01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26",
            "2025 | 01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26",
            "2026 | 01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28",
            "2027 | 01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28",
            // not yet published: by the rules
            "2028 | 01-03 04-14 04-17 05-01 05-29 08-28 12-25 12-26",
            "2029 | 01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26",
            "2030 | 01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26"
    })
    void theYearsBankHolidaysAreThosePublished(int year, String monthDays) {
        List<LocalDate> published = Arrays.stream(monthDays.trim().split(" +"))
                .map(monthDay -> LocalDate.parse(year + "-" + monthDay)).toList();
        assertEquals(published, EnglandAndWales.bankHolidays(year));
    }

    @ParameterizedTest
    @ValueSource(ints = {2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030})
    void everyBankHolidayIsAWeekdayAndNotAWorkingDay(int year) {
        for (LocalDate holiday : EnglandAndWales.bankHolidays(year)) {
            assertTrue(holiday.getDayOfWeek().getValue() <= 5, holiday + " is a weekday");
            assertTrue(!WorkingDays.englandAndWales().isWorkingDay(holiday), holiday.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2017, 2031, 1999})
    void aYearOutsideTheSupportedOnesIsRefused(int year) {
        DateOutsideCalendarException refused = assertThrows(DateOutsideCalendarException.class,
                () -> EnglandAndWales.bankHolidays(year));
        assertTrue(refused.getMessage().contains("2018 to 2030"), refused.getMessage());
        assertEquals(new SupportedYears(2018, 2030), refused.supportedYears());
    }
}
