package uk.workforcewatch.sickness.trends;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrendsCsvTest {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndOthersAreNot() {
        assertEquals("plain", TrendsCsv.field("plain"));
        assertEquals("\"a,b\"", TrendsCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", TrendsCsv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", TrendsCsv.field("two\nlines"));
    }

    @Test
    void aHeaderARowPerGroupAndTheTotalWithCrlfAndEmptyRatesLeftEmpty() {
        LocalDate day = LocalDate.parse("2025-05-01");
        var row = new AbsenceTrends.Row("2025-05", day, day, 1, new BigDecimal("0.00"), new BigDecimal("0.00"), null,
                null, 0, 0, new BigDecimal("0.00"), 0, new BigDecimal("0.00"));
        var total = new AbsenceTrends.Row("total", day, day, 1, new BigDecimal("2.50"), new BigDecimal("1.00"),
                new BigDecimal("0.40"), new BigDecimal("0.4000"), 1, 1, new BigDecimal("1.00"), 0, new BigDecimal("0.00"));
        String csv = TrendsCsv.of(new AbsenceTrends.Report(day, day, GroupBy.MONTH, null, List.of(row), total));
        assertEquals("group,from,to,workingDays,availableFteDays,daysLost,daysLostPerFte,timeLost,spells,"
                + "shortTermSpells,shortTermDaysLost,longTermSpells,longTermDaysLost\r\n"
                + "2025-05,2025-05-01,2025-05-01,1,0.00,0.00,,,0,0,0.00,0,0.00\r\n"
                + "total,2025-05-01,2025-05-01,1,2.50,1.00,0.40,0.4000,1,1,1.00,0,0.00\r\n", csv);
    }
}
