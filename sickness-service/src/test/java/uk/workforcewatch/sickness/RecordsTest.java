package uk.workforcewatch.sickness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.absence.AbsenceEpisodeEvent;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.absence.AbsenceTopics;
import uk.workforcewatch.events.absence.WorkerAbsenceEvent;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.workforcewatch.sickness.Api.hr;
import static uk.workforcewatch.sickness.Api.problem;
import static uk.workforcewatch.sickness.Api.recorded;
import static uk.workforcewatch.sickness.Api.today;

/**
 * A council's absence records brought in as its HR system's file: checked whole as the API checks an episode before
 * anything is written, recorded with the events the API would publish, imported once however often they are sent,
 * and taken out again as they came in.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class RecordsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HEADER = "staffNumber,startDate,reason,certification,endDate,returnInterviewOn,"
            + "returnInterviewBy";

    /** A council of its own: a team and two workers with staff numbers no other test uses. */
    private static final class Council {
        final String key = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        final UUID team = Staffing.team();
        final UUID ann = Staffing.worker(team, "1.0", number(1));
        final UUID bob = Staffing.worker(team, "0.5", number(2));

        String number(int n) {
            return "S" + key + "-0" + n;
        }

        /** Ann: a week in 2021 and Christmas 2024, both over and interviewed; Bob (0.5): a week, and off since ten days ago. */
        String absences() {
            return csv(HEADER,
                    number(1) + ",2021-06-07,INFECTION,SELF_CERTIFIED,2021-06-11,2021-06-14,Team manager",
                    number(1) + ",2024-12-23,MINOR_ILLNESS,FIT_NOTE,2025-01-03,2025-01-06,\"Smith, J\"",
                    number(2) + ",2025-03-03,MUSCULOSKELETAL,SELF_CERTIFIED,2025-03-07,,",
                    number(2) + "," + today().minusDays(10) + ",STRESS_MENTAL_HEALTH,FIT_NOTE,,,");
        }
    }

    @Test
    void aCouncilsAbsenceComesInWithItsWorkingDaysLostAndTheEventsTheApiPublishes() {
        Council council = new Council();
        imported(council.absences()).body("rows", equalTo(4), "created", equalTo(4), "errorCount", equalTo(0),
                "written", equalTo(true));

        ValidatableResponse ann = episodes(council.ann).body("total", equalTo(2));
        ann.body("items[0].startDate", equalTo("2024-12-23"), "items[0].workingDays", equalTo(7),
                "items[0].workingDaysLost", equalTo(7.0f), "items[0].reason", equalTo("MINOR_ILLNESS"),
                "items[0].certification", equalTo("FIT_NOTE"), "items[0].returnInterviewBy", equalTo("Smith, J"),
                "items[0].teamId", equalTo(council.team.toString()), "items[0].version", equalTo(0));
        ann.body("items[1].startDate", equalTo("2021-06-07"), "items[1].workingDaysLost", equalTo(5.0f));
        ValidatableResponse bob = episodes(council.bob).body("total", equalTo(2));
        bob.body("items[0].open", equalTo(true), "items[1].workingDaysLost", equalTo(2.5f));

        AbsenceThresholds configured = new AbsenceThresholds(28, 200, 3);
        for (String id : ids(council.ann, council.bob)) {
            var events = EventLog.awaitRecords(AbsenceTopics.EPISODES, id, 1, AbsenceEpisodeEvent.class, WAIT);
            assertEquals(1, events.size());
            assertEquals(AbsenceEpisodeEvent.STARTED, events.get(0).ceType());
            assertEquals(0L, events.get(0).event().version());
            assertEquals(configured, events.get(0).event().thresholds());
        }
        // Bob is absent today, in the open episode; Ann's history says nothing about today, so nothing of her
        String open = episodes(council.bob).extract().path("items[0].id");
        var status = EventLog.awaitRecords(AbsenceTopics.WORKER_ABSENCE, council.bob.toString(), 1,
                WorkerAbsenceEvent.class, WAIT);
        assertEquals(1, status.size());
        assertTrue(status.get(0).event().absence().absent());
        assertEquals(today().minusDays(10), status.get(0).event().absence().since());
        assertEquals(UUID.fromString(open), status.get(0).event().absence().episodeId());
        assertEquals(0L, status.get(0).event().version());
        assertNoStatusPublished(council.ann);
    }

    @Test
    void theSameFileAgainChangesNothingAndALaterFileUpdatesWhatItChanges() {
        Council council = new Council();
        imported(council.absences());
        imported(council.absences()).body("created", equalTo(0), "updated", equalTo(0), "unchanged", equalTo(4));

        // HR's later file: Bob came back yesterday and was interviewed today; Ann's 2021 week was minor illness
        String later = council.absences()
                .replace(today().minusDays(10) + ",STRESS_MENTAL_HEALTH,FIT_NOTE,,,", today().minusDays(10)
                        + ",STRESS_MENTAL_HEALTH,FIT_NOTE," + today().minusDays(1) + "," + today() + ",HR officer")
                .replace("2021-06-07,INFECTION", "2021-06-07,MINOR_ILLNESS");
        imported(later).body("created", equalTo(0), "updated", equalTo(2), "unchanged", equalTo(2));

        String open = episodes(council.bob).body("items[0].open", equalTo(false), "items[0].version", equalTo(1),
                "items[0].returnInterviewOn", equalTo(today().toString())).extract().path("items[0].id");
        var events = EventLog.awaitRecords(AbsenceTopics.EPISODES, open, 2, AbsenceEpisodeEvent.class, WAIT);
        assertEquals(List.of(AbsenceEpisodeEvent.STARTED, AbsenceEpisodeEvent.ENDED),
                events.stream().map(EventLog.Published::ceType).toList(), "and nothing from the second import");
        assertEquals(List.of(0L, 1L), events.stream().map(e -> e.event().version()).toList());
        String week = episodes(council.ann).body("items[1].reason", equalTo("MINOR_ILLNESS"),
                "items[1].version", equalTo(1), "items[0].version", equalTo(0)).extract().path("items[1].id");
        assertEquals(List.of(AbsenceEpisodeEvent.STARTED, AbsenceEpisodeEvent.CHANGED),
                EventLog.awaitRecords(AbsenceTopics.EPISODES, week, 2, AbsenceEpisodeEvent.class, WAIT).stream()
                        .map(EventLog.Published::ceType).toList());
        var status = EventLog.awaitRecords(AbsenceTopics.WORKER_ABSENCE, council.bob.toString(), 2,
                WorkerAbsenceEvent.class, WAIT);
        assertEquals(List.of(true, false), status.stream().map(e -> e.event().absence().absent()).toList());
    }

    @Test
    void aFileWithOneWrongRowWritesNothingAndTheReportNamesItsLineColumnValueAndWhy() {
        Council council = new Council();
        String wrong = council.absences().replace("2025-03-03,MUSCULOSKELETAL,SELF_CERTIFIED,2025-03-07",
                "2025-03-03,MUSCULOSKELETAL,SELF_CERTIFIED,2025-02-28");

        problem(hr().contentType("text/csv").body(wrong).post("/api/v1/imports/absences").then(), 400)
                .body("report.written", equalTo(false), "report.errorCount", equalTo(1),
                        "detail", containsString("line 4"))
                .body("report.errors[0].line", equalTo(4), "report.errors[0].column", equalTo("endDate"),
                        "report.errors[0].value", equalTo("2025-02-28"),
                        "report.errors[0].message", equalTo("must not be before the start date 2025-03-03"));
        episodes(council.ann).body("total", equalTo(0));

        imported(council.absences(), true).body("created", equalTo(4), "written", equalTo(false),
                "dryRun", equalTo(true));
        episodes(council.bob).body("total", equalTo(0));
        imported(council.absences()).body("created", equalTo(4));
    }

    @Test
    void everyFaultIsReportedInOnePassAndADateOutsideTheCalendarNamesItsYears() {
        Council council = new Council();
        recorded(council.bob, LocalDate.parse("2025-10-06"), LocalDate.parse("2025-10-10"));
        String ann = council.number(1);
        String file = csv(HEADER,
                "S" + council.key + "-99,2025-03-03,OTHER,SELF_CERTIFIED,2025-03-04,,",
                ann + ",2031-01-06,OTHER,SELF_CERTIFIED,,,",
                ann + ",2025-03-10,OTHER,SELF_CERTIFIED,2025-03-07,,",
                ann + "," + today().plusDays(40) + ",OTHER,SELF_CERTIFIED,,,",
                ann + ",2025-04-07,OTHER,SELF_CERTIFIED,,2025-04-08,Team manager",
                ann + ",2025-05-05,OTHER,SELF_CERTIFIED,2025-05-09,2025-05-08,Team manager",
                ann + "," + today().minusDays(5) + ",OTHER,SELF_CERTIFIED," + today().minusDays(4) + ","
                        + today().plusDays(1) + ",Team manager",
                ann + ",2025-06-02,OTHER,SELF_CERTIFIED,2025-06-03,2025-06-04,",
                ann + ",2019-06-03,OTHER,SELF_CERTIFIED,2019-06-04,,",
                ann + ",2025-09-01,OTHER,SELF_CERTIFIED,2025-09-05,,",
                ann + ",2025-09-04,OTHER,SELF_CERTIFIED,2025-09-10,,",
                ann + ",2025-09-01,INJURY,FIT_NOTE,2025-09-05,,",
                council.number(2) + ",2025-10-08,OTHER,SELF_CERTIFIED,2025-10-09,,",
                ann + ",2025-11-03,FLU,SELF_CERTIFIED,,,",
                ann + ",2025-11-17,OTHER,,2025-11-18,,");
        ValidatableResponse report = problem(hr().contentType("text/csv").body(file)
                .post("/api/v1/imports/absences").then(), 400);
        Map<String, String> faults = report.extract().jsonPath().<Map<String, Object>>getList("report.errors").stream()
                .collect(Collectors.toMap(e -> e.get("line") + " " + e.get("column"), e -> (String) e.get("message")));
        assertEquals(Map.ofEntries(
                Map.entry("2 staffNumber", "names no worker known here (staffing-service's workers, with their staff"
                        + " numbers, come first)"),
                Map.entry("3 startDate", "2031-01-06 lies outside the supported years 2018 to 2030 of the working-day"
                        + " calendar"),
                Map.entry("4 endDate", "must not be before the start date 2025-03-10"),
                Map.entry("5 startDate", "must not be more than 30 days after today"),
                Map.entry("6 returnInterviewOn", "an episode still open has no return-to-work interview: record it"
                        + " with the episode's end date"),
                Map.entry("7 returnInterviewOn", "must not be before the last day of absence 2025-05-09"),
                Map.entry("8 returnInterviewOn", "must not be in the future"),
                Map.entry("9 returnInterviewBy", "the interview's day and who held it come together"),
                Map.entry("10 startDate", "the worker is not employed on 2019-06-03: employed from 2020-01-06"),
                Map.entry("12 startDate", "overlaps the episode from 2025-09-01 to 2025-09-05, on line 11"),
                Map.entry("13 startDate", "the episode of " + ann + " from 2025-09-01 is on line 11 already"),
                Map.entry("14 startDate", "overlaps the episode from 2025-10-06 to 2025-10-10, already recorded"),
                Map.entry("15 reason", "must be one of STRESS_MENTAL_HEALTH, MUSCULOSKELETAL, MINOR_ILLNESS,"
                        + " INFECTION, INJURY, PREGNANCY_RELATED, OTHER"),
                Map.entry("16 certification", "is required")), faults);
        report.body("report.errorCount", equalTo(14), "report.errors.find { it.line == 3 }.value",
                equalTo("2031-01-06"));
        episodes(council.ann).body("total", equalTo(0));
    }

    @Test
    void anExportIsTheImportsOwnFormatComesBackInEqualAndIsAuditedOnce() {
        Council council = new Council();
        imported(council.absences());

        String export = hr().get("/api/v1/exports/absences").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("absences.csv")).extract().asString();
        hr().get("/api/v1/absence-audit").then().statusCode(200)
                .body("items[0].what", equalTo("export of " + (export.split("\r\n").length - 1) + " absence episodes"),
                        "items[0].reader", equalTo("hr-officer-user"), "items[0].readerRole", equalTo("hr-officer"),
                        "items[0].workerId", nullValue());
        assertEquals(council.absences(), only(export, council.key));
        // and an export taken in again is the same records: nothing changes
        imported(only(export, council.key)).body("unchanged", equalTo(4), "created", equalTo(0), "updated", equalTo(0));
    }

    @Test
    void onlyHrOfficersBringAbsenceInOrTakeItOut() {
        for (String token : List.of(Tokens.teamManager(UUID.randomUUID()), Tokens.seniorManager())) {
            RestAssured.given().auth().oauth2(token).contentType("text/csv").body(HEADER + "\r\n")
                    .post("/api/v1/imports/absences").then().statusCode(403);
            RestAssured.given().auth().oauth2(token).get("/api/v1/exports/absences").then().statusCode(403);
        }
        RestAssured.given().contentType("text/csv").body(HEADER + "\r\n").post("/api/v1/imports/absences").then()
                .statusCode(401);
        RestAssured.given().get("/api/v1/exports/absences").then().statusCode(401);
        problem(hr().contentType("text/csv").body("x").post("/api/v1/imports/workers").then(), 404);
    }

    private static ValidatableResponse imported(String file) {
        return imported(file, false);
    }

    private static ValidatableResponse imported(String file, boolean dryRun) {
        return hr().contentType("text/csv").queryParam("dryRun", dryRun).body(file).post("/api/v1/imports/absences")
                .then().log().ifValidationFails().statusCode(200).body("kind", equalTo("absences"));
    }

    /** The worker's episodes, latest first. */
    private static ValidatableResponse episodes(UUID worker) {
        return hr().queryParam("workerId", worker).get("/api/v1/absences").then().statusCode(200);
    }

    private static List<String> ids(UUID... workers) {
        return Arrays.stream(workers).flatMap(w -> episodes(w).extract().jsonPath().<String>getList("items.id").stream())
                .toList();
    }

    /** Nothing on the status topic for the worker, once a status recorded after theirs would be is out. */
    private static void assertNoStatusPublished(UUID worker) {
        UUID marker = Staffing.worker(Staffing.team(), "1.0");
        recorded(marker, today(), null);
        EventLog.awaitRecords(AbsenceTopics.WORKER_ABSENCE, marker.toString(), 1, WorkerAbsenceEvent.class, WAIT);
        assertEquals(List.of(), EventLog.read(AbsenceTopics.WORKER_ABSENCE, WorkerAbsenceEvent.class,
                record -> worker.toString().equals(record.key())));
    }

    /** The header and the rows of this council only: the export holds every other test's records too. */
    private static String only(String export, String key) {
        List<String> lines = Arrays.asList(export.split("\r\n"));
        return lines.get(0) + "\r\n" + lines.stream().skip(1).filter(line -> line.contains(key))
                .map(line -> line + "\r\n").collect(Collectors.joining());
    }

    private static String csv(String header, String... rows) {
        return header + "\r\n" + Arrays.stream(rows).map(row -> row + "\r\n").collect(Collectors.joining());
    }
}
