package uk.workforcewatch.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.consuming.DeadLetterReplay;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The view's consumers against a database that goes away: a short outage delays a record and leaves nothing on the
 * dead-letter topic; one longer than the retry budget sends exactly that record there, and a replay once the
 * database is back brings it in; a record the database refuses as data goes there at once.
 */
@QuarkusTest
@WithTestResource(value = FlakyDatabase.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
class ConsumerRetryTest {

    private static final String DEAD_LETTERS = "gateway.dead-letter.v1";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @AfterEach
    void databaseBack() {
        FlakyDatabase.proxy().restore();
    }

    @Test
    void aRecordMetByAShortOutageIsAppliedOnceTheDatabaseIsBackAndNothingIsDeadLettered() throws Exception {
        UUID team = UUID.randomUUID();
        FlakyDatabase.proxy().cut();
        Events.team(team, "Riverside", 0);
        Thread.sleep(3_000); // fault injection: several attempts fail while the database is away
        assertEquals(Optional.empty(), teamName(team));
        FlakyDatabase.proxy().restore();

        await().atMost(WAIT).until(() -> teamName(team), Optional.of("Riverside")::equals);
        assertEquals(List.of(), deadLettersOf(team));
    }

    @Test
    void aRecordThatKeepsFailingGoesToTheDeadLetterTopicAloneAndAReplayBringsItIn() throws Exception {
        UUID team = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        FlakyDatabase.proxy().cut();
        Events.team(team, "Hillside", 0);
        List<ConsumerRecord<String, byte[]>> dead = await().atMost(WAIT).until(() -> deadLettersOf(team),
                records -> !records.isEmpty());
        FlakyDatabase.proxy().restore();
        Events.team(after, "Valley", 0);
        await().atMost(WAIT).until(() -> teamName(after), Optional.of("Valley")::equals);

        assertEquals(1, dead.size());
        assertEquals(StaffingTopics.TEAMS, EventLog.header(dead.get(0), "dead-letter-topic"));
        String reason = EventLog.header(dead.get(0), "dead-letter-reason");
        assertTrue(reason.startsWith("Gave up after "), reason);
        assertTrue(reason.contains(FlakyDatabase.GIVE_UP_AFTER.toUpperCase()), reason);
        assertEquals(Optional.empty(), teamName(team), "not applied until replayed");

        DeadLetterReplay.Outcome outcome = new DeadLetterReplay(ServiceTestEnvironment.kafka().bootstrapServers())
                .replay(DEAD_LETTERS, false, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertTrue(outcome.replayed() >= 1, outcome.toString());
        await().atMost(WAIT).until(() -> teamName(team), Optional.of("Hillside")::equals);
        assertEquals(1, deadLettersOf(team).size(), "the replayed record applied, not dead-lettered again");
    }

    @Test
    void aRecordTheDatabaseRefusesAsDataGoesToTheDeadLetterTopicWithoutWaitingOutTheRetries() {
        UUID team = UUID.randomUUID();
        long sent = System.nanoTime();
        Events.team(team, null, 0);

        List<ConsumerRecord<String, byte[]>> dead = await().atMost(WAIT).until(() -> deadLettersOf(team),
                records -> !records.isEmpty());
        assertTrue(Duration.ofNanos(System.nanoTime() - sent).compareTo(Duration.parse("PT" + FlakyDatabase.GIVE_UP_AFTER)) < 0,
                "refused at the first attempt, not after the retry budget");
        String reason = EventLog.header(dead.get(0), "dead-letter-reason");
        assertFalse(reason.startsWith("Gave up"), reason);
        assertEquals(1, dead.size());
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersOf(UUID key) {
        return EventLog.readRaw(DEAD_LETTERS).stream().filter(record -> key.toString().equals(record.key())).toList();
    }

    private static Optional<String> teamName(UUID team) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ServiceTestEnvironment.database().jdbcUrl(),
                "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement("select name from team_view where id = ?")) {
            query.setObject(1, team);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
