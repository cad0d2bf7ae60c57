package uk.workforcewatch.staffing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.ServiceArea;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.events.staffing.TeamEvent;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.staffing.Api.hr;
import static uk.workforcewatch.staffing.Api.problem;

@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class TeamsTest {

    @Test
    void aTeamIsCreatedRenamedAndPublishedWithEachVersionInOrder() {
        String name = "Intake " + UUID.randomUUID();
        String id = hr().body(Map.of("name", name, "serviceArea", "INTAKE_AND_ASSESSMENT"))
                .post("/api/v1/teams").then().statusCode(201)
                .header("Location", containsString("/api/v1/teams/"))
                .body("name", equalTo(name), "version", equalTo(0)).extract().path("id");

        hr().body(Map.of("name", name + " East", "version", 0)).patch("/api/v1/teams/" + id)
                .then().statusCode(200).body("name", equalTo(name + " East"), "version", equalTo(1));

        hr().get("/api/v1/teams/" + id).then().statusCode(200)
                .body("name", equalTo(name + " East"), "serviceArea", equalTo("INTAKE_AND_ASSESSMENT"));
        hr().get("/api/v1/teams").then().statusCode(200).body("id", hasItem(id));

        var events = EventLog.awaitRecords(StaffingTopics.TEAMS, id, 2, TeamEvent.class, Duration.ofSeconds(30));
        assertEquals(2, events.size());
        assertEquals(TeamEvent.CREATED, events.get(0).ceType());
        assertEquals(0, events.get(0).event().version());
        assertEquals(TeamEvent.CHANGED, events.get(1).event().type());
        assertEquals(1, events.get(1).event().version());
        assertEquals(name + " East", events.get(1).event().team().name());
        assertEquals(ServiceArea.INTAKE_AND_ASSESSMENT, events.get(1).event().team().serviceArea());
        assertEquals("/staffing-service", events.get(1).ceSource());
        assertEquals(events.get(1).event().eventId().toString(), events.get(1).ceId());
    }

    @Test
    void badInputIsRefusedWithEveryFieldAtFault() {
        problem(hr().body(Map.of("name", " ")).post("/api/v1/teams").then(), 400)
                .body("violations", hasSize(2))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("serviceArea"));
        problem(hr().body(Map.of("name", "X", "serviceArea", "NOT_AN_AREA")).post("/api/v1/teams").then(), 400)
                .body("violations[0].field", equalTo("serviceArea"));
        problem(hr().body("{not json").post("/api/v1/teams").then(), 400);
    }

    @Test
    void aDuplicateNameAStaleVersionAndAnUnknownIdAreRefusedAndNothingChanges() {
        String name = "Court " + UUID.randomUUID();
        String id = hr().body(Map.of("name", name, "serviceArea", "COURT")).post("/api/v1/teams")
                .then().statusCode(201).extract().path("id");

        problem(hr().body(Map.of("name", name.toUpperCase(), "serviceArea", "COURT")).post("/api/v1/teams").then(), 409);
        problem(hr().body(Map.of("name", "Renamed", "version", 7)).patch("/api/v1/teams/" + id).then(), 409)
                .body("detail", containsString("version 0"));
        problem(hr().get("/api/v1/teams/" + UUID.randomUUID()).then(), 404);
        problem(hr().body(Map.of("managerId", UUID.randomUUID())).patch("/api/v1/teams/" + id).then(), 400)
                .body("violations[0].field", equalTo("managerId"));

        hr().get("/api/v1/teams/" + id).then().body("name", equalTo(name), "version", equalTo(0),
                "managerId", equalTo(null));
        assertEquals(1, EventLog.read(StaffingTopics.TEAMS, TeamEvent.class, r -> id.equals(r.key())).size());
    }
}
