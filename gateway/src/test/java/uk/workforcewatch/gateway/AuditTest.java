package uk.workforcewatch.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The gateway's audit log: acknowledgements and silences written with the decision, read by who answers for them. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
class AuditTest {

    private static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void anAcknowledgementAndASilenceSetAndEndedAreAuditedWithWhoWhenAndWhy() {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        Events.caseload(worker, team, 0, 2, 15, 15);
        await().atMost(Duration.ofSeconds(60)).until(() -> !as(Tokens.seniorManager()).queryParam("teamId", team)
                .get("/api/v1/breaches").then().extract().jsonPath().getList("id").isEmpty());
        String alert = as(Tokens.seniorManager()).queryParam("teamId", team).get("/api/v1/breaches").then()
                .extract().jsonPath().getString("[0].id");

        as(Tokens.teamManager(team)).body(Map.of("note", "Moving two cases to a colleague"))
                .post("/api/v1/alerts/" + alert + "/acknowledgement").then().statusCode(200);
        String silence = as(Tokens.seniorManager()).body(Map.of("teamId", team.toString(),
                        "until", Instant.now().plus(Duration.ofDays(1)).toString(), "reason", "Restructure this week"))
                .post("/api/v1/silences").then().statusCode(201).extract().path("id");
        as(Tokens.seniorManager()).delete("/api/v1/silences/" + silence).then().statusCode(200);
        as(Tokens.seniorManager()).delete("/api/v1/silences/" + silence).then().statusCode(200);   // ended already

        as(Tokens.hrOfficer()).queryParam("teamId", team).get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(3), "items.action", equalTo(List.of("SILENCE_ENDED", "SILENCE_SET",
                        "ALERT_ACKNOWLEDGED")))
                .body("items[2].actor", equalTo("tm-" + team), "items[2].actorRole", equalTo("team-manager"),
                        "items[2].subjectId", equalTo(alert), "items[2].detail",
                        equalTo("CASELOAD_OVER_LIMIT: Moving two cases to a colleague"))
                .body("items[1].actor", equalTo("senior-manager-user"), "items[1].subjectId", equalTo(silence),
                        "items[1].detail", endsWith(": Restructure this week"));
        as(Tokens.seniorManager()).queryParam("subjectId", alert).get("/api/v1/audit").then().statusCode(200)
                .body("items", hasSize(1), "items[0].action", equalTo("ALERT_ACKNOWLEDGED"));
        as(Tokens.seniorManager()).queryParam("teamId", team).queryParam("action", "SILENCE_SET")
                .queryParam("from", LocalDate.now().minusDays(1).toString()).get("/api/v1/audit").then()
                .statusCode(200).body("total", equalTo(1));
    }

    @Test
    void onlySeniorManagersAndHrOfficersReadTheAuditLog() {
        as(Tokens.teamManager(UUID.randomUUID())).get("/api/v1/audit").then().statusCode(403);
        RestAssured.get("/api/v1/audit").then().statusCode(401);
        as(Tokens.expired("senior-manager")).get("/api/v1/audit").then().statusCode(401);
        as(Tokens.seniorManager()).queryParam("from", "2026-03-05").queryParam("to", "2026-03-04")
                .get("/api/v1/audit").then().statusCode(400);
        as(Tokens.seniorManager()).queryParam("action", "SOMETHING").get("/api/v1/audit").then().statusCode(400);
    }
}
