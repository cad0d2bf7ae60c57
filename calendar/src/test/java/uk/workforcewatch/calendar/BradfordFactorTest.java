package uk.workforcewatch.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BradfordFactorTest {

    private static final LocalDate AS_OF = LocalDate.parse("2025-06-30");

    private static BradfordFactor on(LocalDate asOf) {
        return new BradfordFactor(WorkingDays.englandAndWales(), asOf);
    }

    private static LocalDate day(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    @Test
    void oneSpellOfTenDaysScoresTenAndTenSpellsOfOneDayAThousand() {
        assertEquals(10, on(AS_OF).add(day("2025-03-03"), day("2025-03-14")).score());
        BradfordFactor often = on(AS_OF);
        for (int week = 0; week < 10; week++) {
            LocalDate tuesday = day("2025-03-04").plusWeeks(week);
            often.add(tuesday, tuesday);
        }
        assertEquals(1000, often.score());
    }

    @Test
    void theWindowIsThe364DaysEndingOnTheDayAndAnOpenSpellRunsToIt() {
        assertEquals(day("2024-07-02"), BradfordFactor.windowStart(AS_OF));
        BradfordFactor factor = on(AS_OF)
                .add(day("2024-06-24"), day("2024-07-05")) // only 2 to 5 July inside: 4 working days
                .add(day("2025-06-23"), null)              // open: 23 to 27 and 30 June, 6 working days
                .add(day("2024-06-03"), day("2024-07-01")) // ended the day before the window
                .add(day("2025-07-01"), null);             // starts after the day
        assertEquals(2, factor.spells());
        assertEquals(10, factor.daysAbsent());
        assertEquals(40, factor.score());
    }

    @Test
    void bankHolidaysAreNotDaysAbsent() {
        // Friday 2 to Tuesday 6 May 2025, Monday a bank holiday: 2 working days
        assertEquals(2, on(AS_OF).add(day("2025-05-02"), day("2025-05-06")).daysAbsent());
        assertEquals(500, BradfordFactor.score(5, 20));
    }
}
