package uk.workforcewatch.sickness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.absence.AbsenceEpisodeEvent;
import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.absence.AbsenceTopics;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.events.absence.WorkerAbsenceEvent;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.workforcewatch.sickness.Api.episode;
import static uk.workforcewatch.sickness.Api.hr;
import static uk.workforcewatch.sickness.Api.manager;
import static uk.workforcewatch.sickness.Api.recorded;
import static uk.workforcewatch.sickness.Api.senior;
import static uk.workforcewatch.sickness.Api.today;

/** Recording, changing and ending absence, the interview, the figures, the list, and the events of both topics. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class AbsenceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anEpisodeIsRecordedChangedEndedAndItsInterviewRecordedWithItsEventsAndTheWorkersStatus() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, "1.0");
        LocalDate start = today().minusDays(10);

        String id = manager(team).body(episode(worker, start, null, "STRESS_MENTAL_HEALTH", "SELF_CERTIFIED"))
                .post("/api/v1/absences").then().statusCode(201)
                .header("Location", containsString("/api/v1/absences/"))
                .body("open", equalTo(true), "reason", equalTo("STRESS_MENTAL_HEALTH"), "teamId", equalTo(team.toString()),
                        "version", equalTo(0), "calendarDays", equalTo(11))
                .extract().path("id");
        manager(team).body(Map.of("certification", "FIT_NOTE", "version", 0)).patch("/api/v1/absences/" + id).then()
                .statusCode(200).body("certification", equalTo("FIT_NOTE"), "reason", equalTo("STRESS_MENTAL_HEALTH"),
                        "version", equalTo(1));
        manager(team).body(Map.of("endDate", today().minusDays(1).toString())).post("/api/v1/absences/" + id + "/end")
                .then().statusCode(200).body("open", equalTo(false), "endDate", equalTo(today().minusDays(1).toString()));
        manager(team).body(Map.of("heldOn", today().toString(), "heldBy", "Team manager"))
                .post("/api/v1/absences/" + id + "/return-interview").then().statusCode(200)
                .body("returnInterviewOn", equalTo(today().toString()), "returnInterviewBy", equalTo("Team manager"),
                        "version", equalTo(3));

        var episodes = EventLog.awaitRecords(AbsenceTopics.EPISODES, id, 4, AbsenceEpisodeEvent.class, WAIT);
        assertEquals(List.of(AbsenceEpisodeEvent.STARTED, AbsenceEpisodeEvent.CHANGED, AbsenceEpisodeEvent.ENDED,
                AbsenceEpisodeEvent.RETURN_INTERVIEW_RECORDED), episodes.stream().map(EventLog.Published::ceType).toList());
        assertEquals(List.of(0L, 1L, 2L, 3L), episodes.stream().map(e -> e.event().version()).toList());
        assertEquals("/sickness-service", episodes.get(0).ceSource());
        var last = episodes.get(3).event().episode();
        assertEquals(AbsenceReason.STRESS_MENTAL_HEALTH, last.reason());
        assertEquals(Certification.FIT_NOTE, last.certification());
        assertEquals(today().minusDays(1), last.endDate());
        assertEquals(today(), last.returnInterviewOn());
        AbsenceThresholds configured = new AbsenceThresholds(28, 200, 3);
        assertTrue(episodes.stream().allMatch(e -> configured.equals(e.event().thresholds())), "the thresholds travel");

        var statuses = EventLog.awaitRecords(AbsenceTopics.WORKER_ABSENCE, worker.toString(), 2,
                WorkerAbsenceEvent.class, WAIT);
        assertEquals(List.of(0L, 1L), statuses.stream().map(e -> e.event().version()).toList());
        assertTrue(statuses.get(0).event().absence().absent());
        assertEquals(start, statuses.get(0).event().absence().since());
        assertEquals(UUID.fromString(id), statuses.get(0).event().absence().episodeId());
        assertEquals(team, statuses.get(0).event().absence().teamId());
        assertFalse(statuses.get(1).event().absence().absent());
        assertNull(statuses.get(1).event().absence().since());
        assertEquals(WorkerAbsenceEvent.CHANGED, statuses.get(1).ceType());
        assertTrue(statuses.stream().allMatch(e -> configured.equals(e.event().thresholds())), "the thresholds travel");
    }

    @Test
    void anEpisodeOverAlreadyIsRecordedWithItsInterviewInOneEvent() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, "1.0");
        Map<String, Object> body = episode(worker, today().minusDays(30), today().minusDays(26), "INFECTION",
                "SELF_CERTIFIED");
        body.put("returnInterview", Map.of("heldOn", today().minusDays(25).toString(), "heldBy", " Team manager "));
        String id = hr().body(body).post("/api/v1/absences").then().log().ifValidationFails().statusCode(201)
                .body("open", equalTo(false), "returnInterviewOn", equalTo(today().minusDays(25).toString()),
                        "returnInterviewBy", equalTo("Team manager"), "version", equalTo(0))
                .extract().path("id");
        var episodes = EventLog.awaitRecords(AbsenceTopics.EPISODES, id, 1, AbsenceEpisodeEvent.class, WAIT);
        assertEquals(today().minusDays(25), episodes.get(0).event().episode().returnInterviewOn());
        assertEquals(today().minusDays(26), episodes.get(0).event().episode().endDate());
    }

    @Test
    void anEpisodeRecordedAheadOrAlreadyOverLeavesTheWorkersStatusAlone() {
        UUID team = Staffing.team();
        UUID ahead = Staffing.worker(team, "1.0");
        UUID over = Staffing.worker(team, "1.0");
        UUID marker = Staffing.worker(team, "1.0");
        recorded(ahead, today().plusDays(5), null);
        recorded(over, today().minusDays(20), today().minusDays(15));
        recorded(marker, today(), null);

        // the marker's status was written after the others' episodes: once it is out, theirs would be too
        var markers = EventLog.awaitRecords(AbsenceTopics.WORKER_ABSENCE, marker.toString(), 1,
                WorkerAbsenceEvent.class, WAIT);
        assertTrue(markers.get(0).event().absence().absent());
        assertEquals(today(), markers.get(0).event().absence().since());
        EventLog.awaitRecords(AbsenceTopics.EPISODES, markers.get(0).event().absence().episodeId().toString(), 1,
                AbsenceEpisodeEvent.class, WAIT);
        assertEquals(List.of(), EventLog.read(AbsenceTopics.WORKER_ABSENCE, WorkerAbsenceEvent.class,
                record -> record.key().equals(ahead.toString()) || record.key().equals(over.toString())));
    }

    @Test
    void aChangeThatChangesNothingPublishesNothing() {
        UUID worker = Staffing.worker(Staffing.team(), "1.0");
        String id = recorded(worker, LocalDate.parse("2025-06-02"), LocalDate.parse("2025-06-03"));
        hr().body(Map.of("reason", "MUSCULOSKELETAL")).patch("/api/v1/absences/" + id).then().statusCode(200)
                .body("version", equalTo(0));
        hr().body(Map.of("reason", "INJURY")).patch("/api/v1/absences/" + id).then().statusCode(200)
                .body("version", equalTo(1));
        var events = EventLog.awaitRecords(AbsenceTopics.EPISODES, id, 2, AbsenceEpisodeEvent.class, WAIT);
        assertEquals(List.of(0L, 1L), events.stream().map(e -> e.event().version()).toList());
    }

    @Test
    void workingDaysLostCountWeekdaysLessBankHolidaysTimesTheFteOfEachDay() {
        UUID team = Staffing.team();
        UUID worker = UUID.randomUUID();
        // full time until Christmas 2025, half time from 29 December on
        Staffing.publishWorker(worker, 0, team, List.of(Staffing.period(Staffing.STARTED, team, "1.0"),
                Staffing.period(LocalDate.parse("2025-12-29"), team, "0.5")), null);
        Staffing.awaitVersion(worker, 0);

        // 22 Dec to 2 Jan: 3 days at 1.0 before Christmas, 29-31 Dec and 2 Jan at 0.5; three bank holidays
        String christmas = recorded(worker, LocalDate.parse("2025-12-22"), LocalDate.parse("2026-01-02"));
        senior().get("/api/v1/absences/" + christmas).then().statusCode(200)
                .body("workingDays", equalTo(7), "workingDaysLost", equalTo(5.0f), "calendarDays", equalTo(12),
                        "longTerm", equalTo(false), "reason", nullValue());
        senior().queryParam("asOf", "2025-12-24").get("/api/v1/absences/" + christmas).then()
                .body("workingDaysLost", equalTo(3.0f), "calendarDays", equalTo(3), "asOf", equalTo("2025-12-24"));

        // 2 Feb to 1 Mar 2026: 28 calendar days, long-term; 20 working days at 0.5
        String longTerm = recorded(worker, LocalDate.parse("2026-02-02"), LocalDate.parse("2026-03-01"));
        hr().get("/api/v1/absences/" + longTerm).then()
                .body("workingDaysLost", equalTo(10.0f), "calendarDays", equalTo(28), "longTerm", equalTo(true));
        hr().queryParam("asOf", "2026-02-28").get("/api/v1/absences/" + longTerm).then()
                .body("calendarDays", equalTo(27), "longTerm", equalTo(false));

        // open: runs to the day asked about
        String open = recorded(worker, LocalDate.parse("2026-06-01"), null);
        hr().queryParam("asOf", "2026-06-05").get("/api/v1/absences/" + open).then()
                .body("open", equalTo(true), "workingDays", equalTo(5), "workingDaysLost", equalTo(2.5f));
    }

    @Test
    void episodesAreListedByTeamWorkerPeriodAndOpennessLatestFirstWithPaging() {
        UUID team = Staffing.team();
        UUID first = Staffing.worker(team, "1.0");
        UUID second = Staffing.worker(team, "1.0");
        String march = recorded(first, LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-07"));
        String may = recorded(first, LocalDate.parse("2025-05-12"), LocalDate.parse("2025-05-13"));
        String open = recorded(second, LocalDate.parse("2025-04-01"), null);

        hr().queryParam("teamId", team).get("/api/v1/absences").then().statusCode(200)
                .body("total", equalTo(3), "items.id", equalTo(List.of(may, open, march)));
        manager(team).get("/api/v1/absences").then().body("total", equalTo(3));
        hr().queryParam("workerId", first).get("/api/v1/absences").then().body("items.id", equalTo(List.of(may, march)));
        hr().queryParam("teamId", team).queryParam("open", true).get("/api/v1/absences").then()
                .body("items.id", equalTo(List.of(open)));
        hr().queryParam("teamId", team).queryParam("open", false).get("/api/v1/absences").then().body("total", equalTo(2));
        hr().queryParam("teamId", team).queryParam("from", "2025-03-08").queryParam("to", "2025-04-30")
                .get("/api/v1/absences").then().body("items.id", equalTo(List.of(open)));
        hr().queryParam("teamId", team).queryParam("from", "2025-03-07").queryParam("to", "2025-03-07")
                .get("/api/v1/absences").then().body("items.id", equalTo(List.of(march)));
        hr().queryParam("teamId", team).queryParam("size", 2).queryParam("page", 1).get("/api/v1/absences").then()
                .body("items", hasSize(1), "total", equalTo(3), "items[0].id", equalTo(march));
        hr().queryParam("workerId", first).get("/api/v1/absences").then()
                .body("items[0].workingDaysLost", equalTo(2.0f), "items[1].workingDaysLost", equalTo(5.0f));
    }
}
