package uk.workforcewatch.bulk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One row of a file, its values by column name, read as the types the services take. A value that will not read
 * is an error of the row, named by line, column and value; the reader carries on, so one pass finds every error.
 */
public final class CsvRow {

    private final long line;
    private final Map<String, String> values;
    private final RowErrors errors;
    private int faults;

    CsvRow(long line, Map<String, String> values, RowErrors errors) {
        this.line = line;
        this.values = values;
        this.errors = errors;
    }

    public long line() {
        return line;
    }

    /** The value as written, trimmed; empty values read as null. */
    public String text(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String required(String column) {
        String value = text(column);
        if (value == null) {
            reject(column, "is required");
        }
        return value;
    }

    /** Text of at most {@code max} characters. */
    public String text(String column, int max, boolean required) {
        String value = required ? required(column) : text(column);
        if (value != null && value.length() > max) {
            reject(column, "must be at most " + max + " characters");
            return null;
        }
        return value;
    }

    /** An ISO date, such as 2024-09-30. */
    public LocalDate date(String column, boolean required) {
        return parse(column, required, LocalDate::parse, "must be a date such as 2024-09-30");
    }

    public BigDecimal decimal(String column, boolean required) {
        return parse(column, required, BigDecimal::new, "must be a number such as 0.8");
    }

    /** One of the names of the enumeration, as the API takes them. */
    public <E extends Enum<E>> E choice(String column, Class<E> type, boolean required) {
        return parse(column, required, value -> Enum.valueOf(type, value), () -> "must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** An error of this row in the column, with the value it holds. */
    public void reject(String column, String message) {
        faults++;
        errors.add(line, column, values.get(column), message);
    }

    /** An error of the row as a whole. */
    public void rejectRow(String message) {
        faults++;
        errors.add(line, null, null, message);
    }

    /** No error was found in this row (so far). */
    public boolean valid() {
        return faults == 0;
    }

    private <T> T parse(String column, boolean required, Function<String, T> parser, String expected) {
        return parse(column, required, parser, () -> expected);
    }

    private <T> T parse(String column, boolean required, Function<String, T> parser, Supplier<String> expected) {
        String value = required ? required(column) : text(column);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            reject(column, expected.get());
            return null;
        }
    }
}
