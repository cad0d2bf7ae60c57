package uk.workforcewatch.sickness.trends;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Absence trends as CSV (RFC 4180): a header line, one line per group, then the total; lines end with CRLF, a
 * field holding a comma, a quote or a line break is quoted with its quotes doubled, an empty figure is empty.
 */
public final class TrendsCsv {

    public static final String MEDIA_TYPE = "text/csv";

    static final List<String> HEADER = List.of("group", "from", "to", "workingDays", "availableFteDays", "daysLost",
            "daysLostPerFte", "timeLost", "spells", "shortTermSpells", "shortTermDaysLost", "longTermSpells",
            "longTermDaysLost");

    private TrendsCsv() {
    }

    public static String of(AbsenceTrends.Report report) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (AbsenceTrends.Row row : report.rows()) {
            line(csv, fields(row));
        }
        line(csv, fields(report.total()));
        return csv.toString();
    }

    private static List<String> fields(AbsenceTrends.Row row) {
        List<String> fields = new ArrayList<>();
        fields.add(row.key());
        fields.add(row.from().toString());
        fields.add(row.to().toString());
        fields.add(Integer.toString(row.workingDays()));
        fields.add(number(row.availableFteDays()));
        fields.add(number(row.daysLost()));
        fields.add(number(row.daysLostPerFte()));
        fields.add(number(row.timeLost()));
        fields.add(Integer.toString(row.spells()));
        fields.add(Integer.toString(row.shortTermSpells()));
        fields.add(number(row.shortTermDaysLost()));
        fields.add(Integer.toString(row.longTermSpells()));
        fields.add(number(row.longTermDaysLost()));
        return fields;
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
