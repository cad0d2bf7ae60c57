package uk.workforcewatch.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong in a file, row by row: every error counted, the first {@link #LISTED} kept with their line, column,
 * value and why, so a file wrong throughout still answers in bounded memory.
 */
public final class RowErrors {

    public static final int LISTED = 1_000;

    /** One value at fault; {@code column} is empty for what concerns the whole row, {@code line} 0 the whole file. */
    public record RowError(long line, String column, String value, String message) {
    }

    private final List<RowError> listed = new ArrayList<>();
    private long count;

    public void add(long line, String column, String value, String message) {
        count++;
        if (listed.size() < LISTED) {
            listed.add(new RowError(line, column, value, message));
        }
    }

    public long count() {
        return count;
    }

    public boolean any() {
        return count > 0;
    }

    public List<RowError> listed() {
        return List.copyOf(listed);
    }
}
