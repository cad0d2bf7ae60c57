package uk.workforcewatch.caseload;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.caseload.CaseEvent;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.caseload.Api.problem;
import static uk.workforcewatch.caseload.Api.senior;

/**
 * A council's cases brought in from its case-management system with who held each from when: the caseloads of any
 * past day follow from them, a file is taken whole or not at all, once however often it is sent, and comes out again.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class RecordsTest {

    private static final String HEADER = "reference,category,team,openedOn,effectiveOn,staffNumber,closedOn,closeReason";

    /** A team of its own, with Ann and Bob, and the references of its cases. */
    private static final class Council {
        final UUID team = Staffing.team();
        final String teamName = "Team " + team;
        final UUID ann = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        final UUID bob = Staffing.worker(team, Role.SOCIAL_WORKER, "0.5");
        final String key = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        String ref(int n) {
            return "R" + key + "-" + n;
        }

        String a() {
            return Staffing.staffNumber(ann);
        }

        String b() {
            return Staffing.staffNumber(bob);
        }

        /**
         * 1: Ann from opening, Bob from June. 2: CP, Ann, unallocated from September. 3: Bob, closed 30 September.
         * 4: an assessment nobody has held.
         */
        String cases() {
            return csv(
                    ref(1) + ",CIN," + teamName + ",2025-01-06,2025-01-06," + a() + ",,",
                    ref(1) + ",CIN," + teamName + ",2025-01-06,2025-06-02," + b() + ",,",
                    ref(2) + ",CP," + teamName + ",2025-03-03,2025-03-03," + a() + ",,",
                    ref(2) + ",CP," + teamName + ",2025-03-03,2025-09-01,,,",
                    ref(3) + ",LAC," + teamName + ",2024-01-08,2024-01-08," + b() + ",2025-09-30,Returned home",
                    ref(4) + ",ASSESSMENT," + teamName + ",2025-11-03,,,,");
        }
    }

    @Test
    void casesComeInWithWhoHeldThemAndTheCaseloadsOfEveryPastDayFollow() {
        Council council = new Council();
        imported(council.cases()).body("rows", equalTo(6), "created", equalTo(4), "written", equalTo(true));

        caseload(council.ann, "2025-05-01").body("openCases", equalTo(2), "byCategory.CP", equalTo(1));
        caseload(council.ann, "2025-06-02").body("openCases", equalTo(1));
        caseload(council.bob, "2025-09-29").body("openCases", equalTo(2));
        caseload(council.bob, "2025-09-30").body("openCases", equalTo(1), "byCategory.CIN", equalTo(1));
        // today: Bob holds case 1, and the caseload snapshots staffing's consumers watch say so
        senior().get("/api/v1/workers/" + council.ann + "/caseload").then().body("openCases", equalTo(0));
        senior().get("/api/v1/workers/" + council.bob + "/caseload").then().body("openCases", equalTo(1));
        assertEquals(1, EventLog.awaitRecords(CaseloadTopics.WORKER_CASELOADS, council.bob.toString(), 2,
                uk.workforcewatch.events.caseload.WorkerCaseloadEvent.class, Duration.ofSeconds(30)).get(1).event()
                .caseload().openCases());
        senior().get("/api/v1/teams/" + council.team + "/caseloads").then().statusCode(200)
                .body("unallocated.reference", containsInAnyOrder(council.ref(2), council.ref(4)))
                .body("unallocated.find { it.reference == '" + council.ref(2) + "' }.unallocatedSince",
                        equalTo("2025-08-31T23:00:00Z"));
        String id = caseId(council, council.ref(1));
        senior().get("/api/v1/cases/" + id).then().body("workersSoFar", equalTo(2), "history", hasSize(2),
                "history[1].change", equalTo("REALLOCATED"), "history[1].effectiveOn", equalTo("2025-06-02"),
                "history[1].recordedBy", equalTo("senior-manager-user"));
        CaseEvent opened = EventLog.awaitRecords(CaseloadTopics.CASES, id, 1, CaseEvent.class, Duration.ofSeconds(30))
                .get(0).event();
        assertEquals(CaseEvent.OPENED, opened.type());
        assertEquals(2, opened.caseState().allocations().size());
        senior().get("/api/v1/cases/" + caseId(council, council.ref(3))).then().body("status", equalTo("CLOSED"),
                "closedOn", equalTo("2025-09-30"), "history[0].endedOn", equalTo("2025-09-30"));
    }

    @Test
    void theSameFileAgainChangesNothingAndALaterOneRewritesTheHistoryItChangesStrikingOutTheOld() {
        Council council = new Council();
        imported(council.cases());
        imported(council.cases()).body("created", equalTo(0), "updated", equalTo(0), "unchanged", equalTo(4));
        String id = caseId(council, council.ref(1));
        senior().get("/api/v1/cases/" + id).then().body("version", equalTo(0));

        // the case-management system had Bob's start a month late
        imported(council.cases().replace("2025-06-02," + council.b(), "2025-07-01," + council.b()))
                .body("updated", equalTo(1), "unchanged", equalTo(3));
        senior().get("/api/v1/cases/" + id).then().body("version", equalTo(1), "history", hasSize(6))
                .body("history.findAll { it.supersededBy == null && it.change != 'STRUCK_OUT' }.effectiveOn",
                        equalTo(List.of("2025-01-06", "2025-07-01")))
                .body("history.findAll { it.change == 'STRUCK_OUT' }", hasSize(2));
        caseload(council.bob, "2025-06-15").body("openCases", equalTo(1));
        caseload(council.ann, "2025-06-15").body("openCases", equalTo(2));
        assertEquals(CaseEvent.IMPORTED, EventLog.awaitRecords(CaseloadTopics.CASES, id, 2, CaseEvent.class,
                Duration.ofSeconds(30)).get(1).event().type());
    }

    @Test
    void aFileWithWrongRowsWritesNothingAndNamesEachOne() {
        Council council = new Council();
        UUID left = UUID.randomUUID();
        Staffing.publishWorker(left, 0, council.team, Role.SOCIAL_WORKER, "1.0", LocalDate.of(2025, 10, 31));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> senior()
                .get("/api/v1/workers/" + left + "/caseload").statusCode() == 200);
        String file = csv(
                council.ref(1) + ",CIN," + council.teamName + ",2025-01-06,2025-01-06,NOBODY-1,,",
                council.ref(2) + ",CIN," + council.teamName + ",2025-03-03,2025-02-03," + council.a() + ",,",
                council.ref(3) + ",CIN," + council.teamName + ",2025-03-03,2025-03-03," + council.a() + ",2025-04-01,",
                council.ref(4) + ",CIN,No Such Team,2025-03-03,,,,",
                council.ref(5) + ",CIN," + council.teamName + ",2025-03-03,2025-03-03," + council.a() + ",,",
                council.ref(5) + ",CP," + council.teamName + ",2025-03-03,2025-04-01," + council.b() + ",,",
                council.ref(6) + ",CIN," + council.teamName + ",2025-03-03,2025-03-03," + council.a() + ",,",
                council.ref(7) + ",CIN," + council.teamName + ",2025-03-03,2025-03-03," + Staffing.staffNumber(left)
                        + ",,");
        ValidatableResponse refused = problem(senior().contentType("text/csv").body(file).post("/api/v1/imports/cases")
                .then(), 400);
        Map<String, String> faults = refused.extract().jsonPath().<Map<String, Object>>getList("report.errors").stream()
                .collect(Collectors.toMap(e -> e.get("line") + " " + e.get("column"), e -> (String) e.get("message")));
        assertEquals(Map.of(
                "2 staffNumber", "names no worker staffing has told of",
                "3 effectiveOn", "must not be before openedOn 2025-03-03",
                "4 closeReason", "is required for a closed case",
                "5 team", "names no team staffing has told of",
                "7 category", "differs from line 6 for the same case",
                "9 staffNumber", "left on 2025-10-31: say who has held the open case since, or that nobody has "
                        + "(a row without staffNumber)"), faults);
        // the right case 6 was not written either
        senior().queryParam("teamId", council.team).get("/api/v1/cases").then().body("total", equalTo(0));
        imported(csv(council.ref(6) + ",CIN," + council.teamName + ",2025-03-03,2025-03-03," + council.a() + ",,"),
                true).body("created", equalTo(1), "written", equalTo(false));
        senior().queryParam("teamId", council.team).get("/api/v1/cases").then().body("total", equalTo(0));
    }

    @Test
    void aStaffNumberPassedFromOneWorkerToAnotherNamesTheLaterHolderWhicheverEventArrivedFirst() {
        UUID team = Staffing.team();
        String number = "S-" + UUID.randomUUID().toString().substring(0, 8);
        Instant given = Instant.now().minusSeconds(300);
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        // staffing gave Ann the number, then Bob; Bob's event arrives first, and Ann's older claim does not take it
        Staffing.publishWorker(bob, 0, team, number, given.plusSeconds(120));
        known(bob);
        Staffing.publishWorker(ann, 0, team, number, given);
        known(ann);

        String reference = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        imported(csv(reference + ",CIN,Team " + team + ",2025-03-03,2025-03-03," + number + ",,"))
                .body("created", equalTo(1));
        senior().get("/api/v1/workers/" + bob + "/caseload").then().body("openCases", equalTo(1));
        senior().get("/api/v1/workers/" + ann + "/caseload").then().body("openCases", equalTo(0));
    }

    private static void known(UUID worker) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> senior()
                .get("/api/v1/workers/" + worker + "/caseload").statusCode() == 200);
    }

    @Test
    void anExportIsTheImportsOwnFormatAndComesOutAsItWentIn() {
        Council council = new Council();
        imported(council.cases());
        String export = senior().get("/api/v1/exports/cases").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String mine = Arrays.stream(export.split("\r\n")).filter(line -> line.startsWith("R" + council.key))
                .map(line -> line + "\r\n").collect(Collectors.joining());
        assertEquals(council.cases(), HEADER + "\r\n" + mine);
        assertEquals(HEADER, export.split("\r\n")[0]);
        imported(HEADER + "\r\n" + mine).body("unchanged", equalTo(4));
    }

    @Test
    void onlySeniorManagersBringCasesInOrTakeThemOut() {
        for (String token : List.of(Tokens.hrOfficer(), Tokens.teamManager(UUID.randomUUID()))) {
            RestAssured.given().auth().oauth2(token).contentType("text/csv").body(HEADER + "\r\n")
                    .post("/api/v1/imports/cases").then().statusCode(403);
            RestAssured.given().auth().oauth2(token).get("/api/v1/exports/cases").then().statusCode(403);
        }
        problem(senior().contentType("text/csv").body(HEADER + "\r\n").post("/api/v1/imports/teams").then(), 404)
                .body("detail", containsString("cases"));
    }

    private static ValidatableResponse imported(String file) {
        return imported(file, false);
    }

    private static ValidatableResponse imported(String file, boolean dryRun) {
        return senior().contentType("text/csv").queryParam("dryRun", dryRun).body(file).post("/api/v1/imports/cases")
                .then().log().ifValidationFails().statusCode(200);
    }

    private static ValidatableResponse caseload(UUID worker, String asOf) {
        return senior().queryParam("asOf", asOf).get("/api/v1/workers/" + worker + "/caseload").then()
                .log().ifValidationFails().statusCode(200);
    }

    private static String caseId(Council council, String reference) {
        return senior().queryParam("teamId", council.team).get("/api/v1/cases?size=500").then().extract().jsonPath()
                .getString("items.find { it.reference == '" + reference + "' }.id");
    }

    private static String csv(String... rows) {
        return HEADER + "\r\n" + Arrays.stream(rows).map(row -> row + "\r\n").collect(Collectors.joining());
    }
}
