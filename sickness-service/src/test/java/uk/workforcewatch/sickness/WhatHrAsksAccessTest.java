package uk.workforcewatch.sickness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.sickness.Api.as;

/** Who may ask what HR asks: each endpoint as HR, senior manager, own team's manager, another's, and no token. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class WhatHrAsksAccessTest {

    private static UUID ownTeam;
    private static UUID otherTeam;

    @BeforeEach
    void fixture() {
        if (ownTeam == null) {
            ownTeam = Staffing.team();
            otherTeam = Staffing.team();
        }
    }

    private static final String PERIOD = "from=2025-01-01&to=2025-12-31";

    private static String trends(String groupBy, UUID team) {
        return "/api/v1/absence-trends?" + PERIOD + "&groupBy=" + groupBy + (team == null ? "" : "&teamId=" + team);
    }

    /** Each endpoint for a team (or every team), and the status each caller gets: HR, senior, own team's manager. */
    private record Case(String path, int hr, int senior, int manager) {
    }

    private static List<Case> cases(UUID team) {
        return List.of(
                new Case(trends("MONTH", team), 200, 200, 200),
                new Case(trends("TEAM", team), 200, 200, 200),
                new Case(trends("ROLE", team), 200, 200, 200),
                new Case(trends("REASON", team), 200, 200, 403),
                new Case("/api/v1/long-term-absences?teamId=" + team, 200, 200, 200),
                new Case("/api/v1/bradford-factors?teamId=" + team, 200, 200, 200),
                new Case("/api/v1/return-interviews/due?teamId=" + team, 200, 403, 200),
                new Case("/api/v1/return-interviews/timeliness?" + PERIOD + "&teamId=" + team, 200, 200, 200));
    }

    private static void expect(String token, String path, int status) {
        assertEquals(status, as(token).get(path).statusCode(), path);
    }

    @Test
    void hrSeniorAndTheTeamsOwnManagerAsTheRulesSay() {
        for (Case call : cases(ownTeam)) {
            expect(Tokens.hrOfficer(), call.path(), call.hr());
            expect(Tokens.seniorManager(), call.path(), call.senior());
            expect(Tokens.teamManager(ownTeam), call.path(), call.manager());
        }
    }

    @Test
    void aTeamManagerAskingAboutAnotherTeamIsRefused() {
        for (Case call : cases(otherTeam)) {
            expect(Tokens.teamManager(ownTeam), call.path(), 403);
        }
    }

    @Test
    void councilWideTrendsAreForHrAndSeniorManagersAndATeamManagerMustNameTheirTeam() {
        expect(Tokens.hrOfficer(), trends("MONTH", null), 200);
        expect(Tokens.seniorManager(), trends("TEAM", null), 200);
        expect(Tokens.teamManager(ownTeam), trends("MONTH", null), 403);
        // refused as a problem even when CSV was asked for
        as(Tokens.teamManager(ownTeam)).accept("text/csv").get(trends("MONTH", null)).then().statusCode(403)
                .contentType("application/problem+json");
        as(Tokens.hrOfficer()).accept("text/csv").get(trends("MONTH", ownTeam)).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        // the lists default to a team manager's own team
        expect(Tokens.teamManager(ownTeam), "/api/v1/long-term-absences", 200);
        expect(Tokens.teamManager(ownTeam), "/api/v1/bradford-factors", 200);
        expect(Tokens.teamManager(ownTeam), "/api/v1/return-interviews/due", 200);
    }

    @Test
    void noTokenOrABadOneIsRefused() {
        for (Case call : cases(ownTeam)) {
            assertEquals(401, RestAssured.get(call.path()).statusCode(), call.path());
            expect(Tokens.expired("hr-officer"), call.path(), 401);
            expect(Tokens.signedByStranger("hr-officer"), call.path(), 401);
        }
    }
}
