package uk.workforcewatch.gateway.forward;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which service owns which path: pinned by hand, and checked against every {@code @Path} in the services' source. */
class RouteTableTest {

    private static final String ID = "0b6f3e0e-8d2a-4c1e-9a51-2f4a7c9d1e11";

    /** sickness-service's audit log is moving to /absence-audit; /audit becomes the gateway's own. */
    private static final Map<String, String> RENAMED = Map.of("/api/v1/audit", "/api/v1/absence-audit");

    /** The kinds of file each service takes at {@code /imports/{kind}} and {@code /exports/{kind}}. */
    private static final Map<String, List<String>> KINDS = Map.of(
            "staffing-service", List.of("teams", "posts", "workers"),
            "caseload-service", List.of("cases"),
            "sickness-service", List.of("absences"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/v1/teams, STAFFING",
            "/api/v1/teams/" + ID + ", STAFFING",
            "/api/v1/teams/" + ID + "/caseloads, CASELOAD",
            "/api/v1/workers, STAFFING",
            "/api/v1/workers/" + ID + ", STAFFING",
            "/api/v1/workers/" + ID + "/changes, STAFFING",
            "/api/v1/workers/" + ID + "/leaving, STAFFING",
            "/api/v1/workers/" + ID + "/caseload, CASELOAD",
            "/api/v1/workers/" + ID + "/allocation-check, CASELOAD",
            "/api/v1/workers/caseload, STAFFING",
            "/api/v1/posts, STAFFING",
            "/api/v1/posts/" + ID + "/recruitment/" + ID + ", STAFFING",
            "/api/v1/vacancies, STAFFING",
            "/api/v1/indicators, STAFFING",
            "/api/v1/cases, CASELOAD",
            "/api/v1/caseloads, CASELOAD",
            "/api/v1/cases/" + ID + "/allocation, CASELOAD",
            "/api/v1/absences, SICKNESS",
            "/api/v1/absences/" + ID + "/return-interview, SICKNESS",
            "/api/v1/absence-trends, SICKNESS",
            "/api/v1/long-term-absences, SICKNESS",
            "/api/v1/bradford-factors, SICKNESS",
            "/api/v1/return-interviews/due, SICKNESS",
            "/api/v1/absence-audit, SICKNESS",
            "/api/v1/absence-thresholds, SICKNESS",
            "/api/v1/teams/, STAFFING",
            "/api/v1/imports/teams, STAFFING",
            "/api/v1/imports/posts, STAFFING",
            "/api/v1/imports/workers, STAFFING",
            "/api/v1/exports/workers, STAFFING",
            "/api/v1/imports/cases, CASELOAD",
            "/api/v1/exports/cases, CASELOAD",
            "/api/v1/imports/absences, SICKNESS",
            "/api/v1/exports/absences/, SICKNESS"
    })
    void forwarded(String path, Service owner) {
        assertEquals(Optional.of(owner), RouteTable.ownerOf(path));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/alerts", "/api/v1/alerts/stream", "/api/v1/alerts/" + ID + "/acknowledgement", "/api/v1/breaches",
            "/api/v1/silences", "/api/v1/silences/" + ID, "/api/v1/monitoring/workers/" + ID,
            "/api/v1/monitoring/teams/" + ID, "/api/v1/allocation-options", "/api/v1/audit", "/api/v1/",
            "/api/v1", "/api/v1/teamsx", "/api/v2/teams", "/q/health", "/teams",
            // a kind no service takes, or none, is answered by the gateway (404)
            "/api/v1/imports/shoes", "/api/v1/exports/" + ID, "/api/v1/imports", "/api/v1/exports/teams/extra"
    })
    void servedByTheGateway(String path) {
        assertEquals(Optional.empty(), RouteTable.ownerOf(path));
    }

    @Test
    void everyPathOfEachServiceGoesToThatService() {
        assertOwned("staffing-service", Service.STAFFING);
        assertOwned("caseload-service", Service.CASELOAD);
        assertOwned("sickness-service", Service.SICKNESS);
    }

    @Test
    void noPathOfTheGatewayIsForwarded() {
        List<String> paths = paths(Path.of("src/main/java"), List.of());
        assertFalse(paths.isEmpty());
        for (String path : paths) {
            assertEquals(Optional.empty(), RouteTable.ownerOf(path), path);
        }
    }

    private static void assertOwned(String module, Service owner) {
        List<String> paths = paths(Path.of("..", module, "src", "main", "java"), KINDS.get(module));
        assertTrue(paths.size() >= 3, module + " has its resources where expected");
        for (String path : paths) {
            String current = RENAMED.getOrDefault(path, path);
            assertEquals(Optional.of(owner), RouteTable.ownerOf(current), module + ": " + current);
        }
    }

    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern VERB = Pattern.compile("@(GET|POST|PUT|PATCH|DELETE|HEAD)\\b");
    private static final Pattern CLASS = Pattern.compile("\\b(class|interface|record)\\s+\\w+");

    private static long count(Pattern pattern, String text) {
        return pattern.matcher(text).results().count();
    }

    /** Every resource path in the sources: the class's @Path joined with each method's, ids and each kind filled in. */
    private static List<String> paths(Path sources, List<String> kinds) {
        assertTrue(Files.isDirectory(sources), sources.toAbsolutePath().toString());
        List<String> paths = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher declaration = CLASS.matcher(text);
                int classAt = declaration.find() ? declaration.start() : 0;
                String root = "";
                List<String> methods = new ArrayList<>();
                Matcher path = PATH.matcher(text);
                while (path.find()) {
                    if (path.start() < classAt) {
                        root = path.group(1);
                    } else {
                        methods.add(path.group(1));
                    }
                }
                if (root.isEmpty()) {
                    continue;
                }
                // the class's own path is an endpoint when a resource method has no @Path of its own
                if (count(VERB, text) > methods.size()) {
                    paths.add(root);
                }
                for (String method : methods) {
                    paths.add(root + (method.startsWith("/") ? "" : "/") + method);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths.stream()
                .flatMap(p -> p.contains("{kind}") ? kinds.stream().map(kind -> p.replace("{kind}", kind)) : Stream.of(p))
                .map(p -> p.replaceAll("\\{[^}]+}", ID)).distinct().toList();
    }
}
