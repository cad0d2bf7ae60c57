package uk.workforcewatch.gateway.forward;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which service owns a path of the public API. Most paths belong to a service by their first segment
 * under {@code /api/v1}; workers and teams are shared: a worker's caseload and allocation check, and a
 * team's caseloads, are caseload-service's, the rest staffing-service's. A council's files, at
 * {@code /imports/{kind}} and {@code /exports/{kind}}, go to the service that owns the kind. Anything else (alerts,
 * breaches, silences, monitoring, the gateway's audit log) is the gateway's own and is not forwarded.
 */
public final class RouteTable {

    public static final String PREFIX = "/api/v1/";

    private static final Map<String, Service> BY_FIRST_SEGMENT = Map.ofEntries(
            Map.entry("teams", Service.STAFFING),
            Map.entry("workers", Service.STAFFING),
            Map.entry("posts", Service.STAFFING),
            Map.entry("vacancies", Service.STAFFING),
            Map.entry("indicators", Service.STAFFING),
            Map.entry("cases", Service.CASELOAD),
            Map.entry("caseloads", Service.CASELOAD),
            Map.entry("absences", Service.SICKNESS),
            Map.entry("absence-trends", Service.SICKNESS),
            Map.entry("long-term-absences", Service.SICKNESS),
            Map.entry("bradford-factors", Service.SICKNESS),
            Map.entry("return-interviews", Service.SICKNESS),
            Map.entry("absence-thresholds", Service.SICKNESS),
            // sickness-service's audit log, renamed from /audit, which becomes the gateway's own
            Map.entry("absence-audit", Service.SICKNESS));

    /** The first segments of the file paths, {@code /imports/{kind}} and {@code /exports/{kind}}. */
    private static final Set<String> FILE_ROOTS = Set.of("imports", "exports");

    /** Each kind of file a council's records come in and go out as, with the service that owns those records. */
    private static final Map<String, Service> FILE_KINDS = Map.of(
            "teams", Service.STAFFING,
            "posts", Service.STAFFING,
            "workers", Service.STAFFING,
            "cases", Service.CASELOAD,
            "absences", Service.SICKNESS);

    /** Third segments under {@code /workers/{id}} and {@code /teams/{id}} that are caseload-service's. */
    private static final Map<String, Set<String>> CASELOAD_SUBRESOURCES = Map.of(
            "workers", Set.of("caseload", "allocation-check"),
            "teams", Set.of("caseloads"));

    private RouteTable() {
    }

    /** The service that owns the path, or empty when the gateway serves it itself. */
    public static Optional<Service> ownerOf(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<String> segments = Arrays.stream(path.substring(PREFIX.length()).split("/"))
                .filter(s -> !s.isEmpty()).toList();
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        String first = segments.get(0);
        if (FILE_ROOTS.contains(first)) {
            return segments.size() == 2 ? Optional.ofNullable(FILE_KINDS.get(segments.get(1))) : Optional.empty();
        }
        Service owner = BY_FIRST_SEGMENT.get(first);
        if (owner == null) {
            return Optional.empty();
        }
        if (segments.size() >= 3 && CASELOAD_SUBRESOURCES.getOrDefault(first, Set.of()).contains(segments.get(2))) {
            return Optional.of(Service.CASELOAD);
        }
        return Optional.of(owner);
    }

    /** The first segments under {@code /api/v1} that are forwarded, each with everything under it. */
    public static Set<String> forwardedRoots() {
        Set<String> roots = new TreeSet<>(BY_FIRST_SEGMENT.keySet());
        roots.addAll(FILE_ROOTS);
        return roots;
    }

    /** The forwarded roots under which files go: they are streamed, never held whole. */
    public static Set<String> fileRoots() {
        return FILE_ROOTS;
    }

    /** The kinds of file that are imported and exported, in order. */
    public static List<String> fileKinds() {
        return FILE_KINDS.keySet().stream().sorted().toList();
    }
}
