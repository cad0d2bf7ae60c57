package uk.workforcewatch.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The team's picture in one call: besides its workers, cases waiting and alerts, its vacancies and agency cover by
 * the census definitions, and who is absent; with figures worked out by hand.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
class TeamOverviewTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Clock clock;

    private static JsonPath picture(String token, UUID team) {
        String body = RestAssured.given().auth().oauth2(token).get("/api/v1/monitoring/teams/" + team).then()
                .statusCode(200).extract().asString();
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static void assertFigure(String expected, Object actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))),
                what + ": expected " + expected + ", was " + actual);
    }

    @Test
    void theOverviewGivesTheTeamsPostsVacanciesAgencyCoverAndWhoIsAbsentBesideItsCaseloadsAndAlerts() {
        LocalDate today = LocalDate.now(clock);
        UUID team = UUID.randomUUID();
        UUID socialWorkPost = UUID.randomUUID();
        UUID coveredPost = UUID.randomUUID();
        UUID leaversPost = UUID.randomUUID();
        UUID supportPost = UUID.randomUUID();
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID xan = UUID.randomUUID();
        UUID yas = UUID.randomUUID();
        UUID sue = UUID.randomUUID();
        UUID len = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        LocalDate bobAbsentSince = today.minusDays(5);
        Events.team(team, "Northfield CIN", 0);
        Events.post(socialWorkPost, team, 0, "1.0");
        Events.post(coveredPost, team, 0, "1.0");
        Events.post(leaversPost, team, 0, Role.SENIOR_PRACTITIONER, "0.5");
        Events.post(supportPost, team, 0, Role.SUPPORT_WORKER, "1.0");       // not counted by the census
        Events.worker(ann, "Ann Permanent", Role.SOCIAL_WORKER, team, 0, Employment.PERMANENT, "1.0",
                socialWorkPost, null);
        Events.worker(bob, "Bob Absent", Role.SOCIAL_WORKER, team, 0, Employment.PERMANENT, "1.0", null, null);
        Events.worker(xan, "Xan Agency", Role.SOCIAL_WORKER, team, 0, Employment.AGENCY, "1.0", coveredPost, null);
        Events.worker(yas, "Yas Agency", Role.SOCIAL_WORKER, team, 0, Employment.AGENCY, "0.6", null, null);
        Events.worker(sue, "Sue Support", Role.SUPPORT_WORKER, team, 0, Employment.PERMANENT, "1.0", supportPost,
                null);
        Events.worker(len, "Len Leaver", Role.SENIOR_PRACTITIONER, team, 0, Employment.PERMANENT, "0.5", leaversPost,
                today.minusDays(1));
        Events.workerAbsence(bob, team, 0, bobAbsentSince, UUID.randomUUID());
        Events.caseload(ann, team, 0, 2, 3, 15);
        Events.caseload(yas, team, 0, 0, 4, 9);
        Events.caseload(sue, team, 0, 0, 3, 15);                                  // no social worker: not averaged
        Events.kase(waiting, team, 0, CaseCategory.CP, null, Instant.now().minusSeconds(3600));

        // counted: posts 1.0 + 1.0 + 0.5; permanent Ann and Bob (2.0 FTE; Len has left, Sue is no social worker);
        // vacant the covered post and the leaver's (1.5 FTE); agency Xan and Yas (1.6 FTE), Xan in a vacant post
        // each kind of record comes on a topic and consumer of its own: wait for every one of them
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath picture = picture(Tokens.seniorManager(), team);
            assertEquals("Northfield CIN", picture.getString("name"));
            assertEquals(3, picture.getList("staffing.posts").size(), "posts");
            assertEquals(2, picture.getInt("staffing.permanentWorkers"));
            assertEquals(2, picture.getList("staffing.agencyWorkers").size());
            assertEquals(List.of(bob.toString()), picture.getList("absent.workerId"));
            assertEquals(1, picture.getList("unallocated").size());
            assertEquals(List.of("TEAM_AGENCY_RATE_HIGH", "TEAM_VACANCY_RATE_HIGH"),
                    picture.<String>getList("alerts.rule").stream().sorted().toList());
            // not getInt: Ann's caseload may not be in yet, and a null there must fail the assertion, not the wait
            assertEquals("5", String.valueOf((Object) picture.get("workers.find { it.id == '" + ann + "' }.caseload.openCases")));
            assertEquals("3", String.valueOf((Object) picture.get("workers.find { it.id == '" + sue + "' }.caseload.openCases")));
            assertEquals("4", String.valueOf((Object) picture.get("workers.find { it.id == '" + yas + "' }.caseload.openCases")));
        });
        JsonPath picture = picture(Tokens.seniorManager(), team);
        assertEquals("Northfield CIN", picture.getString("name"));
        assertEquals(today.toString(), picture.getString("staffing.asOf"));
        assertFigure("2.5", picture.get("staffing.postsFte"), "posts FTE");
        assertEquals(2, picture.getInt("staffing.vacantPosts"));
        assertFigure("1.5", picture.get("staffing.vacantFte"), "vacant FTE");
        assertFigure("2.0", picture.get("staffing.permanentFte"), "permanent FTE");
        assertFigure("1.6", picture.get("staffing.agencyFte"), "agency FTE");
        assertFigure("1.0", picture.get("staffing.agencyFteCoveringVacancies"), "agency FTE covering vacancies");
        assertFigure("0.4286", picture.get("staffing.vacancyRate"), "vacancy rate 1.5 ÷ 3.5");
        assertFigure("0.4444", picture.get("staffing.agencyRate"), "agency rate 1.6 ÷ 3.6");
        assertFigure("0.6667", picture.get("staffing.agencyCoverOfVacancies"), "agency cover 1.0 ÷ 1.5");
        assertEquals(Boolean.FALSE, picture.get("staffing.posts.find { it.id == '" + socialWorkPost + "' }.vacant"));
        assertEquals(ann.toString(), picture.get("staffing.posts.find { it.id == '" + socialWorkPost + "' }.heldBy"));
        assertEquals(Boolean.TRUE, picture.get("staffing.posts.find { it.id == '" + coveredPost + "' }.vacant"));
        assertEquals(List.of(xan.toString()),
                picture.getList("staffing.posts.find { it.id == '" + coveredPost + "' }.coveredBy"));
        assertEquals(Boolean.TRUE, picture.get("staffing.posts.find { it.id == '" + leaversPost + "' }.vacant"));
        assertNull(picture.get("staffing.posts.find { it.id == '" + supportPost + "' }"));
        Map<String, Object> agency = picture.getMap("staffing.agencyWorkers.find { it.id == '" + xan + "' }");
        assertEquals("Xan Agency", agency.get("name"));
        assertFigure("1.0", agency.get("fte"), "Xan's FTE");
        assertEquals(Boolean.TRUE, agency.get("coversVacancy"));
        assertEquals(Boolean.FALSE,
                picture.get("staffing.agencyWorkers.find { it.id == '" + yas + "' }.coversVacancy"));
        assertEquals(List.of(Map.of("workerId", bob.toString(), "name", "Bob Absent", "since",
                bobAbsentSince.toString())), picture.getList("absent"));
        // average caseload: Ann's 5 and Yas's 4 over their 1.0 + 0.6 FTE; Sue is a support worker
        assertEquals(9, picture.getInt("averageCaseload.casesHeld"));
        assertFigure("1.6", picture.get("averageCaseload.caseHolderFte"), "case-holding FTE");
        assertFigure("5.6", picture.get("averageCaseload.average"), "average caseload 9 ÷ 1.6");
        // the rule and the picture read one calculation
        assertFigure("0.4286", picture.get("alerts.find { it.rule == 'TEAM_VACANCY_RATE_HIGH' }.figures.vacancyRate"),
                "the vacancy alert's rate");
        assertFigure("0.4444",
                picture.get("alerts.find { it.rule == 'TEAM_AGENCY_RATE_HIGH' }.figures.agencyWorkerRate"),
                "the agency alert's rate");

        // the team's own manager and HR see it too; another team's manager does not
        assertEquals(List.of(bob.toString()), picture(Tokens.teamManager(team), team).getList("absent.workerId"));
        assertFigure("0.4286", picture(Tokens.hrOfficer(), team).get("staffing.vacancyRate"), "HR's vacancy rate");
        RestAssured.given().auth().oauth2(Tokens.teamManager(UUID.randomUUID())).get("/api/v1/monitoring/teams/" + team)
                .then().statusCode(403);
    }

    @Test
    void aTeamWithoutPostsOrSocialWorkersHasNoRates() {
        UUID team = UUID.randomUUID();
        Events.team(team, "Empty team", 0);
        await().atMost(WAIT).untilAsserted(() -> assertEquals("Empty team", picture(Tokens.seniorManager(), team)
                .getString("name")));
        JsonPath picture = picture(Tokens.seniorManager(), team);
        assertEquals(0, picture.getInt("staffing.vacantPosts"));
        assertNull(picture.get("staffing.vacancyRate"));
        assertNull(picture.get("staffing.agencyRate"));
        assertEquals(List.of(), picture.getList("absent"));
    }
}
