package uk.workforcewatch.caseload;

import io.restassured.RestAssured;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.LeavingReason;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.ServiceArea;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.events.staffing.TeamEvent;
import uk.workforcewatch.events.staffing.TeamState;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.events.staffing.WorkerState;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.Tokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Plays staffing-service for the tests: publishes its team and worker events to the real broker, and
 * waits until caseload-service has taken them in.
 */
public final class Staffing {

    /** The staff number every test worker has: the council's key in its files. */
    public static String staffNumber(UUID worker) {
        return "W" + worker.toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    /** Every test worker started on this day. */
    public static final LocalDate START = LocalDate.of(2020, 1, 6);

    private Staffing() {
    }

    public static UUID team() {
        UUID id = UUID.randomUUID();
        EventLog.publish(StaffingTopics.TEAMS, new TeamEvent(UUID.randomUUID(), TeamEvent.CREATED, id, 0, Instant.now(),
                new TeamState(id, "Team " + id, ServiceArea.CHILD_PROTECTION, null)));
        await().atMost(Duration.ofSeconds(60)).until(() -> RestAssured.given().auth().oauth2(Tokens.seniorManager())
                .get("/api/v1/teams/" + id + "/caseloads").statusCode() == 200);
        return id;
    }

    /** A worker hired into the team, once caseload-service knows them. */
    public static UUID worker(UUID team, Role role, String fte) {
        UUID id = UUID.randomUUID();
        publishWorker(id, 0, team, role, fte, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> RestAssured.given().auth().oauth2(Tokens.seniorManager())
                .get("/api/v1/workers/" + id + "/caseload").statusCode() == 200);
        return id;
    }

    /** Publishes the worker's state at a version, as staffing-service would. */
    public static void publishWorker(UUID id, long version, UUID team, Role role, String fte, LocalDate leftOn) {
        publishWorker(id, version, team, role, fte, leftOn,
                List.of(new WorkerPeriod(START, role, team, new BigDecimal(fte), null)));
    }

    /** The same, with the periods of role, team and FTE since the start date. */
    public static void publishWorker(UUID id, long version, UUID team, Role role, String fte, LocalDate leftOn,
                                     List<WorkerPeriod> history) {
        publishWorker(id, version, team, role, fte, leftOn, history, staffNumber(id), Instant.now());
    }

    /** A social worker in the team with the staff number, as staffing published them at that moment. */
    public static void publishWorker(UUID id, long version, UUID team, String staffNumber, Instant occurredAt) {
        publishWorker(id, version, team, Role.SOCIAL_WORKER, "1.0", null,
                List.of(new WorkerPeriod(START, Role.SOCIAL_WORKER, team, BigDecimal.ONE, null)), staffNumber,
                occurredAt);
    }

    private static void publishWorker(UUID id, long version, UUID team, Role role, String fte, LocalDate leftOn,
                                      List<WorkerPeriod> history, String staffNumber, Instant occurredAt) {
        WorkerState state = new WorkerState(id, staffNumber, "Worker " + id, role, team, new BigDecimal(fte), null,
                Employment.PERMANENT, START, null, null, leftOn, leftOn == null ? null : LeavingReason.RESIGNATION, null,
                null, null, null, history);
        EventLog.publish(StaffingTopics.WORKERS, new WorkerEvent(UUID.randomUUID(),
                leftOn == null ? WorkerEvent.HIRED : WorkerEvent.LEFT, id, version, occurredAt, state));
    }
}
