package uk.workforcewatch.caseload;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.caseload.cases.LeaverCases;
import uk.workforcewatch.events.caseload.CaseEvent;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.events.caseload.WorkerCaseloadEvent;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.TestClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.caseload.Api.allocate;
import static uk.workforcewatch.caseload.Api.assertUnallocatedAsOpened;
import static uk.workforcewatch.caseload.Api.openCase;
import static uk.workforcewatch.caseload.Api.problem;
import static uk.workforcewatch.caseload.Api.publishedCaseloads;
import static uk.workforcewatch.caseload.Api.publishedChanges;
import static uk.workforcewatch.caseload.Api.senior;

/** What staffing's events do here: leavers' cases released, repeats ignored, unreadable records set aside. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class LeaversAndStaffingEventsTest {

    private static final String DEAD_LETTERS = "caseload.dead-letter.v1";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    LeaverCases leavers;

    private void sweep() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> leavers.sweep());
    }

    @AfterEach
    void backToToday() {
        TestClock.reset();
    }

    @Test
    void whenAWorkersLeavingDateHasComeTheirCasesBecomeUnallocatedWithHistory() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        List<String> held = List.of(openCase(team, "CP"), openCase(team, "CIN"), openCase(team, "LAC"));
        held.forEach(id -> allocate(senior(), id, worker, null).statusCode(200));

        Staffing.publishWorker(worker, 1, team, Role.SOCIAL_WORKER, "1.0", LocalDate.now().minusDays(1));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> senior().get("/api/v1/workers/" + worker + "/caseload")
                .then().body("openCases", equalTo(0)));
        for (String id : held) {
            senior().get("/api/v1/cases/" + id).then().body("workerId", nullValue(), "unallocatedSince", notNullValue(),
                    "history[1].change", equalTo("WORKER_LEFT"), "history[1].recordedBy", equalTo("system"));
            var events = EventLog.awaitRecords(CaseloadTopics.CASES, id, 3, CaseEvent.class, Duration.ofSeconds(30));
            assertEquals(CaseEvent.UNALLOCATED, events.get(2).ceType());
        }
        String refused = openCase(team, "CIN");
        problem(allocate(senior(), refused, worker, null), 409).body("detail", containsString("left on"));

        assertUnallocatedAsOpened(refused);
        senior().get("/api/v1/workers/" + worker + "/caseload").then().body("openCases", equalTo(0));
        allocate(senior(), refused, Staffing.worker(team, Role.SOCIAL_WORKER, "1.0"), null).statusCode(200);
        Staffing.publishWorker(worker, 2, team, Role.SOCIAL_WORKER, "1.0", LocalDate.now().minusDays(1));
        // events of the refusal would stand before those of the changes after it
        assertEquals(List.of(CaseEvent.OPENED, CaseEvent.ALLOCATED), publishedChanges(refused, 2));
        // hired, three cases, leaving (recounted, then released), staffing's repeat (recounted)
        assertEquals(List.of(0, 1, 2, 3, 3, 0, 0), publishedCaseloads(worker, 7));
    }

    @Test
    void aLeavingDateStillToComeReleasesTheCasesWhenItComes() throws Throwable {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        String id = openCase(team, "COURT");
        allocate(senior(), id, worker, null).statusCode(200);
        Staffing.publishWorker(worker, 1, team, Role.SOCIAL_WORKER, "1.0", LocalDate.now().plusDays(10));
        await().atMost(Duration.ofSeconds(60)).until(() -> caseloadEvents(worker) >= 3);

        sweep();
        senior().get("/api/v1/cases/" + id).then().body("workerId", equalTo(worker.toString()));

        TestClock.advance(Duration.ofDays(11));
        sweep();
        senior().get("/api/v1/cases/" + id).then().body("workerId", nullValue());
    }

    /** leftOn is the last day employed: the cases go on that day, however early in it, and not the evening before. */
    @Test
    void theCasesAreReleasedOnTheLeavingDateItselfAndNotTheDayBefore() throws Throwable {
        UUID team = Staffing.team();
        UUID leaver = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        UUID laterLeaver = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        String held = openCase(team, "CP");
        String heldLater = openCase(team, "CIN");
        allocate(senior(), held, leaver, null).statusCode(200);
        allocate(senior(), heldLater, laterLeaver, null).statusCode(200);
        LocalDate leftOn = LocalDate.now(LONDON).plusDays(20);

        TestClock.moveTo(leftOn.minusDays(1).atTime(22, 0).atZone(LONDON).toInstant());
        Staffing.publishWorker(leaver, 1, team, Role.SOCIAL_WORKER, "1.0", leftOn);
        // the same again, on the same partition: once it is applied, the first has been handled
        Staffing.publishWorker(leaver, 2, team, Role.SOCIAL_WORKER, "1.0", leftOn);
        await().atMost(Duration.ofSeconds(60)).until(() -> caseloadEvents(leaver) >= 4);
        sweep();
        senior().get("/api/v1/cases/" + held).then().body("workerId", equalTo(leaver.toString()));
        senior().get("/api/v1/workers/" + leaver + "/caseload").then().body("openCases", equalTo(1));

        TestClock.moveTo(leftOn.atStartOfDay(LONDON).toInstant());
        sweep();
        senior().get("/api/v1/cases/" + held).then().body("workerId", nullValue(),
                "history[1].change", equalTo("WORKER_LEFT"));
        senior().get("/api/v1/workers/" + leaver + "/caseload").then().body("openCases", equalTo(0));

        // staffing's word that today is the last day releases the cases at once, without the timer
        Staffing.publishWorker(laterLeaver, 1, team, Role.SOCIAL_WORKER, "1.0", leftOn);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> senior().get("/api/v1/cases/" + heldLater).then()
                .body("workerId", nullValue()));
    }

    @Test
    void repeatedAndOlderStaffingEventsChangeNothing() {
        UUID team = Staffing.team();
        UUID other = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        Staffing.publishWorker(worker, 2, team, Role.SOCIAL_WORKER, "0.5", null);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> senior().get("/api/v1/workers/" + worker + "/caseload")
                .then().body("limit", equalTo(7)));

        Staffing.publishWorker(worker, 2, other, Role.SOCIAL_WORKER, "1.0", null);   // a repeat of version 2
        Staffing.publishWorker(worker, 1, other, Role.ASYE, "1.0", null);            // older
        Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");   // consumed after them: they have been handled

        senior().get("/api/v1/workers/" + worker + "/caseload").then()
                .body("teamId", equalTo(team.toString()), "limit", equalTo(7));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String key = UUID.randomUUID().toString();
        EventLog.publishRaw(StaffingTopics.WORKERS, key, "not an event".getBytes(StandardCharsets.UTF_8), "WorkerHired");
        Staffing.worker(Staffing.team(), Role.SOCIAL_WORKER, "1.0");   // a later record on the topic is applied

        await().atMost(Duration.ofSeconds(60)).until(() -> EventLog.readRaw(DEAD_LETTERS).stream()
                .anyMatch(record -> key.equals(record.key())
                        && EventLog.header(record, "dead-letter-reason") != null));
    }

    /** The caseload events of a worker so far: one when hired, one more per change applied. */
    private static int caseloadEvents(UUID worker) {
        return EventLog.read(CaseloadTopics.WORKER_CASELOADS, WorkerCaseloadEvent.class,
                record -> worker.toString().equals(record.key())).size();
    }
}
