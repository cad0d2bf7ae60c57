package uk.workforcewatch.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/**
 * The dashboard's page and scripts load without a token (they hold no data) under a policy that lets only the
 * gateway's own scripts run; the figures behind them still need one. The browser test in local-stack drives it.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class DashboardPageTest {

    @Test
    void thePageAndItsScriptsLoadWithoutATokenUnderAStrictPolicy() {
        RestAssured.given().get("/dashboard/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<script type=\"module\" src=\"app.js\"></script>"));
        for (String script : new String[] {"app.js", "api.js", "charts.js", "dom.js"}) {
            RestAssured.given().get("/dashboard/" + script).then().statusCode(200)
                    .contentType(containsString("javascript"));
        }
        RestAssured.given().get("/dashboard/dashboard.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void theFiguresBehindItStillNeedAToken() {
        RestAssured.given().get("/api/v1/monitoring/teams").then().statusCode(401);
        RestAssured.given().get("/api/v1/alerts/stream").then().statusCode(401);
    }
}
