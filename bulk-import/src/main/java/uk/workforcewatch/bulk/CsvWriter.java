package uk.workforcewatch.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Writes the rows of an export in the import's own format: a header, then one record per row, CRLF between. */
public final class CsvWriter {

    private final Writer out;
    private final List<String> columns;

    public CsvWriter(Writer out, Columns columns) {
        this.out = out;
        this.columns = columns.all();
        record(this.columns);
    }

    /** A row, its values in the order of the columns; null writes an empty value. */
    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            texts[i] = value == null ? "" : value instanceof Enum<?> e ? e.name()
                    : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        }
        record(List.of(texts));
    }

    private void record(List<String> values) {
        try {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quoted(values.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String value) {
        boolean needs = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || !value.equals(value.strip());
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
