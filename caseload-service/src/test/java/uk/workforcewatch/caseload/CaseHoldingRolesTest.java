package uk.workforcewatch.caseload;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static uk.workforcewatch.caseload.Api.assertUnallocatedAsOpened;
import static uk.workforcewatch.caseload.Api.manager;
import static uk.workforcewatch.caseload.Api.openCase;
import static uk.workforcewatch.caseload.Api.problem;
import static uk.workforcewatch.caseload.Api.senior;

/**
 * Only social workers, senior practitioners and ASYE workers hold cases: a team manager or a support worker is never
 * made to hold one, by their role on the day the holding takes effect, on any path.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class CaseHoldingRolesTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Test
    void aTeamManagerOrSupportWorkerIsRefusedEveryCaseAndTheDryRunSaysSo() {
        UUID team = Staffing.team();
        UUID social = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        UUID support = Staffing.worker(team, Role.SUPPORT_WORKER, "1.0");
        UUID teamManager = Staffing.worker(team, Role.TEAM_MANAGER, "1.0");
        String kase = openCase(team, "CIN");

        refused(allocate(kase, support, null), support, "support worker");
        refused(allocate(kase, teamManager, null), teamManager, "team manager");
        // however senior the caller and whatever the reason: this is no limit to override
        refused(senior().body(Map.of("workerId", teamManager, "overrideReason", "Nobody else is free"))
                .post("/api/v1/cases/" + kase + "/allocation").then(), teamManager, "team manager");
        assertUnallocatedAsOpened(kase);
        refused(manager(team).queryParam("category", "CIN").get("/api/v1/workers/" + support + "/allocation-check")
                .then(), support, "support worker");
        refused(manager(team).queryParam("category", "CIN").get("/api/v1/workers/" + teamManager + "/allocation-check")
                .then(), teamManager, "team manager");
        refused(senior().body(Map.of("reference", "H-" + UUID.randomUUID().toString().substring(0, 13),
                        "category", "CIN", "teamId", team, "openedOn", "2025-01-06", "workerId", support))
                .post("/api/v1/cases").then(), support, "support worker");

        // a social worker takes it; reallocating it to the team manager is refused, and the social worker keeps it
        manager(team).queryParam("category", "CIN").get("/api/v1/workers/" + social + "/allocation-check").then()
                .statusCode(200).body("allowed", equalTo(true));
        allocate(kase, social, null).statusCode(200);
        refused(allocate(kase, teamManager, null), teamManager, "team manager");
        senior().get("/api/v1/cases/" + kase).then().body("workerId", equalTo(social.toString()),
                "version", equalTo(1));
        senior().get("/api/v1/workers/" + teamManager + "/caseload").then().body("openCases", equalTo(0));
    }

    @Test
    void theRoleJudgedIsTheOneTheWorkerHadOnTheDayTheHoldingTakesEffect() {
        UUID team = Staffing.team();
        // a support worker who qualified three months ago, and a social worker made team manager last month
        LocalDate qualified = TODAY.minusMonths(3);
        LocalDate promoted = TODAY.minusMonths(1);
        UUID newlyQualified = worker(team, Role.SOCIAL_WORKER, Role.SUPPORT_WORKER, qualified);
        UUID promotedToManager = worker(team, Role.TEAM_MANAGER, Role.SOCIAL_WORKER, promoted);
        String first = open(team, TODAY.minusMonths(6));
        String second = open(team, TODAY.minusMonths(6));

        refused(allocate(first, newlyQualified, qualified.minusDays(1)), newlyQualified,
                "was a support worker on " + qualified.minusDays(1));
        allocate(first, newlyQualified, qualified).statusCode(200);
        refused(allocate(second, promotedToManager, null), promotedToManager, "was a team manager on " + TODAY);
        refused(allocate(second, promotedToManager, promoted), promotedToManager, "team manager");
        // recorded late: allocated the day before the promotion, when they still held cases
        allocate(second, promotedToManager, promoted.minusDays(1)).statusCode(200);
    }

    @Test
    void aCorrectionNamingAWorkerWhoseRoleHoldsNoCasesThenIsRefused() {
        UUID team = Staffing.team();
        UUID social = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        UUID teamManager = Staffing.worker(team, Role.TEAM_MANAGER, "1.0");
        LocalDate qualified = TODAY.minusMonths(3);
        UUID newlyQualified = worker(team, Role.SOCIAL_WORKER, Role.SUPPORT_WORKER, qualified);
        String kase = open(team, TODAY.minusMonths(6));
        int change = allocate(kase, newlyQualified, qualified.plusDays(7)).statusCode(200)
                .extract().path("history[0].id");

        refused(correct(kase, change, Map.of("workerId", teamManager, "reason", "It was the manager")), teamManager,
                "team manager");
        refused(correct(kase, change, Map.of("effectiveOn", qualified.minusDays(7).toString(),
                "reason", "A fortnight earlier")), newlyQualified, "was a support worker on " + qualified.minusDays(7));
        senior().get("/api/v1/cases/" + kase).then().body("workerId", equalTo(newlyQualified.toString()),
                "history[0].supersededBy", equalTo(null));
        correct(kase, change, Map.of("workerId", social, "reason", "It was the social worker")).statusCode(200)
                .body("workerId", equalTo(social.toString()));
    }

    @Test
    void aCasesFileNamingAWorkerWhoseRoleHoldsNoCasesThenHasThatRowRefused() {
        UUID team = Staffing.team();
        UUID teamManager = Staffing.worker(team, Role.TEAM_MANAGER, "1.0");
        LocalDate qualified = TODAY.minusMonths(3);
        UUID newlyQualified = worker(team, Role.SOCIAL_WORKER, Role.SUPPORT_WORKER, qualified);
        String key = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String opened = TODAY.minusMonths(6).toString();
        String file = "reference,category,team,openedOn,effectiveOn,staffNumber,closedOn,closeReason\r\n"
                + "H" + key + "-1,CIN,Team " + team + "," + opened + "," + opened + "," + Staffing.staffNumber(teamManager)
                + ",,\r\n"
                + "H" + key + "-2,CIN,Team " + team + "," + opened + "," + opened + ","
                + Staffing.staffNumber(newlyQualified) + ",,\r\n"
                + "H" + key + "-2,CIN,Team " + team + "," + opened + "," + qualified + ",,,\r\n"
                + "H" + key + "-3,CIN,Team " + team + "," + opened + "," + qualified + ","
                + Staffing.staffNumber(newlyQualified) + ",,\r\n";

        problem(senior().contentType("text/csv").body(file).post("/api/v1/imports/cases").then(), 400)
                .body("report.errors.size()", equalTo(2))
                .body("report.errors[0].line", equalTo(2), "report.errors[0].column", equalTo("staffNumber"),
                        "report.errors[0].message", containsString("was a team manager on " + opened))
                .body("report.errors[1].line", equalTo(3), "report.errors[1].column", equalTo("staffNumber"),
                        "report.errors[1].message", containsString("was a support worker on " + opened));
        senior().queryParam("teamId", team).get("/api/v1/cases").then().body("total", equalTo(0));
    }

    /** A 400 naming workerId, saying why the worker's role holds no cases. */
    private static void refused(ValidatableResponse response, UUID worker, String why) {
        problem(response, 400).body("violations[0].field", equalTo("workerId"),
                "detail", containsString("worker " + worker), "detail", containsString(why));
    }

    /** A worker in one role from the start, in another from the day given. */
    private static UUID worker(UUID team, Role now, Role before, LocalDate changedOn) {
        UUID id = UUID.randomUUID();
        Staffing.publishWorker(id, 0, team, now, "1.0", null, List.of(
                new WorkerPeriod(Staffing.START, before, team, BigDecimal.ONE, null),
                new WorkerPeriod(changedOn, now, team, BigDecimal.ONE, null)));
        await().atMost(Duration.ofSeconds(60)).until(() -> senior().get("/api/v1/workers/" + id + "/caseload")
                .statusCode() == 200);
        return id;
    }

    private static String open(UUID team, LocalDate openedOn) {
        return senior().body(Map.of("reference", "H-" + UUID.randomUUID().toString().substring(0, 13),
                        "category", "CIN", "teamId", team, "openedOn", openedOn.toString()))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse allocate(String kase, UUID worker, LocalDate on) {
        Map<String, Object> body = new HashMap<>();
        body.put("workerId", worker);
        body.put("effectiveOn", on == null ? null : on.toString());
        return senior().body(body).post("/api/v1/cases/" + kase + "/allocation").then().log().ifValidationFails();
    }

    private static ValidatableResponse correct(String kase, long change, Map<String, Object> body) {
        return senior().body(body).post("/api/v1/cases/" + kase + "/history/" + change + "/correction").then()
                .log().ifValidationFails();
    }
}
