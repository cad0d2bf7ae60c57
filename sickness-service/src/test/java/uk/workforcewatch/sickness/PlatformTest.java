package uk.workforcewatch.sickness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

/** What operators rely on: health of the database and the Kafka consumers, the API document, metrics. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class PlatformTest {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        RestAssured.get("/q/health/live").then().statusCode(200);
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void theOpenApiDocumentListsTheAbsenceAuditAndHrEndpoints() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/absences'.post.summary", containsString("HR officers"))
                .body("paths.'/api/v1/absences/{id}/return-interview'.post", notNullValue())
                .body("paths.'/api/v1/absence-audit'.get", notNullValue())
                .body("paths.'/api/v1/absence-trends'.get.summary", containsString("text/csv"))
                .body("paths.'/api/v1/long-term-absences'.get", notNullValue())
                .body("paths.'/api/v1/bradford-factors'.get", notNullValue())
                .body("paths.'/api/v1/return-interviews/due'.get", notNullValue())
                .body("paths.'/api/v1/return-interviews/timeliness'.get", notNullValue());
    }

    @Test
    void metricsAreExposed() {
        RestAssured.get("/q/metrics").then().statusCode(200).body(containsString("outbox_events_sent_total"));
    }
}
