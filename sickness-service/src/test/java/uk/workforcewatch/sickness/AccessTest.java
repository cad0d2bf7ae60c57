package uk.workforcewatch.sickness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.sickness.Api.as;
import static uk.workforcewatch.sickness.Api.episode;
import static uk.workforcewatch.sickness.Api.recorded;

/** Who sees what: every endpoint as every role, for their own team and another, and without a valid token. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class AccessTest {

    private static UUID ownTeam;
    private static UUID otherTeam;

    record Call(String method, String path, Object body) {
    }

    @BeforeEach
    void fixture() {
        if (ownTeam == null) {
            ownTeam = Staffing.team();
            otherTeam = Staffing.team();
        }
    }

    /** Every call on a fresh episode of a fresh worker of the team, in an order in which each can succeed. */
    private static List<Call> calls(UUID team) {
        UUID worker = Staffing.worker(team, "1.0");
        String id = recorded(worker, LocalDate.parse("2025-03-03"), null);
        UUID newcomer = Staffing.worker(team, "1.0");
        return List.of(
                new Call("POST", "/api/v1/absences", episode(newcomer, LocalDate.parse("2025-03-03"), null, "INFECTION",
                        "SELF_CERTIFIED")),
                new Call("GET", "/api/v1/absences?teamId=" + team, null),
                new Call("GET", "/api/v1/absences?workerId=" + worker + "&teamId=" + team, null),
                new Call("GET", "/api/v1/absences/" + id, null),
                new Call("PATCH", "/api/v1/absences/" + id, Map.of("certification", "FIT_NOTE")),
                new Call("POST", "/api/v1/absences/" + id + "/end", Map.of("endDate", "2025-03-14")),
                new Call("POST", "/api/v1/absences/" + id + "/return-interview",
                        Map.of("heldOn", "2025-03-17", "heldBy", "R. Manager")));
    }

    private static boolean isRead(Call call) {
        return call.method().equals("GET");
    }

    @Test
    void anHrOfficerRecordsAndReadsEveryTeamsAbsenceWithReasons() {
        String token = Tokens.hrOfficer();
        calls(otherTeam).forEach(call -> expect(token, call, call.body() != null && call.path().equals("/api/v1/absences")
                ? 201 : 200));
        UUID worker = Staffing.worker(otherTeam, "1.0");
        String id = recorded(worker, LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-02"));
        as(token).get("/api/v1/absences/" + id).then().body("reason", equalTo("MUSCULOSKELETAL"));
    }

    @Test
    void aTeamManagerRecordsAndReadsTheirOwnTeamsAbsenceOnly() {
        String token = Tokens.teamManager(ownTeam);
        calls(ownTeam).forEach(call -> expect(token, call, call.path().equals("/api/v1/absences") ? 201 : 200));
        calls(otherTeam).forEach(call -> expect(token, call, 403));
        UUID worker = Staffing.worker(ownTeam, "1.0");
        String id = recorded(worker, LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-02"));
        as(token).get("/api/v1/absences/" + id).then().body("reason", equalTo("MUSCULOSKELETAL"));
        // with no team named, their own team's
        as(token).get("/api/v1/absences").then().statusCode(200).body("items.teamId", everyItem(equalTo(ownTeam.toString())));
        expect(token, new Call("GET", "/api/v1/absence-audit", null), 403);
    }

    @Test
    void aSeniorManagerReadsFiguresButNeverReasonsAndRecordsNothing() {
        String token = Tokens.seniorManager();
        for (Call call : calls(otherTeam)) {
            expect(token, call, isRead(call) ? 200 : 403);
        }
        UUID worker = Staffing.worker(otherTeam, "1.0");
        String id = recorded(worker, LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-02"));
        as(token).get("/api/v1/absences/" + id).then().statusCode(200)
                .body("reason", nullValue(), "workingDaysLost", equalTo(2.0f), "certification", equalTo("SELF_CERTIFIED"));
        as(token).queryParam("workerId", worker).get("/api/v1/absences").then()
                .body("items[0].reason", nullValue(), "items[0].workingDays", equalTo(2));
        as(token).get("/api/v1/absence-audit").then().statusCode(200).body("items", notNullValue());
    }

    @Test
    void noTokenAnExpiredOneOrAStrangersIsRefused() {
        for (Call call : calls(ownTeam)) {
            var request = RestAssured.given().contentType("application/json");
            if (call.body() != null) {
                request = request.body(call.body());
            }
            assertEquals(401, request.request(call.method(), call.path()).statusCode(), call.path());
            expect(Tokens.expired("hr-officer"), call, 401);
            expect(Tokens.signedByStranger("hr-officer"), call, 401);
        }
        assertEquals(401, RestAssured.get("/api/v1/absence-audit").statusCode());
    }

    private static void expect(String token, Call call, int status) {
        var request = as(token);
        if (call.body() != null) {
            request = request.body(call.body());
        }
        assertEquals(status, request.request(call.method(), call.path()).statusCode(), call.method() + " " + call.path());
    }
}
