package uk.workforcewatch.sickness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static uk.workforcewatch.sickness.Api.hr;
import static uk.workforcewatch.sickness.Api.recorded;

/** What staffing's events do here: the FTE history taken in, repeats and older versions ignored, unreadable records set aside. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class StaffingEventsTest {

    private static final String DEAD_LETTERS = "sickness.dead-letter.v1";
    private static final LocalDate MONDAY = LocalDate.parse("2025-03-03");
    private static final LocalDate FRIDAY = LocalDate.parse("2025-03-07");

    @Test
    void aLaterVersionReplacesTheFteHistoryAndDaysLostFollowIt() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, "1.0");
        String id = recorded(worker, MONDAY, FRIDAY);
        hr().get("/api/v1/absences/" + id).then().body("workingDaysLost", equalTo(5.0f));

        // staffing records that the worker went down to 0.6 from that Wednesday on
        Staffing.publishWorker(worker, 1, team, List.of(Staffing.period(Staffing.STARTED, team, "1.0"),
                Staffing.period(LocalDate.parse("2025-03-05"), team, "0.6")), null);
        Staffing.awaitVersion(worker, 1);
        hr().get("/api/v1/absences/" + id).then().body("workingDaysLost", equalTo(3.8f));
    }

    @Test
    void repeatedAndOlderStaffingEventsChangeNothing() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, "1.0");
        Staffing.publishWorker(worker, 2, team, List.of(Staffing.period(Staffing.STARTED, team, "0.5")), null);
        Staffing.awaitVersion(worker, 2);

        Staffing.publishWorker(worker, 2, team, List.of(Staffing.period(Staffing.STARTED, team, "1.0")), null);   // a repeat
        Staffing.publishWorker(worker, 1, team, List.of(Staffing.period(Staffing.STARTED, team, "0.8")), null);   // older
        Staffing.worker(team, "1.0");   // consumed after them: they have been handled

        String id = recorded(worker, MONDAY, FRIDAY);
        hr().get("/api/v1/absences/" + id).then().body("workingDaysLost", equalTo(2.5f));
    }

    @Test
    void aStaffNumberPassingFromOneWorkerToAnotherEndsWithTheLaterHolderWhicheverEventArrivesFirst() {
        UUID team = Staffing.team();
        var history = List.of(Staffing.period(Staffing.STARTED, team, "1.0"));
        String number = "S-" + UUID.randomUUID().toString().substring(0, 8);
        Instant given = Instant.now().minusSeconds(300);
        Instant renumbered = given.plusSeconds(60);
        Instant taken = given.plusSeconds(120);
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();

        // staffing gave Ann the number, renumbered her, then gave it to Bob; Bob's event arrives first
        Staffing.publishWorker(bob, 0, team, history, null, number, taken);
        Staffing.awaitVersion(bob, 0);
        Staffing.publishWorker(ann, 0, team, history, null, number, given);
        Staffing.awaitVersion(ann, 0);
        assertEquals(number, Staffing.staffNumber(bob));
        assertNull(Staffing.staffNumber(ann), "Bob's claim is the later one");
        Staffing.publishWorker(ann, 1, team, history, null, number + "-A", renumbered);
        Staffing.awaitVersion(ann, 1);
        assertEquals(number + "-A", Staffing.staffNumber(ann));

        // in the order published, Bob's claim clears Ann's older one before her renumbering arrives
        String other = number + "-B";
        UUID cat = UUID.randomUUID();
        UUID dan = UUID.randomUUID();
        Staffing.publishWorker(cat, 0, team, history, null, other, given);
        Staffing.awaitVersion(cat, 0);
        Staffing.publishWorker(dan, 0, team, history, null, other, taken);
        Staffing.awaitVersion(dan, 0);
        assertNull(Staffing.staffNumber(cat));
        assertEquals(other, Staffing.staffNumber(dan));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String key = UUID.randomUUID().toString();
        EventLog.publishRaw(StaffingTopics.WORKERS, key, "not an event".getBytes(StandardCharsets.UTF_8), "WorkerHired");
        Staffing.worker(Staffing.team(), "1.0");   // a later record on the topic is applied

        await().atMost(Duration.ofSeconds(60)).until(() -> EventLog.readRaw(DEAD_LETTERS).stream()
                .anyMatch(record -> key.equals(record.key())
                        && EventLog.header(record, "dead-letter-reason") != null));
    }
}
