package uk.workforcewatch.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Easter Sunday for every supported year, and at the edges of its range (22 March to 25 April). */
class EasterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2018-04-01", "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31",
            "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21",
            // the earliest and latest possible
            "1818-03-22", "2285-03-22", "1943-04-25", "2038-04-25"
    })
    void easterSunday(LocalDate easter) {
        assertEquals(easter, Easter.sunday(easter.getYear()));
    }
}
