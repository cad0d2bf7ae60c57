package uk.workforcewatch.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the READMEs say that the deployment files must agree with. */
final class Docs {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern DEAD_LETTER_TOPIC = Pattern.compile("`([a-z0-9.-]+\\.dead-letter\\.v[0-9]+)`");

    /** A ConfigMap or Secret that k8s/README.md tells operators to create, with the keys it must hold. */
    record ExternalObject(String name, String kind, Set<String> keys) {
    }

    private Docs() {
    }

    /**
     * Every topic of the system per the README: the first column of its topic table ({@code | topic | key | types |})
     * and every dead-letter topic it names.
     */
    static Set<String> topics() {
        String readme = Repository.read(Repository.path("README.md"));
        Set<String> topics = new LinkedHashSet<>();
        for (List<String> row : table(readme, List.of("topic", "key"))) {
            Matcher code = CODE.matcher(row.get(0));
            if (code.find()) {
                topics.add(code.group(1));
            }
        }
        Matcher deadLetter = DEAD_LETTER_TOPIC.matcher(readme);
        while (deadLetter.find()) {
            topics.add(deadLetter.group(1));
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException("README.md has no topic table (| topic | key | types |)");
        }
        return topics;
    }

    /** The objects listed in k8s/README.md's table {@code | name | kind | keys | ...}. */
    static Map<String, ExternalObject> externalObjects() {
        String readme = Repository.read(Repository.path("k8s/README.md"));
        Map<String, ExternalObject> objects = new LinkedHashMap<>();
        for (List<String> row : table(readme, List.of("name", "kind", "keys"))) {
            Matcher name = CODE.matcher(row.get(0));
            if (!name.find()) {
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            Matcher key = CODE.matcher(row.get(2));
            while (key.find()) {
                keys.add(key.group(1));
            }
            String kind = row.get(1).replace("`", "").trim();
            objects.put(kind + "/" + name.group(1), new ExternalObject(name.group(1), kind, keys));
        }
        return objects;
    }

    /** The body rows of every markdown table whose header starts with the given column names. */
    private static List<List<String>> table(String markdown, List<String> header) {
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : markdown.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("|")) {
                inTable = false;
                continue;
            }
            List<String> cells = cells(trimmed);
            if (!inTable) {
                inTable = cells.size() >= header.size() && header.equals(cells.subList(0, header.size()).stream()
                        .map(c -> c.toLowerCase(Locale.ROOT)).toList());
                continue;
            }
            if (cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
                continue;
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
