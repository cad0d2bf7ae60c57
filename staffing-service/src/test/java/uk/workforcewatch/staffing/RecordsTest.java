package uk.workforcewatch.staffing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.events.staffing.WorkerState;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.staffing.Api.hr;
import static uk.workforcewatch.staffing.Api.problem;

/**
 * A council's staffing records brought in as its HR system's files, checked whole before anything is written,
 * imported once however often they are sent, and taken out again as they came in.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class RecordsTest {

    /** A council of its own: names and numbers no other test uses. */
    private static final class Council {
        final String key = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        final String east = "Imp " + key + " CP East";
        final String west = "Imp " + key + " CP West";

        String teams() {
            return csv("name,serviceArea",
                    east + ",CHILD_PROTECTION",
                    west + ",CHILD_PROTECTION");
        }

        String posts() {
            return csv("postNumber,team,role,fte,establishedOn,removedOn",
                    "P" + key + "-01," + east + ",SOCIAL_WORKER,1.000000,2019-04-01,",
                    "P" + key + "-02," + east + ",SOCIAL_WORKER,0.500000,2019-04-01,2024-03-31",
                    "P" + key + "-03," + west + ",SENIOR_PRACTITIONER,1.000000,2020-01-06,");
        }

        /** Ann: two periods, 1.0 then 0.8, in the first post; Bob: agency, covering the third; Cat: left. */
        String workers() {
            return csv("staffNumber,name,employment,startDate,effectiveFrom,role,team,fte,postNumber,"
                            + "registrationNumber,origin,qualificationInstitution,qualificationLevel,censusRole,"
                            + "careerStage,leftOn,leavingReason,leavingDestination",
                    "S" + key + "-01,Ann Ash,PERMANENT,2019-05-07,2019-05-07,SOCIAL_WORKER," + east
                            + ",1.000000,P" + key + "-01,SW0000000001,NEWLY_QUALIFIED,University of Leeds,"
                            + "POSTGRADUATE,,FRONTLINE_PRACTITIONER,,,",
                    "S" + key + "-01,Ann Ash,PERMANENT,2019-05-07,2023-09-01,SOCIAL_WORKER," + east
                            + ",0.800000,P" + key + "-01,SW0000000001,NEWLY_QUALIFIED,University of Leeds,"
                            + "POSTGRADUATE,,FRONTLINE_PRACTITIONER,,,",
                    "S" + key + "-02,\"Bob O'Brien, Jr\",AGENCY,2025-01-06,2025-01-06,SENIOR_PRACTITIONER," + west
                            + ",1.000000,P" + key + "-03,,AGENCY_OR_CONSULTANCY_ENGLAND,,,,,,,",
                    "S" + key + "-03,Cat Cole,PERMANENT,2019-05-07,2019-05-07,SOCIAL_WORKER," + east
                            + ",0.500000,P" + key + "-02,SW0000000003,SOCIAL_WORK_OTHER_COUNCIL_ENGLAND,,,,,"
                            + "2024-03-31,RESIGNATION,NOT_YET_COLLECTED");
        }
    }

    @Test
    void aCouncilsTeamsPostsAndWorkersComeInWithTheirHistoryAndTheirEvents() {
        Council council = new Council();
        imported("teams", council.teams()).body("created", equalTo(2), "written", equalTo(true));
        imported("posts", council.posts()).body("created", equalTo(3));
        imported("workers", council.workers()).body("rows", equalTo(4), "created", equalTo(3), "updated", equalTo(0),
                "errorCount", equalTo(0));

        WorkerState ann = workerEvent("S" + council.key + "-01", 0).worker();
        assertEquals("Ann Ash", ann.name());
        assertEquals(new BigDecimal("0.800000"), ann.fte(), "the period in force today");
        assertEquals(List.of(LocalDate.parse("2019-05-07"), LocalDate.parse("2023-09-01")),
                ann.history().stream().map(p -> p.effectiveFrom()).toList());
        hr().get("/api/v1/workers/" + ann.id()).then().statusCode(200)
                .body("staffNumber", equalTo("S" + council.key + "-01"), "history", hasSize(2),
                        "qualification.institution", equalTo("University of Leeds"), "status", equalTo("ACTIVE"));
        hr().get("/api/v1/workers/" + workerEvent("S" + council.key + "-03", 0).worker().id()).then()
                .body("status", equalTo("LEFT"), "leftOn", equalTo("2024-03-31"), "leavingReason", equalTo("RESIGNATION"));
        // Bob's agency cover is a period naming the vacant post he covers
        WorkerState bob = workerEvent("S" + council.key + "-02", 0).worker();
        hr().queryParam("teamId", bob.teamId()).get("/api/v1/vacancies").then().statusCode(200)
                .body("find { it.postId == '" + bob.postId() + "' }.coveredBy", equalTo(List.of(bob.id().toString())));
    }

    @Test
    void theSameFilesAgainChangeNothingAndALaterFileUpdatesWhatItChanges() {
        Council council = new Council();
        imported("teams", council.teams());
        imported("posts", council.posts());
        imported("workers", council.workers());

        imported("teams", council.teams()).body("created", equalTo(0), "unchanged", equalTo(2));
        imported("posts", council.posts()).body("unchanged", equalTo(3));
        imported("workers", council.workers()).body("created", equalTo(0), "updated", equalTo(0),
                "unchanged", equalTo(3));
        String staffNumber = "S" + council.key + "-01";
        UUID annId = workerEvent(staffNumber, 0).aggregateId();
        hr().get("/api/v1/workers/" + annId).then().body("version", equalTo(0));

        // HR corrects Ann's second period: 0.6, not 0.8
        imported("workers", council.workers().replace("2023-09-01,SOCIAL_WORKER," + council.east + ",0.800000",
                "2023-09-01,SOCIAL_WORKER," + council.east + ",0.600000"))
                .body("updated", equalTo(1), "unchanged", equalTo(2));
        WorkerState corrected = workerEvent(staffNumber, 1).worker();
        assertEquals(new BigDecimal("0.600000"), corrected.fte());
    }

    @Test
    void aFileWithOneWrongRowWritesNothingAndTheReportNamesItsLineColumnValueAndWhy() {
        Council council = new Council();
        imported("teams", council.teams());
        imported("posts", council.posts());
        String wrong = council.workers().replace("S" + council.key + "-02,\"Bob O'Brien, Jr\",AGENCY,2025-01-06",
                "S" + council.key + "-02,\"Bob O'Brien, Jr\",AGENCY,2025-13-06");

        ValidatableResponse refused = problem(hr().contentType("text/csv").body(wrong).post("/api/v1/imports/workers")
                .then(), 400);
        refused.body("report.written", equalTo(false), "report.errorCount", equalTo(1),
                        "detail", containsString("line 4"))
                .body("report.errors[0].line", equalTo(4), "report.errors[0].column", equalTo("startDate"),
                        "report.errors[0].value", equalTo("2025-13-06"),
                        "report.errors[0].message", containsString("must be a date"));
        // the other workers of the file, right as they are, were not written either
        imported("workers", council.workers(), true).body("created", equalTo(3), "written", equalTo(false),
                "dryRun", equalTo(true));
        imported("workers", council.workers()).body("created", equalTo(3));
    }

    @Test
    void eachKindOfFaultIsReportedInOnePass() {
        Council council = new Council();
        imported("teams", council.teams());
        imported("posts", council.posts());
        String workers = csv("staffNumber,name,employment,startDate,effectiveFrom,role,team,fte,postNumber,leftOn",
                "S" + council.key + "-11,Dee,PERMANENT,2024-01-08,2024-01-08,SOCIAL_WORKER,No Such Team,1.0,,",
                "S" + council.key + "-12,Eve,PERMANENT,2024-01-08,2024-01-09,SOCIAL_WORKER," + council.east + ",1.5,,",
                "S" + council.key + "-13,Fay,PERMANENT,2024-01-08,2024-01-08,ASYE," + council.east + ",1.0,P"
                        + council.key + "-01,",
                "S" + council.key + "-14,Gus,PERMANENT,2024-01-08,2024-01-08,SOCIAL_WORKER," + council.east + ",1.0,,",
                "S" + council.key + "-14,Gus,PERMANENT,2024-01-08,2023-01-08,SOCIAL_WORKER," + council.east + ",1.0,,",
                "S" + council.key + "-15,Hal,PERMANENT,2024-01-08,2024-01-08,SOCIAL_WORKER," + council.east
                        + ",1.0,,2023-12-31");
        ValidatableResponse report = problem(hr().contentType("text/csv").body(workers).post("/api/v1/imports/workers")
                .then(), 400);
        Map<String, String> faults = report.extract().jsonPath().<Map<String, Object>>getList("report.errors").stream()
                .collect(Collectors.toMap(e -> e.get("line") + " " + e.get("column"), e -> (String) e.get("message")));
        assertEquals(Map.of(
                "2 team", "names no team (import teams.csv first)",
                "3 effectiveFrom", "the first period starts on startDate 2024-01-08",
                "3 fte", "must be above 0 and at most 1.0, to at most six places",
                "4 postNumber", "must be a post of " + council.east + " for the role ASYE on 2024-01-08",
                "6 effectiveFrom", "must be after the period before it, from 2024-01-08",
                "7 leftOn", "must not be before startDate 2024-01-08",
                "7 effectiveFrom", "must not be after leftOn 2023-12-31",
                "7 leavingReason", "is required for a worker who has left"), faults);

        problem(hr().contentType("text/csv").body("name,colour\nX,blue\n").post("/api/v1/imports/teams").then(), 400)
                .body("report.errors.message", equalTo(List.of("the required column serviceArea is missing",
                        "no column is called colour; the columns are name, serviceArea")),
                        "report.errors[0].line", equalTo(1));
        problem(hr().contentType("text/csv").body("name,serviceArea\n\"Unclosed,CHILD_PROTECTION\n")
                .post("/api/v1/imports/teams").then(), 400).body("report.errors[0].message", containsString("quoted"));
        problem(hr().contentType("text/csv").body("x").post("/api/v1/imports/shoes").then(), 404);
    }

    @Test
    void anExportIsTheImportsOwnFormatAndComesOutAsItWentIn() {
        Council council = new Council();
        imported("teams", council.teams());
        imported("posts", council.posts());
        imported("workers", council.workers());

        assertEquals(council.teams(), only(exported("teams"), council.key));
        assertEquals(council.posts(), only(exported("posts"), council.key));
        String workers = exported("workers");
        assertEquals(council.workers(), only(workers, council.key));
        // and an export taken in again is the same records: nothing changes
        imported("workers", only(workers, council.key)).body("unchanged", equalTo(3));
    }

    @Test
    void onlyHrOfficersAndSeniorManagersBringRecordsInOrTakeThemOut() {
        RestAssured.given().auth().oauth2(Tokens.teamManager(UUID.randomUUID())).contentType("text/csv")
                .body("name,serviceArea\n").post("/api/v1/imports/teams").then().statusCode(403);
        RestAssured.given().auth().oauth2(Tokens.teamManager(UUID.randomUUID())).get("/api/v1/exports/teams").then()
                .statusCode(403);
        RestAssured.given().contentType("text/csv").body("name,serviceArea\n").post("/api/v1/imports/teams").then()
                .statusCode(401);
        RestAssured.given().auth().oauth2(Tokens.seniorManager()).get("/api/v1/exports/teams").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("teams.csv"));
    }

    private static ValidatableResponse imported(String kind, String file) {
        return imported(kind, file, false);
    }

    private static ValidatableResponse imported(String kind, String file, boolean dryRun) {
        return hr().contentType("text/csv").queryParam("dryRun", dryRun).body(file).post("/api/v1/imports/" + kind)
                .then().log().ifValidationFails().statusCode(200).body("kind", equalTo(kind));
    }

    private static String exported(String kind) {
        return hr().get("/api/v1/exports/" + kind).then().statusCode(200).extract().asString();
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

    /** The worker's event of that version, found by staff number. */
    private static WorkerEvent workerEvent(String staffNumber, long version) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> EventLog.read(StaffingTopics.WORKERS, WorkerEvent.class, record -> true).stream()
                        .map(EventLog.Published::event)
                        .filter(e -> staffNumber.equals(e.worker().staffNumber()) && e.version() == version)
                        .findFirst().orElse(null), java.util.Objects::nonNull);
    }
}
