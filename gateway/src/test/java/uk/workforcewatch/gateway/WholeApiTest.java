package uk.workforcewatch.gateway;

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

/**
 * The whole API's document at the gateway. The services are not running in this module's tests (their own
 * documents are merged in the system test): the gateway's part is there and the missing parts are named.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ServicePorts.class, scope = TestResourceScope.GLOBAL)
class WholeApiTest {

    @Test
    void anyoneMayReadTheDocumentWithTheGatewaysOperationsAndTheirRolesAndTheMissingPartsNamed() {
        var document = RestAssured.get("/api/v1/openapi").then().statusCode(200)
                .body("info.title", equalTo("Workforce Watch API"))
                .body("paths.'/api/v1/audit'.get", notNullValue())
                .body("paths.'/api/v1/allocation-options'.get", notNullValue())
                .body("paths.'/api/v1/breaches'.get", notNullValue())
                .body("info.description", containsString("staffing-service (not answering)"))
                .body("info.description", containsString("sickness-service (not answering)"));
        // each operation's security requirement names, as its scopes, the roles that may call it
        document.body("paths.'/api/v1/audit'.get.security[0].SecurityScheme", hasItems("senior-manager", "hr-officer"))
                .body("paths.'/api/v1/openapi'.get.security", equalTo(null));
    }
}
