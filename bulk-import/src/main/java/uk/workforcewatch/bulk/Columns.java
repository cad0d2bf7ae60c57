package uk.workforcewatch.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A file kind's columns, in the order an export writes them: those every row must have, and those it may. */
public record Columns(List<String> required, List<String> optional) {

    public static Columns of(List<String> required, List<String> optional) {
        return new Columns(List.copyOf(required), List.copyOf(optional));
    }

    public List<String> all() {
        return Stream.concat(required.stream(), optional.stream()).toList();
    }

    /** The header's faults: a required column missing, a column this kind has not, a column named twice. */
    List<String> faults(List<String> header) {
        List<String> faults = new ArrayList<>();
        for (String column : required) {
            if (!header.contains(column)) {
                faults.add("the required column " + column + " is missing");
            }
        }
        List<String> seen = new ArrayList<>();
        for (String column : header) {
            if (!all().contains(column)) {
                faults.add("no column is called " + column + "; the columns are " + String.join(", ", all()));
            } else if (seen.contains(column)) {
                faults.add("the column " + column + " is named twice");
            }
            seen.add(column);
        }
        return faults;
    }
}
