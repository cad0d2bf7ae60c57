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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
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
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String key = UUID.randomUUID().toString();
        EventLog.publishRaw(StaffingTopics.WORKERS, key, "not an event".getBytes(StandardCharsets.UTF_8), "WorkerHired");
        Staffing.worker(Staffing.team(), "1.0");   // a later record on the topic is applied

        await().atMost(Duration.ofSeconds(60)).until(() -> EventLog.readRaw(DEAD_LETTERS).stream()
                .anyMatch(record -> key.equals(record.key())
                        && EventLog.header(record, "dead-letter-reason") != null));
    }
}
