package uk.workforcewatch.bulk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The rows of one thing together (a worker and their periods, a case and its history): consecutive rows with the
 * same key make one group. Only the group in hand is held; the keys seen are kept so that a thing whose rows are
 * not together is an error, not two things.
 */
public final class RowGroups {

    /** One thing's rows, in the file's order. */
    public record Group(String key, List<CsvRow> rows) {

        public CsvRow first() {
            return rows.get(0);
        }
    }

    private final CsvFile file;
    private final String keyColumn;
    private final Set<String> seen = new HashSet<>();
    private CsvRow pending;

    public RowGroups(CsvFile file, String keyColumn) {
        this.file = file;
        this.keyColumn = keyColumn;
    }

    /** The next group, or null at the end; a row without its key is an error of its own and left out. */
    public Group next() throws IOException {
        CsvRow first = pending != null ? pending : nextKeyed();
        pending = null;
        if (first == null) {
            return null;
        }
        String key = first.text(keyColumn);
        if (!seen.add(key)) {
            first.reject(keyColumn, "rows of " + key + " must be together: it was named before this line");
        }
        List<CsvRow> rows = new ArrayList<>(List.of(first));
        CsvRow row;
        while ((row = nextKeyed()) != null && key.equals(row.text(keyColumn))) {
            rows.add(row);
        }
        pending = row;
        return new Group(key, rows);
    }

    /** Up to {@code size} groups, none at the end. */
    public List<Group> next(int size) throws IOException {
        List<Group> groups = new ArrayList<>();
        Group group;
        while (groups.size() < size && (group = next()) != null) {
            groups.add(group);
        }
        return groups;
    }

    private CsvRow nextKeyed() throws IOException {
        CsvRow row;
        while ((row = file.next()) != null) {
            if (row.required(keyColumn) != null) {
                return row;
            }
        }
        return null;
    }

    /** The keys of the groups, for a lookup in one statement. */
    public static <T> List<T> keys(List<Group> groups, Function<Group, T> key) {
        return groups.stream().map(key).toList();
    }
}
