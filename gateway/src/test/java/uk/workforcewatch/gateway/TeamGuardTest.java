package uk.workforcewatch.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.gateway.forward.Circuits;
import uk.workforcewatch.gateway.forward.Service;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A team manager held to their own team at the gateway, before anything reaches a service: by the record in the
 * path (as the view knows it), by {@code teamId} in the query or body, by the worker a body names. The services
 * stand silent here (they check again themselves, in their own tests and the system test): a request let through
 * reaches the socket, a refused one never does.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ServicePorts.class, scope = TestResourceScope.GLOBAL)
class TeamGuardTest {

    private static final UUID OWN = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final UUID OTHER_WORKER = UUID.randomUUID();
    private static final UUID OTHER_CASE = UUID.randomUUID();
    private static final UUID OWN_CASE = UUID.randomUUID();

    @Inject
    Circuits circuits;

    private final List<SilentService> silent = new ArrayList<>();

    @BeforeEach
    void theViewKnowsBothTeams() {
        circuits.resetAll();
        Events.worker(OTHER_WORKER, OTHER, 0, Employment.PERMANENT, "1.0", null);
        Events.kase(OTHER_CASE, OTHER, 0, CaseCategory.CIN, null, Instant.now());
        Events.kase(OWN_CASE, OWN, 0, CaseCategory.CIN, null, Instant.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> RestAssured.given().auth().oauth2(Tokens.seniorManager())
                .get("/api/v1/monitoring/teams/" + OTHER).then().extract().jsonPath()
                .getList("unallocated.caseId").contains(OTHER_CASE.toString())
                && RestAssured.given().auth().oauth2(Tokens.seniorManager()).get("/api/v1/monitoring/workers/"
                + OTHER_WORKER).statusCode() == 200);
    }

    @AfterEach
    void stopSilentServices() {
        silent.forEach(SilentService::close);
    }

    private SilentService silentAt(Service service) {
        SilentService s = SilentService.listenOn(ServicePorts.port(service));
        silent.add(s);
        return s;
    }

    private static RequestSpecification manager() {
        return RestAssured.given().auth().oauth2(Tokens.teamManager(OWN)).contentType(ContentType.JSON);
    }

    private static void refused(Response response) {
        response.then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("own team"), "status", equalTo(403));
    }

    @Test
    void anotherTeamsRecordQueryOrBodyIsRefusedAtTheGatewayAndNeverReachesTheService() {
        SilentService caseload = silentAt(Service.CASELOAD);
        SilentService staffing = silentAt(Service.STAFFING);
        refused(manager().get("/api/v1/cases/" + OTHER_CASE));
        refused(manager().body("{\"workerId\":\"" + OTHER_WORKER + "\"}")
                .post("/api/v1/cases/" + OTHER_CASE + "/allocation"));
        refused(manager().queryParam("teamId", OTHER).get("/api/v1/cases"));
        refused(manager().get("/api/v1/teams/" + OTHER + "/caseloads"));
        refused(manager().get("/api/v1/workers/" + OTHER_WORKER));
        refused(manager().body("{\"teamId\":\"" + OTHER + "\",\"reference\":\"C-1\",\"category\":\"CIN\"}")
                .post("/api/v1/cases"));
        // the own team's case, but a worker of another team named in the body
        refused(manager().body("{\"workerId\":\"" + OTHER_WORKER + "\"}").post("/api/v1/cases/" + OWN_CASE + "/allocation"));
        assertEquals(0, caseload.connections() + staffing.connections());
    }

    @Test
    void theOwnTeamsRecordsAndRecordsTheViewDoesNotKnowGoOnToTheService() {
        SilentService caseload = silentAt(Service.CASELOAD);
        manager().body("{\"category\":\"CP\"}").post("/api/v1/cases/" + OWN_CASE + "/category").then().statusCode(503);
        manager().body("{\"category\":\"CP\"}").post("/api/v1/cases/" + UUID.randomUUID() + "/category").then()
                .statusCode(503);
        assertEquals(2, caseload.connections());
        // a senior manager is held to no team
        RestAssured.given().auth().oauth2(Tokens.seniorManager()).contentType(ContentType.JSON)
                .body("{\"category\":\"CP\"}").post("/api/v1/cases/" + OTHER_CASE + "/category").then().statusCode(503);
        assertEquals(3, caseload.connections());
    }
}
