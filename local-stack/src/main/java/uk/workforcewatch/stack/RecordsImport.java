package uk.workforcewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Imports a folder of a council's files through the gateway, each kind in the order the others depend on: teams,
 * posts and workers (staffing), then cases and absences, which name workers by staff number. Those two services learn
 * of staffing's workers from its events, a moment later: each of their files is first checked (a dry run) until no row
 * names a team or worker they have not heard of yet, then imported. Stops at the first file with a wrong row.
 */
public final class RecordsImport {

    /** A kind of file, who may import it, and the faults that only mean the service has not heard of staffing yet. */
    record Kind(String name, boolean seniorManager, boolean waitsForStaffing) {

        Path file(Path folder) {
            return folder.resolve(name + ".csv");
        }
    }

    static final List<Kind> ORDER = List.of(new Kind("teams", false, false), new Kind("posts", false, false),
            new Kind("workers", false, false), new Kind("cases", true, true), new Kind("absences", false, true));
    private static final Duration STAFFING_WAIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Function<String, URI> serviceOf;
    private final Supplier<String> hrOfficer;
    private final Supplier<String> seniorManager;
    private final PrintStream out;

    /** {@code serviceOf} gives where to send each kind: the gateway for all, or the service that owns it. */
    public RecordsImport(HttpClient http, Function<String, URI> serviceOf, Supplier<String> hrOfficer,
                         Supplier<String> seniorManager, PrintStream out) {
        this.http = http;
        this.serviceOf = serviceOf;
        this.hrOfficer = hrOfficer;
        this.seniorManager = seniorManager;
        this.out = out;
    }

    /** Imports every file of the folder there is; false when one was refused, and nothing after it was sent. */
    public boolean folder(Path folder, boolean dryRun) throws IOException, InterruptedException {
        List<Kind> present = ORDER.stream().filter(kind -> Files.isRegularFile(kind.file(folder))).toList();
        if (present.isEmpty()) {
            out.println("No files to import in " + folder + ": expected any of "
                    + String.join(", ", ORDER.stream().map(kind -> kind.name() + ".csv").toList()));
            return false;
        }
        for (Kind kind : present) {
            if (kind.waitsForStaffing() && !dryRun) {
                awaitStaffing(kind, folder);
            }
            JsonNode answer = send(kind, folder, dryRun);
            boolean refused = !answer.has("kind");
            print(kind, refused ? answer.get("report") : answer);
            if (refused) {
                return false;
            }
        }
        return true;
    }

    /** Dry runs until the service has heard of every team and worker the file names, or the wait is over. */
    private void awaitStaffing(Kind kind, Path folder) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(STAFFING_WAIT);
        while (Instant.now().isBefore(until)) {
            JsonNode answer = send(kind, folder, true);
            if (answer.has("kind") || !namesUnknownStaffing(answer.path("report"))) {
                return;
            }
            Thread.sleep(1_000);
        }
    }

    private static boolean namesUnknownStaffing(JsonNode report) {
        for (JsonNode error : report.path("errors")) {
            if (error.path("message").asText().contains("staffing has told of")) {
                return true;
            }
        }
        return false;
    }

    private JsonNode send(Kind kind, Path folder, boolean dryRun) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(serviceOf.apply(kind.name())
                        .resolve("/api/v1/imports/" + kind.name() + "?dryRun=" + dryRun))
                .header("Authorization", "Bearer " + (kind.seniorManager() ? seniorManager.get() : hrOfficer.get()))
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofFile(kind.file(folder)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        if (response.statusCode() != 200 && !body.has("report")) {
            throw new IOException(kind.name() + ".csv was answered " + response.statusCode() + ": " + response.body());
        }
        return body;
    }

    private void print(Kind kind, JsonNode report) {
        out.printf("%s.csv: %d rows; %d created, %d updated, %d unchanged%s%n", kind.name(), report.path("rows").asLong(),
                report.path("created").asLong(), report.path("updated").asLong(), report.path("unchanged").asLong(),
                report.path("dryRun").asBoolean() ? " (a dry run: nothing written)" : "");
        long errors = report.path("errorCount").asLong();
        if (errors > 0) {
            out.printf("  refused, nothing written: %d errors%n", errors);
            List<String> lines = new ArrayList<>();
            for (JsonNode error : report.path("errors")) {
                if (lines.size() == 20) {
                    lines.add("  ...");
                    break;
                }
                lines.add("  line " + error.path("line").asLong() + (error.path("column").isTextual()
                        ? ", " + error.path("column").asText() + " '" + error.path("value").asText("") + "'" : "")
                        + ": " + error.path("message").asText());
            }
            lines.forEach(out::println);
        }
    }
}
