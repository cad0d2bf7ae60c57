package uk.workforcewatch.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every team at a glance, in one call, with figures worked out by hand; each caller sees the teams they may. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
class CouncilOverviewTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static JsonPath council(String token) {
        String body = RestAssured.given().auth().oauth2(token).get("/api/v1/monitoring/teams").then()
                .statusCode(200).extract().asString();
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static String team(UUID id) {
        return "teams.find { it.id == '" + id + "' }";
    }

    @Test
    void everyTeamShowsItsBreachesWaitingCasesRatesAbsenceAndTheSpreadOfItsCaseloads() {
        UUID team = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        UUID filledPost = UUID.randomUUID();
        UUID vacantPost = UUID.randomUUID();
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cat = UUID.randomUUID();
        Instant cpWaiting = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        Instant cinWaiting = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Events.team(team, "Aldgate CP " + team, 0);
        Events.team(quiet, "Bow CIN " + quiet, 0);
        Events.post(filledPost, team, 0, "1.0");
        Events.post(vacantPost, team, 0, "1.0");
        Events.worker(ann, team, 0, Employment.PERMANENT, "1.0", filledPost);
        Events.worker(bob, team, 0, Employment.PERMANENT, "1.0", null);
        Events.worker(cat, team, 0, Employment.AGENCY, "1.0", null);
        Events.caseload(ann, team, 0, 12, 4, 15);      // 16 of 15, and 12 CP of 10
        Events.caseload(bob, team, 0, 0, 15, 15);      // at the limit, not over it
        Events.caseload(cat, team, 0, 2, 3, 15);
        Events.workerAbsence(bob, team, 0, LocalDate.now(), UUID.randomUUID());
        Events.kase(UUID.randomUUID(), team, 0, CaseCategory.CP, null, cpWaiting);
        Events.kase(UUID.randomUUID(), team, 0, CaseCategory.CIN, null, cinWaiting);
        Events.kase(UUID.randomUUID(), team, 0, CaseCategory.CIN, null, Instant.now());

        // each kind of record comes on a topic and consumer of its own: wait for every one of them
        String aldgate = team(team);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath council = council(Tokens.seniorManager());
            assertEquals("Aldgate CP " + team, council.getString(aldgate + ".name"));
            assertEquals(3, council.getInt(aldgate + ".workers"));
            assertEquals(1, council.getInt(aldgate + ".absent"));
            assertEquals(3, council.getInt(aldgate + ".unallocated"));
            assertEquals(3, council.getList(aldgate + ".caseloads.bars.findAll { it.withinLimit + it.overLimit > 0 }")
                    .size(), "three workers' caseloads");
            assertEquals(Map.of("CASELOAD_OVER_LIMIT", 1, "CP_MIX_OVER_LIMIT", 1, "TEAM_VACANCY_RATE_HIGH", 1,
                    "TEAM_AGENCY_RATE_HIGH", 1), council.getMap(aldgate + ".openAlerts"));
            assertEquals("Bow CIN " + quiet, council.getString(team(quiet) + ".name"));
        });
        JsonPath council = council(Tokens.seniorManager());
        assertEquals(LocalDate.now().toString(), council.getString("asOf"));
        Map<String, Object> summary = council.getMap(aldgate);
        assertEquals(1, summary.get("overLimit"));
        assertEquals(1, summary.get("cpMixOverLimit"));
        assertEquals(1, summary.get("unallocatedHighRisk"));
        assertEquals(cinWaiting, Instant.parse((String) summary.get("unallocatedSince")), "the longest wait");
        assertEquals(cpWaiting, Instant.parse((String) summary.get("highRiskUnallocatedSince")), "the CP case's wait");
        // posts 2.0, one vacant; permanent Ann and Bob 2.0; agency Cat 1.0
        assertFigure("0.3333", summary.get("vacancyRate"), "vacancy rate 1.0 ÷ 3.0");
        assertFigure("0.3333", summary.get("agencyRate"), "agency rate 1.0 ÷ 3.0");
        assertEquals("HIGH", summary.get("worstSeverity"));
        // a bar for every number of cases from none to 16: Cat at 5, Bob at 15, Ann over her limit at 16
        assertEquals(15, council.getInt(aldgate + ".caseloads.limit"));
        List<Map<String, Object>> bars = council.getList(aldgate + ".caseloads.bars");
        assertEquals(17, bars.size());
        assertEquals(Map.of("cases", 5, "withinLimit", 1, "overLimit", 0), bars.get(5));
        assertEquals(Map.of("cases", 15, "withinLimit", 1, "overLimit", 0), bars.get(15));
        assertEquals(Map.of("cases", 16, "withinLimit", 0, "overLimit", 1), bars.get(16));
        assertEquals(Map.of("cases", 0, "withinLimit", 0, "overLimit", 0), bars.get(0));

        // the census's average caseload: 16 + 15 + 5 cases over 3.0 FTE, all of them holding cases
        assertEquals(36, council.getInt(aldgate + ".averageCaseload.casesHeld"));
        assertEquals(3, council.getInt(aldgate + ".averageCaseload.caseHolderFte"));
        assertEquals(12.0f, council.getFloat(aldgate + ".averageCaseload.average"));

        // a team with nothing wrong and no one in it yet
        Map<String, Object> bow = council.getMap(team(quiet));
        assertEquals(0, bow.get("workers"));
        assertEquals(Map.of(), bow.get("openAlerts"));
        assertNull(bow.get("worstSeverity"));
        assertNull(bow.get("vacancyRate"));

        // HR sees every team; a team manager their own only
        assertEquals(3, council(Tokens.hrOfficer()).getInt(aldgate + ".workers"));
        JsonPath own = council(Tokens.teamManager(team));
        assertEquals(List.of(team.toString()), own.getList("teams.id"));
        assertEquals(12.0f, own.getFloat("averageCaseload.average"), "the council as far as they may see it");
        RestAssured.given().get("/api/v1/monitoring/teams").then().statusCode(401);
    }

    private static void assertFigure(String expected, Object actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))),
                what + ": expected " + expected + ", was " + actual);
    }
}
