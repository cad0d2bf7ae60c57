package uk.workforcewatch.caseload;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.caseload.Api.as;
import static uk.workforcewatch.caseload.Api.openCase;

/** Every endpoint as every role, for their own team and another, and without a valid token. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class AccessTest {

    private static UUID ownTeam;
    private static UUID otherTeam;
    private static UUID ownWorker;
    private static UUID otherWorker;

    record Call(String method, String path, Object body) {
    }

    @BeforeEach
    void fixture() {
        if (ownTeam != null) {
            return;
        }
        ownTeam = Staffing.team();
        otherTeam = Staffing.team();
        ownWorker = Staffing.worker(ownTeam, Role.SOCIAL_WORKER, "1.0");
        otherWorker = Staffing.worker(otherTeam, Role.SOCIAL_WORKER, "1.0");
    }

    /** Reads of caseload figures: every role, within its teams. */
    private static List<Call> figures(UUID team, UUID worker) {
        return List.of(
                new Call("GET", "/api/v1/workers/" + worker + "/caseload", null),
                new Call("GET", "/api/v1/workers/" + worker + "/allocation-check?category=CP", null),
                new Call("GET", "/api/v1/teams/" + team + "/caseloads", null),
                new Call("GET", "/api/v1/teams/" + team + "/caseloads?asOf=2025-06-30", null),
                new Call("GET", "/api/v1/workers/" + worker + "/caseload?asOf=2025-06-30", null));
    }

    /** Reads and changes of cases: team managers in their team and senior managers; never HR officers. */
    private static List<Call> cases(UUID team, UUID worker) {
        String kase = openCase(team, "CIN");
        return List.of(
                new Call("POST", "/api/v1/cases", Map.of("reference", "R-" + UUID.randomUUID().toString().substring(0, 8),
                        "category", "CIN", "teamId", team, "openedOn", "2025-01-06")),
                new Call("GET", "/api/v1/cases?teamId=" + team, null),
                new Call("GET", "/api/v1/cases/" + kase, null),
                new Call("POST", "/api/v1/cases/" + kase + "/category", Map.of("category", "LAC")),
                new Call("POST", "/api/v1/cases/" + kase + "/allocation", Map.of("workerId", worker)),
                new Call("DELETE", "/api/v1/cases/" + kase + "/allocation", null),
                // closed today: not before the unallocation, dated today
                new Call("POST", "/api/v1/cases/" + kase + "/closure", Map.of("closedOn",
                        LocalDate.now(ZoneId.of("Europe/London")).toString(), "reason", "done")));
    }

    @Test
    void aTeamManagerWorksInTheirOwnTeamOnly() {
        String token = Tokens.teamManager(ownTeam);
        figures(ownTeam, ownWorker).forEach(call -> expect(token, call, 200));
        cases(ownTeam, ownWorker).forEach(call -> expect(token, call, call.path().equals("/api/v1/cases") ? 201 : 200));
        figures(otherTeam, otherWorker).forEach(call -> expect(token, call, 403));
        cases(otherTeam, otherWorker).forEach(call -> expect(token, call, 403));
        expect(token, new Call("GET", "/api/v1/cases", null), 200);
        expect(token, new Call("GET", "/api/v1/caseloads", null), 403);
    }

    @Test
    void aSeniorManagerWorksEverywhere() {
        String token = Tokens.seniorManager();
        figures(otherTeam, otherWorker).forEach(call -> expect(token, call, 200));
        cases(otherTeam, otherWorker).forEach(call -> expect(token, call, call.path().equals("/api/v1/cases") ? 201 : 200));
        expect(token, new Call("GET", "/api/v1/caseloads?asOf=2025-06-30", null), 200);
    }

    @Test
    void anHrOfficerReadsCaseloadFiguresButNotCases() {
        String token = Tokens.hrOfficer();
        figures(otherTeam, otherWorker).forEach(call -> expect(token, call, 200));
        cases(otherTeam, otherWorker).forEach(call -> expect(token, call, 403));
        expect(token, new Call("GET", "/api/v1/caseloads", null), 200);
    }

    @Test
    void noTokenAnExpiredOneOrAStrangersIsRefused() {
        for (Call call : figures(ownTeam, ownWorker)) {
            assertEquals(401, RestAssured.given().request(call.method(), call.path()).statusCode(), call.path());
            expect(Tokens.expired("senior-manager"), call, 401);
            expect(Tokens.signedByStranger("senior-manager"), call, 401);
        }
        for (Call call : cases(ownTeam, ownWorker)) {
            var request = RestAssured.given().contentType("application/json");
            if (call.body() != null) {
                request = request.body(call.body());
            }
            assertEquals(401, request.request(call.method(), call.path()).statusCode(), call.path());
        }
    }

    private static void expect(String token, Call call, int status) {
        var request = as(token);
        if (call.body() != null) {
            request = request.body(call.body());
        }
        assertEquals(status, request.request(call.method(), call.path()).statusCode(), call.method() + " " + call.path());
    }
}
