package uk.workforcewatch.staffing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.PostEvent;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static uk.workforcewatch.staffing.Api.establish;
import static uk.workforcewatch.staffing.Api.hire;
import static uk.workforcewatch.staffing.Api.hr;
import static uk.workforcewatch.staffing.Api.newTeam;
import static uk.workforcewatch.staffing.Api.problem;

@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class PostsTest {

    @Test
    void aPostIsVacantUntilAPermanentWorkerFillsItWhateverAgencyCover() {
        String team = newTeam("CHILDREN_IN_NEED");
        String post = establish(team, "SOCIAL_WORKER", "1.0", "2024-01-01");
        var agency = WorkersTest.worker(team, "2024-02-01");
        agency.put("employment", "AGENCY");
        agency.put("fte", "0.8");
        agency.put("postId", post);
        String agencyWorker = hire(agency);

        hr().queryParam("teamId", team).queryParam("asOf", "2024-03-01").get("/api/v1/vacancies").then()
                .statusCode(200).body("postId", equalTo(List.of(post)),
                        "[0].coveredBy", equalTo(List.of(agencyWorker)), "[0].agencyCoverFte", equalTo(0.8f));

        var permanent = WorkersTest.worker(team, "2024-04-01");
        permanent.put("postId", post);
        hire(permanent);
        hr().queryParam("teamId", team).queryParam("asOf", "2024-04-01").get("/api/v1/vacancies").then()
                .statusCode(200).body("$", hasSize(0));
        hr().queryParam("teamId", team).queryParam("asOf", "2024-03-31").get("/api/v1/vacancies").then()
                .body("$", hasSize(1));
    }

    @Test
    void recruitmentMilestonesAreRecordedAndPublished() {
        String team = newTeam("FOSTERING_AND_ADOPTION");
        String post = establish(team, "SENIOR_PRACTITIONER", "0.5", "2024-01-01");
        String round = hr().body(Map.of("advertisedOn", "2024-05-01")).post("/api/v1/posts/" + post + "/recruitment")
                .then().statusCode(201).body("recruitment", hasSize(1)).extract().path("recruitment[0].id");
        problem(hr().body(Map.of("advertisedOn", "2024-05-02")).post("/api/v1/posts/" + post + "/recruitment").then(),
                409);
        problem(hr().body(Map.of("startsOn", "2024-07-01")).patch("/api/v1/posts/" + post + "/recruitment/" + round)
                .then(), 400).body("violations[0].field", equalTo("startsOn"));
        hr().body(Map.of("offerMadeOn", "2024-06-01")).patch("/api/v1/posts/" + post + "/recruitment/" + round)
                .then().statusCode(200).body("version", equalTo(2), "recruitment[0].daysFromOfferToStart", nullValue());
        problem(hr().body(Map.of("startsOn", "2024-05-31")).patch("/api/v1/posts/" + post + "/recruitment/" + round)
                .then(), 400).body("violations[0].field", equalTo("startsOn"));
        hr().body(Map.of("startsOn", "2024-07-15")).patch("/api/v1/posts/" + post + "/recruitment/" + round)
                .then().statusCode(200).body("recruitment[0].startsOn", equalTo("2024-07-15"), "version", equalTo(3),
                        "recruitment[0].daysFromOfferToStart", equalTo(44));
        hr().get("/api/v1/posts/" + post).then().body("recruitment[0].daysFromOfferToStart", equalTo(44));

        var events = EventLog.awaitRecords(StaffingTopics.POSTS, post, 4, PostEvent.class, Duration.ofSeconds(30));
        assertEquals(List.of(PostEvent.ESTABLISHED, PostEvent.RECRUITMENT_CHANGED, PostEvent.RECRUITMENT_CHANGED,
                PostEvent.RECRUITMENT_CHANGED), events.stream().map(EventLog.Published::ceType).toList());
        assertEquals(LocalDate.parse("2024-07-15"), events.get(3).event().post().recruitment().get(0).startsOn());
        assertNull(events.get(2).event().post().recruitment().get(0).daysFromOfferToStart());
        assertEquals(44L, events.get(3).event().post().recruitment().get(0).daysFromOfferToStart());
    }

    @Test
    void aRemovedPostIsNoLongerVacantAndCannotBeFilled() {
        String team = newTeam("DISABLED_CHILDREN");
        String post = establish(team, "SOCIAL_WORKER", "1.0", "2024-01-01");
        problem(hr().body(Map.of("removedOn", "2023-12-31")).post("/api/v1/posts/" + post + "/removal").then(), 400);
        hr().body(Map.of("removedOn", "2024-06-30", "version", 0)).post("/api/v1/posts/" + post + "/removal").then()
                .statusCode(200).body("removedOn", equalTo("2024-06-30"));

        hr().queryParam("teamId", team).queryParam("asOf", "2024-07-01").get("/api/v1/vacancies").then()
                .body("$", hasSize(0));
        var events = EventLog.awaitRecords(StaffingTopics.POSTS, post, 2, PostEvent.class, Duration.ofSeconds(30));
        assertEquals(PostEvent.REMOVED, events.get(1).ceType());
        assertEquals(LocalDate.parse("2024-06-30"), events.get(1).event().post().removedOn());
        var filling = WorkersTest.worker(team, "2024-08-01");
        filling.put("postId", post);
        problem(hr().body(filling).post("/api/v1/workers").then(), 400).body("violations[0].field", equalTo("postId"));
        var elsewhere = WorkersTest.worker(newTeam("DISABLED_CHILDREN"), "2024-03-01");
        elsewhere.put("postId", post);
        problem(hr().body(elsewhere).post("/api/v1/workers").then(), 400).body("violations[0].field", equalTo("postId"));
    }

    @Test
    void aPostIsFilledOnlyByAWorkerOfItsRoleAndAnEndedRoundStaysEnded() {
        String team = newTeam("OTHER");
        String post = establish(team, "SENIOR_PRACTITIONER", "1", "2024-01-01");
        var support = WorkersTest.worker(team, "2024-02-01");
        support.put("role", "SUPPORT_WORKER");
        support.put("postId", post);
        problem(hr().body(support).post("/api/v1/workers").then(), 400).body("violations[0].field", equalTo("postId"));

        String round = hr().body(Map.of("advertisedOn", "2024-02-01")).post("/api/v1/posts/" + post + "/recruitment")
                .then().statusCode(201).extract().path("recruitment[0].id");
        hr().body(Map.of("withdrawnOn", "2024-03-01")).patch("/api/v1/posts/" + post + "/recruitment/" + round)
                .then().statusCode(200);
        problem(hr().body(Map.of("offerMadeOn", "2024-03-05")).patch("/api/v1/posts/" + post + "/recruitment/" + round)
                .then(), 409);
        problem(hr().body(Map.of("advertisedOn", "2023-12-01")).post("/api/v1/posts/" + post + "/recruitment").then(),
                400).body("violations[0].field", equalTo("advertisedOn"));
        problem(hr().queryParam("teamId", team).queryParam("asOf", "2024-13-01").get("/api/v1/vacancies").then(), 400);
    }

    @Test
    void badPostInputIsRefused() {
        problem(hr().body(Map.of("teamId", UUID.randomUUID(), "role", "SOCIAL_WORKER", "fte", "1", "establishedOn",
                "2024-01-01")).post("/api/v1/posts").then(), 400).body("violations[0].field", equalTo("teamId"));
        problem(hr().body(Map.of("role", "WIZARD", "fte", "1")).post("/api/v1/posts").then(), 400);
        problem(hr().body(Map.of("fte", "2")).post("/api/v1/posts").then(), 400)
                .body("violations.field", equalTo(List.of("establishedOn", "fte", "role", "teamId")));
        problem(hr().get("/api/v1/posts/" + UUID.randomUUID()).then(), 404);
    }
}
