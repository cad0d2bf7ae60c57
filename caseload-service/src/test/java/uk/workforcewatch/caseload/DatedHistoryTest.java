package uk.workforcewatch.caseload;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.caseload.CaseAllocation;
import uk.workforcewatch.events.caseload.CaseEvent;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.caseload.Api.manager;
import static uk.workforcewatch.caseload.Api.problem;
import static uk.workforcewatch.caseload.Api.senior;

/**
 * Records come late: allocations, moves and closures dated when they took effect, and the caseloads of a worker, a
 * team and the council as of any past day, worked out by hand here.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class DatedHistoryTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Test
    void backDatedAllocationsMovesAndClosuresGiveTheCaseloadAsOfEveryDayBeforeBetweenAndAfterThem() {
        UUID team = Staffing.team();
        UUID ann = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        UUID ben = Staffing.worker(team, Role.SOCIAL_WORKER, "0.5");
        RequestSpecification tm = manager(team);
        // X: CIN, Ann from 2 Feb, Ben from 1 Apr, closed 30 Jun. Y: CIN, Ann from 2 Mar, CP from 1 May.
        String x = open(team, "CIN", "2026-01-05");
        String y = open(team, "CIN", "2026-01-05");
        allocate(tm, x, ann, "2026-02-02").statusCode(200).body("history[0].effectiveOn", equalTo("2026-02-02"),
                "history[0].recordedAt", notNullValue(), "history[0].recordedBy", equalTo("tm-" + team));
        allocate(tm, y, ann, "2026-03-02").statusCode(200);
        allocate(tm, x, ben, "2026-04-01").statusCode(200).body("workerId", equalTo(ben.toString()));
        tm.body(Map.of("category", "CP", "effectiveOn", "2026-05-01")).post("/api/v1/cases/" + y + "/category")
                .then().statusCode(200);
        tm.body(Map.of("closedOn", "2026-06-30", "reason", "Plan ended")).post("/api/v1/cases/" + x + "/closure")
                .then().statusCode(200);

        caseloadOf(ann, "2026-02-01").body("openCases", equalTo(0));
        caseloadOf(ann, "2026-02-02").body("openCases", equalTo(1), "byCategory.CIN", equalTo(1));
        caseloadOf(ann, "2026-03-31").body("openCases", equalTo(2), "byCategory.CIN", equalTo(2));
        caseloadOf(ann, "2026-04-01").body("openCases", equalTo(1));
        caseloadOf(ann, "2026-04-30").body("openCases", equalTo(1), "byCategory.CIN", equalTo(1), "byCategory.CP",
                equalTo(0));
        caseloadOf(ann, "2026-05-01").body("openCases", equalTo(1), "byCategory.CIN", equalTo(0), "byCategory.CP",
                equalTo(1));
        caseloadOf(ben, "2026-03-31").body("openCases", equalTo(0));
        caseloadOf(ben, "2026-04-01").body("openCases", equalTo(1), "limit", equalTo(7));
        caseloadOf(ben, "2026-06-29").body("openCases", equalTo(1));
        // closed on the 30th: nobody holds it at that day's end
        caseloadOf(ben, "2026-06-30").body("openCases", equalTo(0));
        // as of today, the dated history says what the cases as they stand say
        String today = senior().get("/api/v1/workers/" + ann + "/caseload").then().statusCode(200)
                .body("openCases", equalTo(1), "byCategory.CP", equalTo(1)).extract().asString();
        assertEquals(today, caseloadOf(ann, TODAY.toString()).extract().asString());

        // the team: both waiting in mid-January since the day they opened; in mid-April Ann holds Y and Ben X, so
        // 2 cases over 1.5 case-holding FTE
        teamOn(team, "2026-01-15").body("unallocated.caseId", containsInAnyOrder(x, y),
                "unallocated[0].unallocatedSince", equalTo("2026-01-05T00:00:00Z"),
                "unallocated[0].hoursWaiting", equalTo(11 * 24), "averageCaseload", nullValue());
        teamOn(team, "2026-04-15").body("asOf", equalTo("2026-04-15"), "unallocated", hasSize(0),
                "averageCaseload.casesHeld", equalTo(2), "averageCaseload.caseHolderFte", equalTo(1.5f),
                "averageCaseload.average", equalTo(1.3f));
        // in July only Ann holds a case: 1 over 1.0
        teamOn(team, "2026-07-01").body("averageCaseload.average", equalTo(1.0f));
        senior().queryParam("asOf", "2026-04-15").get("/api/v1/caseloads").then().statusCode(200)
                .body("asOf", equalTo("2026-04-15"))
                .body("teams.find { it.teamId == '" + team + "' }.averageCaseload.average", equalTo(1.3f))
                .body("teams.find { it.teamId == '" + team + "' }.workers", equalTo(2));

        // the snapshots carry the holdings by their effective dates
        CaseEvent closed = EventLog.awaitRecords(CaseloadTopics.CASES, x, 4, CaseEvent.class, Duration.ofSeconds(30))
                .get(3).event();
        assertEquals(List.of(new CaseAllocation(ann, day("2026-02-02"), day("2026-04-01")),
                new CaseAllocation(ben, day("2026-04-01"), day("2026-06-30"))), closed.caseState().allocations());
    }

    @Test
    void aChangeMayNotBeDatedAheadBeforeTheCaseOpenedOrBeforeTheChangeItFollows() {
        UUID team = Staffing.team();
        UUID ann = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        UUID ben = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        String id = open(team, "CIN", "2026-03-02");

        problem(allocate(senior(), id, ann, TODAY.plusDays(1).toString()), 400)
                .body("violations[0].field", equalTo("effectiveOn"), "detail", containsString("future"));
        problem(allocate(senior(), id, ann, "2026-03-01"), 400)
                .body("violations[0].field", equalTo("effectiveOn"), "detail", containsString("opened on 2026-03-02"));
        allocate(senior(), id, ann, "2026-04-01").statusCode(200);
        problem(allocate(senior(), id, ben, "2026-03-31"), 400)
                .body("violations[0].field", equalTo("effectiveOn"), "detail", containsString("2026-04-01"));
        problem(senior().queryParam("effectiveOn", "2026-03-15").delete("/api/v1/cases/" + id + "/allocation").then(),
                400).body("violations[0].field", equalTo("effectiveOn"));
        problem(senior().body(Map.of("closedOn", "2026-03-31", "reason", "Moved away"))
                .post("/api/v1/cases/" + id + "/closure").then(), 400)
                .body("violations[0].field", equalTo("closedOn"), "detail", containsString("2026-04-01"));
        problem(senior().queryParam("asOf", TODAY.plusDays(1).toString()).get("/api/v1/workers/" + ann + "/caseload")
                .then(), 400).body("violations[0].field", equalTo("asOf"));
        // an unallocation dated on the day of the allocation is allowed: held on no day; waiting since that day
        // began (in London, an hour ahead of UTC in April)
        senior().queryParam("effectiveOn", "2026-04-01").delete("/api/v1/cases/" + id + "/allocation").then()
                .statusCode(200).body("unallocatedSince", equalTo("2026-03-31T23:00:00Z"));
        caseloadOf(ann, "2026-04-01").body("openCases", equalTo(0));
    }

    @Test
    void aBackDatedChangeThatWouldHaveBrokenALimitOnItsDateIsRecordedAndShowsInTheHistory() {
        UUID team = Staffing.team();
        UUID partTime = Staffing.worker(team, Role.SOCIAL_WORKER, "0.2");
        UUID other = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        // in February the 0.2 FTE worker (limit 3) held three cases; since April another worker holds them
        for (int i = 0; i < 3; i++) {
            String id = open(team, "CIN", "2026-01-05");
            allocate(senior(), id, partTime, "2026-02-02").statusCode(200);
            allocate(senior(), id, other, "2026-04-01").statusCode(200);
        }
        // today they hold none, so a fourth dated February goes through without an override
        String fourth = open(team, "CIN", "2026-01-05");
        allocate(manager(team), fourth, partTime, "2026-02-16").statusCode(200)
                .body("history[0].overridden", nullValue());
        caseloadOf(partTime, "2026-02-16").body("openCases", equalTo(4), "limit", equalTo(3), "headroom", equalTo(-1));
    }

    @Test
    void theLimitsAsOfADayAreThoseOfTheFteAndRoleTheWorkerHadThen() {
        UUID team = Staffing.team();
        UUID worker = UUID.randomUUID();
        LocalDate start = LocalDate.of(2020, 1, 6);
        Staffing.publishWorker(worker, 0, team, Role.SOCIAL_WORKER, "0.6", null, List.of(
                new WorkerPeriod(start, Role.ASYE, team, BigDecimal.ONE, null),
                new WorkerPeriod(LocalDate.of(2026, 5, 1), Role.SOCIAL_WORKER, team, new BigDecimal("0.6"), null)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> senior()
                .get("/api/v1/workers/" + worker + "/caseload").statusCode() == 200);
        // ASYE full time until May: 12; then 0.6 of 15: 9
        caseloadOf(worker, "2026-04-30").body("limit", equalTo(12), "teamId", equalTo(team.toString()));
        caseloadOf(worker, "2026-05-01").body("limit", equalTo(9));
        problem(senior().queryParam("asOf", "2019-12-31").get("/api/v1/workers/" + worker + "/caseload").then(), 400)
                .body("violations[0].field", equalTo("asOf"), "detail", containsString("not employed"));
    }

    @Test
    void aChangeRecordedInErrorIsCorrectedWithWhoWhenAndWhyAndTheCorrectedOneStays() {
        UUID team = Staffing.team();
        UUID ann = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        UUID ben = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        String id = open(team, "CIN", "2026-01-05");
        int allocated = allocate(manager(team), id, ann, "2026-03-02").statusCode(200).extract().path("history[0].id");

        // it took effect a fortnight earlier than recorded
        ValidatableResponse redated = correct(manager(team), id, allocated,
                Map.of("effectiveOn", "2026-02-16", "reason", "Allocated at the 16 Feb meeting")).statusCode(200);
        int correction = redated.extract().path("history[1].id");
        redated.body("history", hasSize(2), "history[0].supersededBy", equalTo(correction))
                .body("history[1].corrects", equalTo(allocated), "history[1].effectiveOn", equalTo("2026-02-16"),
                        "history[1].correctionReason", equalTo("Allocated at the 16 Feb meeting"),
                        "history[1].recordedBy", equalTo("tm-" + team), "history[1].change", equalTo("ALLOCATED"),
                        "workerId", equalTo(ann.toString()));
        caseloadOf(ann, "2026-02-16").body("openCases", equalTo(1));
        // the change corrected is history: only its correction may be corrected now
        problem(correct(senior(), id, allocated, Map.of("effectiveOn", "2026-02-17", "reason", "Again")), 409)
                .body("detail", containsString("corrected by change " + correction));
        problem(correct(senior(), id, correction, Map.of("effectiveOn", "2025-12-31", "reason", "Too early")), 400)
                .body("violations[0].field", equalTo("effectiveOn"), "detail", containsString("opened on 2026-01-05"));

        // it was Ben, not Ann: Ben holds it now, Ann's caseload loses it
        int toBen = correct(senior(), id, correction, Map.of("workerId", ben, "reason", "Wrong worker chosen on the form"))
                .statusCode(200).body("workerId", equalTo(ben.toString()), "workersSoFar", equalTo(1))
                .extract().path("history[2].id");
        senior().get("/api/v1/workers/" + ann + "/caseload").then().body("openCases", equalTo(0));
        senior().get("/api/v1/workers/" + ben + "/caseload").then().body("openCases", equalTo(1));
        caseloadOf(ben, "2026-02-16").body("openCases", equalTo(1));

        // and it never happened at all: struck out, the case waits again since it opened
        correct(senior(), id, toBen, Map.of("strikeOut", true, "reason", "Recorded against the wrong case"))
                .statusCode(200).body("workerId", nullValue(), "unallocatedSince", equalTo("2026-01-05T00:00:00Z"),
                        "workersSoFar", equalTo(0), "history", hasSize(4), "history[3].change", equalTo("STRUCK_OUT"),
                        "history[3].corrects", equalTo(toBen));
        senior().get("/api/v1/workers/" + ben + "/caseload").then().body("openCases", equalTo(0));
        caseloadOf(ben, "2026-02-16").body("openCases", equalTo(0));
        List<String> types = Api.publishedChanges(id, 5);
        assertEquals(List.of(CaseEvent.OPENED, CaseEvent.ALLOCATED, CaseEvent.HISTORY_CORRECTED,
                CaseEvent.HISTORY_CORRECTED, CaseEvent.HISTORY_CORRECTED), types);
    }

    @Test
    void aCorrectionThatMakesAFullWorkerHoldTheCaseNowIsJudgedByTheLimits() {
        UUID team = Staffing.team();
        UUID full = Staffing.worker(team, Role.SOCIAL_WORKER, "0.2");
        UUID other = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        Api.fill(team, full, "CIN", 3);
        String id = open(team, "CIN", "2026-01-05");
        int allocated = allocate(senior(), id, other, "2026-02-02").statusCode(200).extract().path("history[0].id");

        problem(correct(manager(team), id, allocated, Map.of("workerId", full, "reason", "It was the part-timer")), 409)
                .body("breaches[0].limit", equalTo("CASELOAD_LIMIT"));
        problem(correct(senior(), id, 999_999_999, Map.of("strikeOut", true, "reason", "No such change")), 404);
        problem(correct(senior(), id, allocated, Map.of("strikeOut", true, "effectiveOn", "2026-02-03",
                "reason", "Both")), 400).body("violations[0].field", equalTo("strikeOut"));
        correct(senior(), id, allocated, Map.of("workerId", full, "reason", "It was the part-timer",
                "overrideReason", "She has known the family for years")).statusCode(200)
                .body("workerId", equalTo(full.toString()),
                        "history[1].overrideReason", equalTo("She has known the family for years"));
    }

    @Test
    void aLeavingDateRecordedLateReleasesTheCasesFromThatDayNotFromWhenItWasRecorded() {
        UUID team = Staffing.team();
        UUID leaver = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        String id = open(team, "CP", "2026-01-05");
        allocate(senior(), id, leaver, "2026-02-02").statusCode(200);
        // staffing hears on today that the worker's last day was 31 July
        Staffing.publishWorker(leaver, 1, team, Role.SOCIAL_WORKER, "1.0", LocalDate.of(2026, 7, 31));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> senior()
                .get("/api/v1/cases/" + id).then().extract().path("workerId") == null);

        senior().get("/api/v1/cases/" + id).then().body("history[1].change", equalTo("WORKER_LEFT"),
                "history[1].effectiveOn", equalTo("2026-07-31"), "unallocatedSince", equalTo("2026-07-30T23:00:00Z"));
        caseloadOf(leaver, "2026-07-30").body("openCases", equalTo(1));
        teamOn(team, "2026-07-31").body("unallocated[0].caseId", equalTo(id), "workers", hasSize(0));
    }

    private static String open(UUID team, String category, String openedOn) {
        return senior().body(Map.of("reference", "D-" + UUID.randomUUID().toString().substring(0, 13),
                        "category", category, "teamId", team, "openedOn", openedOn))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse allocate(RequestSpecification as, String caseId, UUID worker, String on) {
        Map<String, Object> body = new HashMap<>();
        body.put("workerId", worker);
        body.put("effectiveOn", on);
        return as.body(body).post("/api/v1/cases/" + caseId + "/allocation").then().log().ifValidationFails();
    }

    private static ValidatableResponse correct(RequestSpecification as, String caseId, long change,
                                               Map<String, Object> body) {
        return as.body(body).post("/api/v1/cases/" + caseId + "/history/" + change + "/correction").then()
                .log().ifValidationFails();
    }

    private static ValidatableResponse caseloadOf(UUID worker, String asOf) {
        return senior().queryParam("asOf", asOf).get("/api/v1/workers/" + worker + "/caseload").then()
                .log().ifValidationFails().statusCode(200);
    }

    private static ValidatableResponse teamOn(UUID team, String asOf) {
        return senior().queryParam("asOf", asOf).get("/api/v1/teams/" + team + "/caseloads").then()
                .log().ifValidationFails().statusCode(200);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
