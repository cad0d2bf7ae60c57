package uk.workforcewatch.staffing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static uk.workforcewatch.staffing.Api.newTeam;

/** What operators rely on: health of the database and Kafka, the API document, and metrics. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class PlatformTest {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        RestAssured.get("/q/health/live").then().statusCode(200);
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "Kafka connection health check"));
    }

    @Test
    void theOpenApiDocumentListsEveryResourceWithItsRoles() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/workers/{id}/leaving'.post.summary", containsString("HR officers"))
                .body("paths.'/api/v1/indicators'.get", notNullValue())
                .body("paths.'/api/v1/vacancies'.get", notNullValue());
    }

    @Test
    void metricsCountTheEventsSent() {
        newTeam("OTHER");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RestAssured.get("/q/metrics").then()
                .statusCode(200).body(containsString("outbox_events_sent_total")));
    }
}
