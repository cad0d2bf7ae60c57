package uk.workforcewatch.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The allocation options of a team whose right answer is known: a worker with lots of room, a part-timer, one
 * nearly full, one at the CP limit, one full, an ASYE, an absent worker, a leaver, a worker without a caseload
 * yet, a support worker and the team manager; for a CP case and for a CIN case. And who may ask.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
class AllocationOptionsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PATH = "/api/v1/allocation-options";

    @Inject
    Clock clock;

    private final UUID team = UUID.randomUUID();
    private final Map<String, UUID> ids = new LinkedHashMap<>();
    private LocalDate absentSince;
    private LocalDate leftOn;

    private static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    private UUID worker(String name, Role role, String fte, LocalDate leftOn) {
        UUID id = UUID.randomUUID();
        ids.put(name, id);
        Events.worker(id, name, role, team, 0, Employment.PERMANENT, fte, null, leftOn);
        return id;
    }

    /** The team of the class comment, published as staffing, caseload and sickness services would. */
    @BeforeEach
    void aTeam() {
        LocalDate today = LocalDate.now(clock);
        absentSince = today.minusDays(3);
        leftOn = today.minusDays(1);
        Events.team(team, "Riverside child protection", 0);
        Events.caseload(worker("Ada Able", Role.SOCIAL_WORKER, "1.0", null), team, 0, 0, 3, 15);
        Events.caseload(worker("Ben Nearly", Role.SENIOR_PRACTITIONER, "1.0", null), team, 0, 2, 12, 15);
        Events.caseload(worker("Cat Cpfull", Role.SOCIAL_WORKER, "1.0", null), team, 0, 10, 0, 15);
        Events.caseload(worker("Dee Asye", Role.ASYE, "1.0", null), team, 0, 0, 2, 12);
        UUID absent = worker("Eli Absent", Role.SOCIAL_WORKER, "1.0", null);
        Events.caseload(absent, team, 0, 1, 4, 15);
        Events.workerAbsence(absent, team, 0, absentSince, UUID.randomUUID());
        Events.caseload(worker("Fay Leaver", Role.SOCIAL_WORKER, "1.0", leftOn), team, 0, 0, 0, 15);
        worker("Gus New", Role.SOCIAL_WORKER, "1.0", null);                    // no caseload published yet
        Events.caseload(worker("Hal Half", Role.SOCIAL_WORKER, "0.5", null), team, 0, 0, 2, 7);
        Events.caseload(worker("Ivy Full", Role.SOCIAL_WORKER, "1.0", null), team, 0, 0, 15, 15);
        Events.caseload(worker("Sam Support", Role.SUPPORT_WORKER, "1.0", null), team, 0, 0, 0, 15);
        Events.caseload(worker("Meg Manager", Role.TEAM_MANAGER, "1.0", null), team, 0, 0, 0, 15);
    }

    private JsonPath options(String category) {
        String body = as(Tokens.seniorManager()).queryParam("teamId", team).queryParam("category", category)
                .get(PATH).then().statusCode(200).extract().asString();
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** Each option as name, room after and CP room after. */
    private static List<String> ranking(JsonPath options) {
        return options.<Map<String, Object>>getList("options").stream()
                .map(o -> o.get("name") + " " + o.get("roomAfter") + "/" + o.get("cpRoomAfter")).toList();
    }

    /** Each worker left out, by name, with the codes of their reasons. */
    private static Map<String, List<String>> leftOut(JsonPath options) {
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        for (Map<String, Object> left : options.<Map<String, Object>>getList("leftOut")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> why = (List<Map<String, Object>>) left.get("reasons");
            reasons.put((String) left.get("name"), why.stream().map(r -> (String) r.get("reason")).toList());
        }
        return reasons;
    }

    @Test
    void forACpCaseTheWorkersWithRoomComeMostRoomFirstAndEveryOneLeftOutSaysWhy() {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath cp = options("CP");
            assertEquals(List.of("Ada Able 11/9", "Hal Half 4/3", "Ben Nearly 0/7"), ranking(cp));
            Map<String, List<String>> expected = new LinkedHashMap<>();
            expected.put("Cat Cpfull", List.of("OVER_CP_LIMIT"));
            expected.put("Dee Asye", List.of("ASYE_HIGH_RISK_CASE"));
            expected.put("Eli Absent", List.of("ABSENT"));
            expected.put("Fay Leaver", List.of("LEFT"));
            expected.put("Gus New", List.of("NO_CASELOAD_YET"));
            expected.put("Ivy Full", List.of("OVER_CASELOAD_LIMIT"));
            expected.put("Meg Manager", List.of("ROLE_DOES_NOT_HOLD_CASES"));
            expected.put("Sam Support", List.of("ROLE_DOES_NOT_HOLD_CASES"));
            assertEquals(expected, leftOut(cp));
        });
        JsonPath cp = options("CP");
        assertEquals(team.toString(), cp.getString("teamId"));
        assertEquals("CP", cp.getString("category"));
        assertEquals(LocalDate.now(clock).toString(), cp.getString("asOf"));
        Map<String, Object> ada = cp.getMap("options[0]");
        assertEquals(ids.get("Ada Able").toString(), ada.get("workerId"));
        assertEquals("SOCIAL_WORKER", ada.get("role"));
        assertEquals(0, BigDecimal.ONE.compareTo((BigDecimal) ada.get("fte")));
        assertEquals(List.of(3, 0, 15, 10, 11, 9), List.of(ada.get("openCases"), ada.get("cpCases"), ada.get("limit"),
                ada.get("cpLimit"), ada.get("roomAfter"), ada.get("cpRoomAfter")));
        assertEquals("absent since " + absentSince,
                cp.getString("leftOut.find { it.name == 'Eli Absent' }.reasons[0].detail"));
        assertEquals("left on " + leftOn, cp.getString("leftOut.find { it.name == 'Fay Leaver' }.reasons[0].detail"));
        assertEquals("10 CP cases held, CP limit 10",
                cp.getString("leftOut.find { it.name == 'Cat Cpfull' }.reasons[0].detail"));
        assertEquals(15, cp.getInt("leftOut.find { it.name == 'Ivy Full' }.openCases"));
        assertNull(cp.get("leftOut.find { it.name == 'Gus New' }.openCases"));
    }

    @Test
    void forACinCaseTheAsyeAndTheWorkerAtTheCpLimitAreOfferedAndEqualRoomGoesToMoreCpRoom() {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath cin = options("CIN");
            assertEquals(List.of("Ada Able 11/10", "Dee Asye 9/8", "Hal Half 4/4", "Cat Cpfull 4/0", "Ben Nearly 0/8"),
                    ranking(cin));
            Map<String, List<String>> expected = new LinkedHashMap<>();
            expected.put("Eli Absent", List.of("ABSENT"));
            expected.put("Fay Leaver", List.of("LEFT"));
            expected.put("Gus New", List.of("NO_CASELOAD_YET"));
            expected.put("Ivy Full", List.of("OVER_CASELOAD_LIMIT"));
            expected.put("Meg Manager", List.of("ROLE_DOES_NOT_HOLD_CASES"));
            expected.put("Sam Support", List.of("ROLE_DOES_NOT_HOLD_CASES"));
            assertEquals(expected, leftOut(cin));
        });
        // a court case is high-risk work too: the ASYE is left out of it
        assertEquals(List.of("ASYE_HIGH_RISK_CASE"), leftOut(options("COURT")).get("Dee Asye"));
    }

    @Test
    void aTeamManagerAsksForTheirOwnTeamOnlyAndHrOfficersDoNotAllocate() {
        await().atMost(WAIT).untilAsserted(() -> assertEquals(3, ranking(options("CP")).size()));
        as(Tokens.teamManager(team)).queryParam("teamId", team).queryParam("category", "CP").get(PATH).then()
                .statusCode(200).body("options.name", equalTo(List.of("Ada Able", "Hal Half", "Ben Nearly")));
        as(Tokens.teamManager(UUID.randomUUID())).queryParam("teamId", team).queryParam("category", "CP").get(PATH)
                .then().statusCode(403).contentType("application/problem+json");
        as(Tokens.hrOfficer()).queryParam("teamId", team).queryParam("category", "CP").get(PATH).then()
                .statusCode(403);
        RestAssured.given().queryParam("teamId", team).queryParam("category", "CP").get(PATH).then().statusCode(401);
    }

    @Test
    void bothParametersAreRequiredTheCategoryMustBeOneOfTheCategoriesAndAnUnknownTeamIsNotFound() {
        as(Tokens.seniorManager()).queryParam("teamId", team).get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("category"));
        as(Tokens.seniorManager()).queryParam("category", "CP").get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("teamId"));
        as(Tokens.seniorManager()).queryParam("teamId", team).queryParam("category", "URGENT").get(PATH).then()
                .statusCode(400).contentType("application/problem+json");
        UUID unknown = UUID.randomUUID();
        as(Tokens.seniorManager()).queryParam("teamId", unknown).queryParam("category", "CP").get(PATH).then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(unknown.toString()));
    }
}
