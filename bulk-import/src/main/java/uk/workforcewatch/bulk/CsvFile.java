package uk.workforcewatch.bulk;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of one kind read row by row: its header names the columns (in any order; optional ones may be left out),
 * each following record is a row. A record with more or fewer fields than the header is an error of its line.
 */
public final class CsvFile implements AutoCloseable {

    private final CsvReader reader;
    private final RowErrors errors;
    private final List<String> header;
    private long rows;

    public CsvFile(Reader in, Columns columns, RowErrors errors) throws IOException {
        this.reader = new CsvReader(in);
        this.errors = errors;
        List<String> names = reader.next();
        this.header = names == null ? List.of() : names.stream().map(String::strip).toList();
        if (names == null) {
            errors.add(1, null, null, "the file is empty: its first line must name the columns");
        }
        columns.faults(header).forEach(fault -> errors.add(1, null, null, fault));
    }

    /** Whether the header is fit to read rows by: otherwise every row would be wrong for the same reason. */
    public boolean readable() {
        return !errors.any();
    }

    /** The next row, or null at the end of the file. */
    public CsvRow next() throws IOException {
        while (true) {
            List<String> fields = reader.next();
            if (fields == null) {
                return null;
            }
            rows++;
            if (fields.size() != header.size()) {
                errors.add(reader.recordLine(), null, null, "has " + fields.size() + " values where the header names "
                        + header.size() + " columns");
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), fields.get(i));
            }
            return new CsvRow(reader.recordLine(), values, errors);
        }
    }

    /** Up to {@code size} rows; none at the end of the file. */
    public List<CsvRow> next(int size) throws IOException {
        List<CsvRow> rows = new java.util.ArrayList<>();
        CsvRow row;
        while (rows.size() < size && (row = next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    /** The rows read so far. */
    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
