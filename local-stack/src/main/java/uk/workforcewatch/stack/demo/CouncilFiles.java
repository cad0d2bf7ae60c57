package uk.workforcewatch.stack.demo;

import uk.workforcewatch.stack.demo.AbsencePlan.Absence;
import uk.workforcewatch.stack.demo.CouncilPlan.Case;
import uk.workforcewatch.stack.demo.CouncilPlan.Post;
import uk.workforcewatch.stack.demo.CouncilPlan.Team;
import uk.workforcewatch.stack.demo.CouncilPlan.Worker;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The demo council as a council's own files would have it (docs/records.md): staff and post numbers as its HR system
 * numbers them, team names, case references, who held each case from when (the open ones and those closed in the
 * last two years), the year's absence. The stack imports
 * them as a council adopting the system would; they are left in the data folder as examples of the formats.
 */
final class CouncilFiles {

    private final CouncilPlan plan;
    private final AbsencePlan absence;
    private final Map<String, String> staffNumbers = new HashMap<>();
    private final Map<String, String> postNumbers = new HashMap<>();

    CouncilFiles(CouncilPlan plan, AbsencePlan absence) {
        this.plan = plan;
        this.absence = absence;
        for (int i = 0; i < plan.workers().size(); i++) {
            staffNumbers.put(plan.workers().get(i).key(), String.format("E%05d", 10_001 + i));
        }
        for (int i = 0; i < plan.posts().size(); i++) {
            postNumbers.put(plan.posts().get(i).key(), String.format("CSC-%04d", 101 + i));
        }
    }

    String staffNumber(String workerKey) {
        return staffNumbers.get(workerKey);
    }

    String postNumber(String postKey) {
        return postNumbers.get(postKey);
    }

    /** Writes the five files into the folder, replacing any there. */
    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        write(folder.resolve("teams.csv"), "name,serviceArea", plan.teams(),
                (Team team) -> List.of(team.name(), team.area().name()));
        write(folder.resolve("posts.csv"), "postNumber,team,role,fte,establishedOn", plan.posts(),
                (Post post) -> List.of(postNumber(post.key()), plan.team(post.teamKey()).name(), post.role().name(),
                        post.fte().toPlainString(), post.establishedOn().toString()));
        write(folder.resolve("workers.csv"), "staffNumber,name,employment,startDate,effectiveFrom,role,team,fte,"
                        + "postNumber,registrationNumber,origin,qualificationInstitution,qualificationLevel,censusRole,"
                        + "careerStage,leftOn,leavingReason,leavingDestination", plan.workers(), this::worker);
        writeRows(folder.resolve("cases.csv"), "reference,category,team,openedOn,effectiveOn,staffNumber,closedOn,"
                + "closeReason", Stream.concat(plan.closedCases().stream(), plan.cases().stream())
                .sorted(Comparator.comparing(Case::reference)).toList(), this::changes);
        write(folder.resolve("absences.csv"), "staffNumber,startDate,reason,certification,endDate,returnInterviewOn,"
                        + "returnInterviewBy", absence.absences(),
                (Absence episode) -> List.of(staffNumber(episode.workerKey()), episode.startDate().toString(),
                        episode.reason().name(), episode.certification().name(), text(episode.endDate()),
                        text(episode.interviewOn()), text(episode.interviewBy())));
    }

    /** A row for each change of who held the case, or one without a change for a case nobody has held. */
    private List<List<String>> changes(Case kase) {
        List<String> facts = List.of(kase.reference(), kase.category().name(), plan.team(kase.teamKey()).name(),
                kase.openedOn().toString());
        List<String> closure = List.of(text(kase.closedOn()), text(kase.closeReason()));
        if (kase.history().isEmpty()) {
            return List.of(row(facts, List.of("", ""), closure));
        }
        return kase.history().stream().map(change -> row(facts, List.of(change.on().toString(),
                change.workerKey() == null ? "" : staffNumber(change.workerKey())), closure)).toList();
    }

    @SafeVarargs
    private static List<String> row(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }

    /** A worker's one period, from their first day, in the post they fill or cover. */
    private List<String> worker(Worker worker) {
        return List.of(staffNumber(worker.key()), worker.name(), worker.employment().name(),
                worker.startDate().toString(), worker.startDate().toString(), worker.role().name(),
                plan.team(worker.teamKey()).name(), worker.fte().toPlainString(),
                worker.postKey() == null ? "" : postNumber(worker.postKey()), text(worker.registrationNumber()),
                text(worker.origin()), worker.qualification() == null ? "" : worker.qualification().institution(),
                worker.qualification() == null ? "" : text(worker.qualification().level()), text(worker.censusRole()),
                text(worker.careerStage()), worker.leaving() == null ? "" : worker.leaving().leftOn().toString(),
                worker.leaving() == null ? "" : worker.leaving().reason().name(),
                worker.leaving() == null ? "" : text(worker.leaving().destination()));
    }

    private static <T> void write(Path file, String header, List<T> items, Function<T, List<String>> row)
            throws IOException {
        writeRows(file, header, items, item -> List.of(row.apply(item)));
    }

    /** Each item as one row or more. */
    private static <T> void writeRows(Path file, String header, List<T> items, Function<T, List<List<String>>> rows)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header + "\r\n");
            for (T item : items) {
                for (List<String> row : rows.apply(item)) {
                    out.write(String.join(",", row.stream().map(CouncilFiles::quoted).toList()) + "\r\n");
                }
            }
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
