package uk.workforcewatch.sickness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static uk.workforcewatch.sickness.Api.hr;
import static uk.workforcewatch.sickness.Api.manager;
import static uk.workforcewatch.sickness.Api.recorded;
import static uk.workforcewatch.sickness.Api.senior;
import static uk.workforcewatch.sickness.Api.today;

/** Every read of an individual's absence record is written down: who, in which role, when, whose, what. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class AuditTest {

    @Test
    void readingAnEpisodeOrAWorkersEpisodesIsAuditedAndTeamListsAndCommandsAreNot() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, "1.0");
        String id = recorded(worker, LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-04"));
        hr().queryParam("workerId", worker).get("/api/v1/absence-audit").then().statusCode(200).body("total", equalTo(0));

        manager(team).get("/api/v1/absences/" + id).then().statusCode(200);
        senior().queryParam("workerId", worker).get("/api/v1/absences").then().statusCode(200);
        hr().queryParam("teamId", team).get("/api/v1/absences").then().statusCode(200);

        hr().queryParam("workerId", worker).get("/api/v1/absence-audit").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.what", equalTo(List.of("absence episodes of worker", "absence episode " + id)))
                .body("items.reader", equalTo(List.of("senior-manager-user", "tm-" + team)))
                .body("items.readerRole", equalTo(List.of("senior-manager", "team-manager")))
                .body("items.workerId", equalTo(List.of(worker.toString(), worker.toString())))
                .body("items[0].readAt", notNullValue());
    }

    @Test
    void aReadThatIsRefusedOrFindsNothingIsNotAudited() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, "1.0");
        String id = recorded(worker, LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-04"));
        UUID stranger = UUID.randomUUID();
        manager(Staffing.team()).get("/api/v1/absences/" + id).then().statusCode(403);
        manager(Staffing.team()).queryParam("workerId", worker).get("/api/v1/absences").then().statusCode(200)
                .body("total", equalTo(0));
        hr().queryParam("workerId", stranger).get("/api/v1/absences").then().statusCode(200);
        hr().queryParam("workerId", worker).get("/api/v1/absence-audit").then().body("total", equalTo(0));
        hr().queryParam("workerId", stranger).get("/api/v1/absence-audit").then().body("total", equalTo(0));
    }

    @Test
    void theAuditIsFilteredByTheDaysOfTheReads() {
        UUID worker = Staffing.worker(Staffing.team(), "1.0");
        String id = recorded(worker, LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-04"));
        hr().get("/api/v1/absences/" + id).then().statusCode(200);

        senior().queryParam("workerId", worker).queryParam("from", today().toString())
                .queryParam("to", today().toString()).get("/api/v1/absence-audit").then()
                .body("total", equalTo(1), "items[0].reader", equalTo("hr-officer-user"));
        senior().queryParam("workerId", worker).queryParam("to", today().minusDays(1).toString())
                .get("/api/v1/absence-audit").then().body("total", equalTo(0));
        senior().queryParam("workerId", worker).queryParam("from", today().plusDays(1).toString())
                .get("/api/v1/absence-audit").then().body("total", equalTo(0));
        senior().queryParam("from", "2025-03-05").queryParam("to", "2025-03-04").get("/api/v1/absence-audit").then()
                .statusCode(400);
    }
}
