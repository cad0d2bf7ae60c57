package uk.workforcewatch.staffing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.CareerStage;
import uk.workforcewatch.events.staffing.CensusRole;
import uk.workforcewatch.events.staffing.LeaverDestination;
import uk.workforcewatch.events.staffing.LeavingReason;
import uk.workforcewatch.events.staffing.Qualification;
import uk.workforcewatch.events.staffing.QualificationLevel;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.events.staffing.StartOrigin;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.events.staffing.WorkerState;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static uk.workforcewatch.staffing.Api.hire;
import static uk.workforcewatch.staffing.Api.hr;
import static uk.workforcewatch.staffing.Api.newTeam;
import static uk.workforcewatch.staffing.Api.problem;

/** The worker facts the workforce census return needs: kept as census values, answered and published. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class CensusFieldsTest {

    @Test
    void theCensusFieldsRoundTripThroughTheApiAndEveryEvent() {
        var manager = WorkersTest.worker(newTeam("CHILD_PROTECTION"), "2019-01-07");
        manager.put("role", "TEAM_MANAGER");
        // taken as entered: the census return's quality report is where a malformed number shows
        manager.put("registrationNumber", "sw 123");
        manager.put("origin", "SOCIAL_WORK_NOT_COUNCIL_ENGLAND");
        manager.put("qualification", Map.of("institution", " University of Sheffield ", "level", "POSTGRADUATE"));
        manager.put("censusRole", "MIDDLE_MANAGER");
        manager.put("careerStage", "PRACTICE_LEADER");
        String id = hire(manager);

        hr().get("/api/v1/workers/" + id).then().statusCode(200)
                .body("registrationNumber", equalTo("sw 123"), "origin", equalTo("SOCIAL_WORK_NOT_COUNCIL_ENGLAND"),
                        "qualification.institution", equalTo("University of Sheffield"),
                        "qualification.level", equalTo("POSTGRADUATE"), "censusRole", equalTo("MIDDLE_MANAGER"),
                        "careerStage", equalTo("PRACTICE_LEADER"), "leavingReason", nullValue(),
                        "leavingDestination", nullValue());
        hr().body(Map.of("registrationNumber", "SW0000123456", "qualification",
                        Map.of("institution", "University of York", "level", "UNDERGRADUATE"), "version", 0))
                .patch("/api/v1/workers/" + id).then().statusCode(200)
                .body("registrationNumber", equalTo("SW0000123456"),
                        "qualification.institution", equalTo("University of York"),
                        "origin", equalTo("SOCIAL_WORK_NOT_COUNCIL_ENGLAND"), "censusRole", equalTo("MIDDLE_MANAGER"),
                        "version", equalTo(1));
        hr().body(Map.of("leftOn", "2025-08-29", "reason", "RETIRED")).post("/api/v1/workers/" + id + "/leaving")
                .then().statusCode(200)
                .body("leavingReason", equalTo("RETIRED"), "leavingDestination", equalTo("NOT_YET_COLLECTED"));
        hr().body(Map.of("leavingDestination", "NOT_SOCIAL_CARE_OR_NO_EMPLOYMENT"))
                .patch("/api/v1/workers/" + id).then().statusCode(200)
                .body("leavingReason", equalTo("RETIRED"),
                        "leavingDestination", equalTo("NOT_SOCIAL_CARE_OR_NO_EMPLOYMENT"), "version", equalTo(3));

        var events = EventLog.awaitRecords(StaffingTopics.WORKERS, id, 4, WorkerEvent.class, Duration.ofSeconds(30));
        assertEquals(List.of(WorkerEvent.HIRED, WorkerEvent.CHANGED, WorkerEvent.LEFT, WorkerEvent.CHANGED),
                events.stream().map(EventLog.Published::ceType).toList());
        WorkerState hired = events.get(0).event().worker();
        assertEquals("sw 123", hired.registrationNumber());
        assertEquals(StartOrigin.SOCIAL_WORK_NOT_COUNCIL_ENGLAND, hired.origin());
        assertEquals(new Qualification("University of Sheffield", QualificationLevel.POSTGRADUATE),
                hired.qualification());
        assertEquals(CensusRole.MIDDLE_MANAGER, hired.censusRole());
        assertEquals(CareerStage.PRACTICE_LEADER, hired.careerStage());
        assertNull(hired.leavingReason());
        assertNull(hired.leavingDestination());
        assertEquals(LeaverDestination.NOT_YET_COLLECTED, events.get(2).event().worker().leavingDestination());
        WorkerState last = events.get(3).event().worker();
        assertEquals("SW0000123456", last.registrationNumber());
        assertEquals(new Qualification("University of York", QualificationLevel.UNDERGRADUATE), last.qualification());
        assertEquals(LeavingReason.RETIRED, last.leavingReason());
        assertEquals(LeaverDestination.NOT_SOCIAL_CARE_OR_NO_EMPLOYMENT, last.leavingDestination());
        assertEquals(CensusRole.MIDDLE_MANAGER, last.censusRole());
    }

    @Test
    void aWorkerHiredWithoutCensusFieldsHasThemEmptyUntilCorrected() {
        var worker = WorkersTest.worker(newTeam("OTHER"), "2024-09-02");
        worker.remove("registrationNumber");
        String id = hire(worker);
        hr().get("/api/v1/workers/" + id).then().body("registrationNumber", nullValue(), "origin", nullValue(),
                "qualification", nullValue(), "censusRole", nullValue(), "careerStage", nullValue());

        hr().body(Map.of("origin", "NEWLY_QUALIFIED", "careerStage", "FRONTLINE_PRACTITIONER"))
                .patch("/api/v1/workers/" + id).then().statusCode(200);
        hr().body(Map.of("leftOn", "2025-03-31", "reason", "MOVED_TO_OTHER_ROLE_IN_COUNCIL",
                "destination", "OTHER_SOCIAL_CARE_ENGLAND")).post("/api/v1/workers/" + id + "/leaving").then()
                .statusCode(200);

        var events = EventLog.awaitRecords(StaffingTopics.WORKERS, id, 3, WorkerEvent.class, Duration.ofSeconds(30));
        assertNull(events.get(0).event().worker().qualification());
        WorkerState left = events.get(2).event().worker();
        assertEquals(StartOrigin.NEWLY_QUALIFIED, left.origin());
        assertEquals(CareerStage.FRONTLINE_PRACTITIONER, left.careerStage());
        assertNull(left.censusRole());
        assertEquals(LeavingReason.MOVED_TO_OTHER_ROLE_IN_COUNCIL, left.leavingReason());
        assertEquals(LeaverDestination.OTHER_SOCIAL_CARE_ENGLAND, left.leavingDestination());
    }

    @Test
    void eachBadCensusValueIsRefusedNamingItsFieldAndNothingIsWritten() {
        String team = newTeam("LOOKED_AFTER_CHILDREN");
        for (Map.Entry<String, String> bad : List.of(
                Map.entry("origin", "ANOTHER_COUNCIL"),
                Map.entry("censusRole", "TEAM_MANAGER"),
                Map.entry("careerStage", "NEWLY_QUALIFIED"),
                Map.entry("registrationNumber", "SW12345678901234567890"))) {
            var worker = WorkersTest.worker(team, "2024-01-01");
            worker.put(bad.getKey(), bad.getValue());
            problem(hr().body(worker).post("/api/v1/workers").then(), 400)
                    .body("violations.field", equalTo(List.of(bad.getKey())));
        }
        for (Map.Entry<Map<String, String>, String> bad : List.of(
                Map.entry(Map.of("institution", "University of Leeds", "level", "MASTERS"), "qualification.level"),
                Map.entry(Map.of("institution", "University of Leeds"), "qualification.level"),
                Map.entry(Map.of("institution", " ", "level", "UNDERGRADUATE"), "qualification.institution"),
                Map.entry(Map.of("institution", "U".repeat(201), "level", "UNDERGRADUATE"),
                        "qualification.institution"))) {
            var worker = WorkersTest.worker(team, "2024-01-01");
            worker.put("qualification", bad.getKey());
            problem(hr().body(worker).post("/api/v1/workers").then(), 400)
                    .body("violations.field", equalTo(List.of(bad.getValue())));
        }
        hr().queryParam("teamId", team).get("/api/v1/workers").then().body("total", equalTo(0));

        String id = hire(WorkersTest.worker(team, "2024-01-01"));
        problem(hr().body(Map.of("careerStage", "PRACTICE_MANAGER")).patch("/api/v1/workers/" + id).then(), 400)
                .body("violations[0].field", equalTo("careerStage"), "violations[0].message",
                        containsString("FRONTLINE_PRACTITIONER"));
        problem(hr().body(Map.of("qualification", Map.of("level", "POSTGRADUATE"))).patch("/api/v1/workers/" + id)
                .then(), 400).body("violations[0].field", equalTo("qualification.institution"));
        problem(hr().body(Map.of("leavingReason", "RETIRED")).patch("/api/v1/workers/" + id).then(), 409)
                .body("detail", containsString("has not left"));
        problem(hr().body(Map.of("leftOn", "2024-12-31", "reason", "RETIREMENT"))
                .post("/api/v1/workers/" + id + "/leaving").then(), 400).body("violations[0].field", equalTo("reason"));
        problem(hr().body(Map.of("leftOn", "2024-12-31", "reason", "RESIGNATION", "destination", "Another council"))
                .post("/api/v1/workers/" + id + "/leaving").then(), 400)
                .body("violations[0].field", equalTo("destination"));

        hr().get("/api/v1/workers/" + id).then().body("version", equalTo(0), "leftOn", nullValue(),
                "careerStage", nullValue(), "qualification", nullValue());
        assertEquals(1, EventLog.awaitRecords(StaffingTopics.WORKERS, id, 1, WorkerEvent.class, Duration.ofSeconds(30))
                .size());
    }
}
