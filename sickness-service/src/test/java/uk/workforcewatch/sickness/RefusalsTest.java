package uk.workforcewatch.sickness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.sickness.Api.episode;
import static uk.workforcewatch.sickness.Api.hr;
import static uk.workforcewatch.sickness.Api.problem;
import static uk.workforcewatch.sickness.Api.record;
import static uk.workforcewatch.sickness.Api.recorded;
import static uk.workforcewatch.sickness.Api.today;

/** Every refusal, with a problem that says what is wrong; and nothing half-written, even under a race. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class RefusalsTest {

    private static final LocalDate MONDAY = LocalDate.parse("2025-03-03");
    private static final LocalDate FRIDAY = LocalDate.parse("2025-03-07");

    @Test
    void badInputIsRefusedWithTheFieldAtFault() {
        UUID worker = Staffing.worker(Staffing.team(), "1.0");
        problem(record(hr(), UUID.randomUUID(), MONDAY, FRIDAY), 400).body("violations[0].field", equalTo("workerId"));
        problem(hr().body(Map.of("workerId", worker, "startDate", "2025-03-03", "certification", "FIT_NOTE"))
                .post("/api/v1/absences").then(), 400).body("violations[0].field", equalTo("reason"));
        problem(hr().body(episode(worker, MONDAY, null, "HEADACHE", "FIT_NOTE")).post("/api/v1/absences").then(), 400)
                .body("violations[0].field", equalTo("reason"));
        problem(record(hr(), worker, FRIDAY, MONDAY), 400).body("violations[0].field", equalTo("endDate"));
        problem(record(hr(), worker, today().plusDays(31), null), 400)
                .body("violations[0].field", equalTo("startDate"), "detail", containsString("30 days"));
        record(hr(), worker, today().plusDays(30), null).statusCode(201);
        hr().queryParam("workerId", worker).get("/api/v1/absences").then().body("total", equalTo(1));
    }

    @Test
    void overlappingEpisodesOfOneWorkerAreRefusedNamingTheOther() {
        UUID worker = Staffing.worker(Staffing.team(), "1.0");
        String first = recorded(worker, MONDAY, FRIDAY);
        problem(record(hr(), worker, FRIDAY, FRIDAY.plusDays(3)), 409)
                .body("detail", containsString(first), "otherEpisodeId", equalTo(first));
        problem(record(hr(), worker, MONDAY.minusDays(7), null), 409).body("otherEpisodeId", equalTo(first));
        // the day after is free
        String next = recorded(worker, FRIDAY.plusDays(1), null);
        // an open episode runs on: nothing may start after it
        problem(record(hr(), worker, LocalDate.parse("2025-09-01"), LocalDate.parse("2025-09-02")), 409)
                .body("otherEpisodeId", equalTo(next));
    }

    @Test
    void endingIsRefusedBeforeTheStartTooFarAheadOrTwice() {
        UUID worker = Staffing.worker(Staffing.team(), "1.0");
        String id = recorded(worker, MONDAY, null);
        problem(hr().body(Map.of("endDate", "2025-03-02")).post("/api/v1/absences/" + id + "/end").then(), 400)
                .body("violations[0].field", equalTo("endDate"));
        problem(hr().body(Map.of("endDate", today().plusDays(40).toString())).post("/api/v1/absences/" + id + "/end")
                .then(), 400);
        problem(hr().body(Map.of()).post("/api/v1/absences/" + id + "/end").then(), 400);
        hr().body(Map.of("endDate", "2025-03-03")).post("/api/v1/absences/" + id + "/end").then().statusCode(200);
        problem(hr().body(Map.of("endDate", "2025-03-04")).post("/api/v1/absences/" + id + "/end").then(), 409);
        hr().get("/api/v1/absences/" + id).then().body("endDate", equalTo("2025-03-03"), "version", equalTo(1));
    }

    @Test
    void theReturnInterviewFollowsTheEnd() {
        UUID worker = Staffing.worker(Staffing.team(), "1.0");
        String id = recorded(worker, MONDAY, null);
        Map<String, Object> interview = Map.of("heldOn", "2025-03-10", "heldBy", "R. Manager");
        problem(hr().body(interview).post("/api/v1/absences/" + id + "/return-interview").then(), 409)
                .body("detail", containsString("still open"));
        hr().body(Map.of("endDate", FRIDAY.toString())).post("/api/v1/absences/" + id + "/end").then().statusCode(200);
        problem(hr().body(Map.of("heldOn", "2025-03-06", "heldBy", "R. Manager"))
                .post("/api/v1/absences/" + id + "/return-interview").then(), 400)
                .body("violations[0].field", equalTo("heldOn"));
        problem(hr().body(Map.of("heldOn", today().plusDays(1).toString(), "heldBy", "R. Manager"))
                .post("/api/v1/absences/" + id + "/return-interview").then(), 400);
        problem(hr().body(Map.of("heldOn", "2025-03-10", "heldBy", " "))
                .post("/api/v1/absences/" + id + "/return-interview").then(), 400)
                .body("violations[0].field", equalTo("heldBy"));
        hr().body(interview).post("/api/v1/absences/" + id + "/return-interview").then().statusCode(200)
                .body("returnInterviewOn", equalTo("2025-03-10"));
    }

    @Test
    void anInterviewRecordedWithTheEpisodeNeedsItsEndAndADayAfterIt() {
        UUID worker = Staffing.worker(Staffing.team(), "1.0");
        Map<String, Object> open = episode(worker, MONDAY, null, "OTHER", "SELF_CERTIFIED");
        open.put("returnInterview", Map.of("heldOn", "2025-03-10", "heldBy", "R. Manager"));
        problem(hr().body(open).post("/api/v1/absences").then(), 400)
                .body("violations[0].field", equalTo("returnInterview"));
        Map<String, Object> early = episode(worker, MONDAY, FRIDAY, "OTHER", "SELF_CERTIFIED");
        early.put("returnInterview", Map.of("heldOn", MONDAY.toString(), "heldBy", "R. Manager"));
        problem(hr().body(early).post("/api/v1/absences").then(), 400)
                .body("violations[0].field", equalTo("returnInterview.heldOn"));
        Map<String, Object> nobody = episode(worker, MONDAY, FRIDAY, "OTHER", "SELF_CERTIFIED");
        nobody.put("returnInterview", Map.of("heldOn", "2025-03-10", "heldBy", ""));
        problem(hr().body(nobody).post("/api/v1/absences").then(), 400);
        hr().queryParam("workerId", worker).get("/api/v1/absences").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aStaleVersionAnUnknownIdAndAnEmptyChangeAreRefused() {
        UUID worker = Staffing.worker(Staffing.team(), "1.0");
        String id = recorded(worker, MONDAY, FRIDAY);
        problem(hr().body(Map.of("reason", "INJURY", "version", 3)).patch("/api/v1/absences/" + id).then(), 409)
                .body("detail", containsString("version 0"));
        problem(hr().body(Map.of("endDate", "2025-03-07", "version", 7)).post("/api/v1/absences/" + id + "/end")
                .then(), 409);
        problem(hr().body(Map.of()).patch("/api/v1/absences/" + id).then(), 400);
        String unknown = UUID.randomUUID().toString();
        problem(hr().get("/api/v1/absences/" + unknown).then(), 404);
        problem(hr().body(Map.of("reason", "INJURY")).patch("/api/v1/absences/" + unknown).then(), 404);
        problem(hr().body(Map.of("endDate", "2025-03-07")).post("/api/v1/absences/" + unknown + "/end").then(), 404);
        problem(hr().get("/api/v1/absences/not-an-id").then(), 400);
        hr().get("/api/v1/absences/" + id).then().body("reason", equalTo("MUSCULOSKELETAL"), "version", equalTo(0));
    }

    @Test
    void anEpisodeOutsideTheWorkersEmploymentIsRefused() {
        UUID team = Staffing.team();
        UUID worker = UUID.randomUUID();
        Staffing.publishWorker(worker, 0, team, List.of(Staffing.period(Staffing.STARTED, team, "1.0")),
                LocalDate.parse("2025-01-31"));
        Staffing.awaitVersion(worker, 0);
        problem(record(hr(), worker, MONDAY, FRIDAY), 409).body("detail", containsString("not employed"));
        problem(record(hr(), worker, LocalDate.parse("2019-12-02"), null), 409);
    }

    @Test
    void twoOverlappingEpisodesRecordedAtOnceNeverBothSucceed() throws Exception {
        UUID worker = Staffing.worker(Staffing.team(), "1.0");
        List<LocalDate> starts = List.of(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2), MONDAY.plusDays(3));
        ExecutorService pool = Executors.newFixedThreadPool(starts.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (LocalDate start : starts) {
                answers.add(pool.submit(() -> record(hr(), worker, start, FRIDAY).extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        hr().queryParam("workerId", worker).get("/api/v1/absences").then().body("total", equalTo(1));
    }
    /** The working-day calendar knows 2018 to 2030: a request's date outside them is refused naming the field. */
    @Test
    void aDateOutsideTheCalendarsYearsIsRefusedNamingTheFieldAndTheSupportedYears() {
        UUID worker = Staffing.worker(Staffing.team(), "1.0");
        String years = "supported years 2018 to 2030";
        outsideCalendar(record(hr(), worker, LocalDate.parse("2031-01-06"), null), "startDate");
        outsideCalendar(record(hr(), worker, LocalDate.parse("2017-12-29"), LocalDate.parse("2018-01-03")),
                "startDate");
        outsideCalendar(record(hr(), worker, MONDAY, LocalDate.parse("2031-01-06")), "endDate");
        Map<String, Object> withInterview = episode(worker, MONDAY, FRIDAY, "INFECTION", "SELF_CERTIFIED");
        withInterview.put("returnInterview", Map.of("heldOn", "2031-01-06", "heldBy", "R. Manager"));
        outsideCalendar(hr().body(withInterview).post("/api/v1/absences").then(), "returnInterview.heldOn");
        hr().queryParam("workerId", worker).get("/api/v1/absences").then().body("total", equalTo(0));

        String id = recorded(worker, MONDAY, null);
        outsideCalendar(hr().body(Map.of("endDate", "2031-01-06")).post("/api/v1/absences/" + id + "/end").then(),
                "endDate");
        outsideCalendar(hr().queryParam("asOf", "2017-06-30").get("/api/v1/absences/" + id).then(), "asOf");
        hr().body(Map.of("endDate", FRIDAY.toString())).post("/api/v1/absences/" + id + "/end").then().statusCode(200);
        outsideCalendar(hr().body(Map.of("heldOn", "2031-01-06", "heldBy", "R. Manager"))
                .post("/api/v1/absences/" + id + "/return-interview").then(), "heldOn");

        outsideCalendar(hr().queryParams(Map.of("from", "2017-12-01", "to", "2018-11-30", "groupBy", "MONTH"))
                .get("/api/v1/absence-trends").then(), "from");
        outsideCalendar(hr().queryParams(Map.of("from", "2030-06-01", "to", "2031-05-31", "groupBy", "MONTH"))
                .get("/api/v1/absence-trends").then(), "to");
        outsideCalendar(hr().queryParams(Map.of("from", "2017-12-01", "to", "2018-11-30"))
                .get("/api/v1/return-interviews/timeliness").then(), "from");
        for (String path : List.of("/api/v1/long-term-absences", "/api/v1/bradford-factors",
                "/api/v1/return-interviews/due")) {
            outsideCalendar(hr().queryParam("asOf", "2031-01-06").get(path).then(), "asOf")
                    .body("detail", containsString(years));
        }
    }

    private static ValidatableResponse outsideCalendar(ValidatableResponse response, String field) {
        return problem(response, 400).body("violations[0].field", equalTo(field),
                "violations[0].message", containsString("supported years 2018 to 2030"));
    }
}
