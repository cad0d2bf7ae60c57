package uk.workforcewatch.staffing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.PostEvent;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.staffing.asof.AsOfSweep;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.TestClock;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static uk.workforcewatch.staffing.Api.establish;
import static uk.workforcewatch.staffing.Api.hire;
import static uk.workforcewatch.staffing.Api.hr;
import static uk.workforcewatch.staffing.Api.newTeam;

/**
 * What is recorded ahead becomes true when its day comes, with nothing recorded that day: the worker or post is
 * published again that day, one version more and as of it, and only once however often the sweep runs.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class DatesComeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AsOfSweep sweep;

    @AfterEach
    void backToToday() {
        TestClock.reset();
    }

    private void sweep() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> sweep.sweep());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    private static List<EventLog.Published<WorkerEvent>> workerEvents(String id, int atLeast) {
        return EventLog.awaitRecords(StaffingTopics.WORKERS, id, atLeast, WorkerEvent.class, WAIT);
    }

    private static List<EventLog.Published<PostEvent>> postEvents(String id, int atLeast) {
        return EventLog.awaitRecords(StaffingTopics.POSTS, id, atLeast, PostEvent.class, WAIT);
    }

    /** The version the service holds: every publication as a day comes adds one, so a second one would show. */
    private static void versionIs(String path, int version) {
        hr().get(path).then().statusCode(200).body("version", equalTo(version));
    }

    @Test
    void aChangeRecordedAheadIsPublishedAsCurrentWhenItsDayComes() throws Throwable {
        String id = hire(WorkersTest.worker(newTeam("OTHER"), "2024-01-01"));
        hr().body(Map.of("effectiveFrom", today().plusDays(1).toString(), "fte", "0.5"))
                .post("/api/v1/workers/" + id + "/changes").then().statusCode(200).body("fte", equalTo(1.0f));
        sweep();
        assertEquals(2, workerEvents(id, 2).size(), "nothing new before the day");

        TestClock.advance(Duration.ofDays(1));
        sweep();
        sweep();

        var events = workerEvents(id, 3);
        assertEquals(3, events.size(), events.toString());
        assertEquals(2L, events.get(2).event().version());
        assertEquals(new BigDecimal("0.500000"), events.get(2).event().worker().fte());
        assertEquals(today().plusDays(1), events.get(2).event().worker().asOf());
        versionIs("/api/v1/workers/" + id, 2);
    }

    @Test
    void theDayAfterALeaversLastDayTheyArePublishedOutOfPostOnceEvenAfterDaysMissed() throws Throwable {
        String team = newTeam("CHILD_PROTECTION");
        String post = establish(team, "SOCIAL_WORKER", "1.0", "2024-01-01");
        var leaver = WorkersTest.worker(team, "2024-01-01");
        leaver.put("postId", post);
        String id = hire(leaver);
        hr().body(Map.of("leftOn", today().toString(), "reason", "RESIGNATION"))
                .post("/api/v1/workers/" + id + "/leaving").then().statusCode(200);
        sweep();
        assertEquals(2, workerEvents(id, 2).size(), "still in post on their last day");

        // the service was down over the day after: the first sweep after catches up, once
        TestClock.advance(Duration.ofDays(3));
        sweep();
        sweep();

        var events = workerEvents(id, 3);
        assertEquals(List.of(WorkerEvent.HIRED, WorkerEvent.LEFT, WorkerEvent.CHANGED),
                events.stream().map(EventLog.Published::ceType).toList());
        WorkerEvent out = events.get(2).event();
        assertEquals(2L, out.version());
        assertEquals(today().plusDays(3), out.worker().asOf());
        assertEquals(today(), out.worker().leftOn());
        versionIs("/api/v1/workers/" + id, 2);
        hr().queryParam("teamId", team).queryParam("asOf", today().plusDays(3).toString()).get("/api/v1/vacancies")
                .then().body("postId", equalTo(List.of(post)));
    }

    @Test
    void anAgencyCoverIsPublishedTheDayItEndsAndTheDayAnotherStarts() throws Throwable {
        String team = newTeam("LOOKED_AFTER_CHILDREN");
        String post = establish(team, "SOCIAL_WORKER", "1.0", "2024-01-01");
        var covering = WorkersTest.worker(team, "2024-01-01");
        covering.put("employment", "AGENCY");
        covering.put("postId", post);
        String ending = hire(covering);
        hr().body(Map.of("effectiveFrom", today().plusDays(1).toString(), "vacatePost", true))
                .post("/api/v1/workers/" + ending + "/changes").then().statusCode(200).body("postId", equalTo(post));
        var next = WorkersTest.worker(team, today().plusDays(1).toString());
        next.put("employment", "AGENCY");
        next.put("postId", post);
        String starting = hire(next);
        sweep();

        TestClock.advance(Duration.ofDays(1));
        sweep();
        sweep();

        var ended = workerEvents(ending, 3);
        assertEquals(3, ended.size(), ended.toString());
        assertNull(ended.get(2).event().worker().postId(), "the cover has ended");
        assertEquals(today().plusDays(1), ended.get(2).event().worker().asOf());
        var started = workerEvents(starting, 2);
        assertEquals(2, started.size(), started.toString());
        assertEquals(1L, started.get(1).event().version());
        assertEquals(today().plusDays(1), started.get(1).event().worker().asOf());
        assertEquals(post, started.get(1).event().worker().postId().toString());
        versionIs("/api/v1/workers/" + ending, 2);
        versionIs("/api/v1/workers/" + starting, 1);
    }

    @Test
    void aPostIsPublishedTheDayItIsEstablishedTheDayAfterItsRemovalAndTheDayARecruitStarts() throws Throwable {
        String team = newTeam("COURT");
        String established = establish(team, "SOCIAL_WORKER", "1.0", today().plusDays(1).toString());
        String removed = establish(team, "SOCIAL_WORKER", "0.5", "2024-01-01");
        hr().body(Map.of("removedOn", today().toString())).post("/api/v1/posts/" + removed + "/removal").then()
                .statusCode(200);
        String recruited = establish(team, "SENIOR_PRACTITIONER", "1.0", "2024-01-01");
        String round = hr().body(Map.of("advertisedOn", "2024-05-01")).post("/api/v1/posts/" + recruited + "/recruitment")
                .then().statusCode(201).extract().path("recruitment[0].id");
        hr().body(Map.of("offerMadeOn", today().minusDays(20).toString(), "startsOn", today().plusDays(1).toString()))
                .patch("/api/v1/posts/" + recruited + "/recruitment/" + round).then().statusCode(200);
        sweep();
        assertEquals(1, postEvents(established, 1).size(), "not in the structure yet");

        TestClock.advance(Duration.ofDays(1));
        sweep();
        sweep();

        // established, then published as of its first day; established and removed; established, a round advertised and its offer and start
        Map<String, Integer> published = Map.of(established, 2, removed, 3, recruited, 4);
        published.forEach((post, count) -> {
            var events = postEvents(post, count);
            assertEquals(count, events.size(), events.toString());
            PostEvent last = events.get(count - 1).event();
            assertEquals(PostEvent.CHANGED, last.type(), post);
            assertEquals(today().plusDays(1), last.post().asOf(), post);
            versionIs("/api/v1/posts/" + post, (int) last.version());
        });
    }
}
