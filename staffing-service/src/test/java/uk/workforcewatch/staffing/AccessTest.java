package uk.workforcewatch.staffing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.staffing.Api.as;
import static uk.workforcewatch.staffing.Api.establish;
import static uk.workforcewatch.staffing.Api.hire;
import static uk.workforcewatch.staffing.Api.newTeam;

/** Who may do what: every endpoint as every role, for their own team and another, and without a valid token. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class AccessTest {

    private static String ownTeam;
    private static String otherTeam;
    private static String ownWorker;
    private static String otherWorker;
    private static String ownPost;
    private static String otherPost;

    record Call(String method, String path, Object body) {
    }

    @BeforeEach
    void fixture() {
        if (ownTeam != null) {
            return;
        }
        ownTeam = newTeam("INTAKE_AND_ASSESSMENT");
        otherTeam = newTeam("INTAKE_AND_ASSESSMENT");
        ownWorker = hire(WorkersTest.worker(ownTeam, "2024-01-01"));
        otherWorker = hire(WorkersTest.worker(otherTeam, "2024-01-01"));
        ownPost = establish(ownTeam, "SOCIAL_WORKER", "1", "2024-01-01");
        otherPost = establish(otherTeam, "SOCIAL_WORKER", "1", "2024-01-01");
    }

    private static List<Call> reads(String team, String worker, String post) {
        return List.of(
                new Call("GET", "/api/v1/teams/" + team, null),
                new Call("GET", "/api/v1/workers?teamId=" + team, null),
                new Call("GET", "/api/v1/workers/" + worker, null),
                new Call("GET", "/api/v1/posts?teamId=" + team, null),
                new Call("GET", "/api/v1/posts/" + post, null),
                new Call("GET", "/api/v1/vacancies?teamId=" + team, null),
                new Call("GET", "/api/v1/indicators?teamId=" + team, null));
    }

    private static List<Call> councilReads() {
        return List.of(new Call("GET", "/api/v1/vacancies", null), new Call("GET", "/api/v1/indicators", null));
    }

    /** Writes that a team manager may not make, even for their own team; each is valid for the others. */
    private static List<Call> writes(String team, String worker, String post) {
        return List.of(
                new Call("POST", "/api/v1/teams", Map.of("name", "T " + UUID.randomUUID(), "serviceArea", "OTHER")),
                new Call("PATCH", "/api/v1/teams/" + team, Map.of("serviceArea", "INTAKE_AND_ASSESSMENT")),
                new Call("POST", "/api/v1/workers", WorkersTest.worker(team, "2024-01-01")),
                new Call("PATCH", "/api/v1/workers/" + worker, Map.of("origin", "AGENCY_OR_CONSULTANCY_ENGLAND")),
                new Call("POST", "/api/v1/workers/" + worker + "/changes",
                        Map.of("effectiveFrom", "2024-02-01", "fte", "1")),
                new Call("POST", "/api/v1/posts", Map.of("teamId", team, "role", "SOCIAL_WORKER", "fte", "1",
                        "establishedOn", "2024-01-01")),
                new Call("POST", "/api/v1/posts/" + post + "/recruitment", Map.of("advertisedOn", "2024-03-01")));
    }

    @Test
    void aTeamManagerReadsTheirOwnTeamOnlyAndWritesNothing() {
        String token = Tokens.teamManager(UUID.fromString(ownTeam));
        reads(ownTeam, ownWorker, ownPost).forEach(call -> expect(token, call, 200));
        reads(otherTeam, otherWorker, otherPost).forEach(call -> expect(token, call, 403));
        councilReads().forEach(call -> expect(token, call, 403));
        writes(ownTeam, ownWorker, ownPost).forEach(call -> expect(token, call, 403));
        as(token).get("/api/v1/teams").then().statusCode(200).body("id", equalTo(List.of(ownTeam)));
        as(token).get("/api/v1/workers").then().statusCode(200).body("items.id", equalTo(List.of(ownWorker)));
    }

    @Test
    void hrOfficersAndSeniorManagersReadAndWriteEveryTeam() {
        for (String token : List.of(Tokens.hrOfficer(), Tokens.seniorManager())) {
            reads(otherTeam, otherWorker, otherPost).forEach(call -> expect(token, call, 200));
            councilReads().forEach(call -> expect(token, call, 200));
            String team = newTeam("OTHER");
            String worker = hire(WorkersTest.worker(team, "2024-01-01"));
            String post = establish(team, "SOCIAL_WORKER", "1", "2024-01-01");
            writes(team, worker, post).forEach(call -> expect(token, call, call.method().equals("POST")
                    && !call.path().contains("/changes") ? 201 : 200));
        }
    }

    @Test
    void noTokenAnExpiredOneOneSignedByAStrangerOrOneMeantForAnotherSystemIsRefused() {
        for (Call call : reads(ownTeam, ownWorker, ownPost)) {
            assertEquals(401, RestAssured.given().request(call.method(), call.path()).statusCode(), call.path());
            expect(Tokens.expired("hr-officer"), call, 401);
            expect(Tokens.signedByStranger("hr-officer"), call, 401);
            expect(Tokens.signedWithClaims("hr-officer", Map.of("aud", "payroll")), call, 401);
        }
        for (Call call : writes(ownTeam, ownWorker, ownPost)) {
            assertEquals(401, RestAssured.given().contentType("application/json").body(call.body())
                    .request(call.method(), call.path()).statusCode(), call.path());
        }
    }

    @Test
    void aTeamManagerTokenWithoutATeamSeesNothing() {
        String token = Tokens.signedWithClaims("team-manager", Map.of());
        expect(token, new Call("GET", "/api/v1/teams/" + ownTeam, null), 403);
        expect(token, new Call("GET", "/api/v1/teams", null), 403);
    }

    private static void expect(String token, Call call, int status) {
        var request = as(token);
        if (call.body() != null) {
            request = request.body(call.body());
        }
        int actual = request.request(call.method(), call.path()).statusCode();
        assertEquals(status, actual, call.method() + " " + call.path());
    }
}
