package uk.workforcewatch.outbox;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.TeamEvent;
import uk.workforcewatch.events.staffing.TeamState;
import uk.workforcewatch.events.EventJson;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay's Kafka side against a real broker: what it sends, and what it owns up to when Kafka is away. */
class OutboxSenderTest {

    @BeforeAll
    static void startBroker() {
        new ServiceTestEnvironment().start();
    }

    @Test
    void aBatchGoesOutKeyedInOrderWithCloudEventsHeadersOnACompactedTopic() throws Exception {
        String topic = "outbox-test-" + UUID.randomUUID();
        UUID team = UUID.randomUUID();
        List<PendingEvent> batch = IntStream.range(0, 5).mapToObj(version -> pending(topic, team, version)).toList();

        try (OutboxSender sender = new OutboxSender(bootstrap(), config(Duration.ofSeconds(30)))) {
            OutboxSender.Result result = sender.send(batch);
            assertNull(result.failure());
            assertEquals(batch.stream().map(PendingEvent::id).toList(), result.acknowledged());
        }

        var records = EventLog.read(topic, TeamEvent.class, r -> true);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), records.stream().map(r -> r.event().version()).toList());
        assertTrue(records.stream().allMatch(r -> r.key().equals(team.toString())));
        assertEquals("TeamChanged", records.get(0).ceType());
        assertEquals("/outbox-test", records.get(0).ceSource());
        assertEquals(batch.get(0).eventId(), records.get(0).ceId());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            var config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
        }
    }

    @Test
    void whileKafkaIsUnreachableNothingCountsAsSent() {
        String topic = "outbox-test-" + UUID.randomUUID();
        List<PendingEvent> batch = List.of(pending(topic, UUID.randomUUID(), 0), pending(topic, UUID.randomUUID(), 0));
        try (OutboxSender sender = new OutboxSender(bootstrap(), config(Duration.ofSeconds(3)))) {
            ServiceTestEnvironment.kafka().disconnect();
            OutboxSender.Result result;
            try {
                result = sender.send(batch);
            } finally {
                ServiceTestEnvironment.kafka().reconnect();
            }
            assertNotNull(result.failure());
            assertEquals(List.of(), result.acknowledged());

            OutboxSender.Result retried = sender.send(batch);
            assertNull(retried.failure());
            assertEquals(List.of(batch.get(0).id(), batch.get(1).id()), retried.acknowledged());
        }
    }

    @Test
    void aRecordKafkaCanNeverTakeIsNamedAsPoisonWhileTheOnesBeforeItAreSent() {
        String topic = "outbox-test-" + UUID.randomUUID();
        PendingEvent fine = pending(topic, UUID.randomUUID(), 0);
        PendingEvent huge = new PendingEvent(2000L, UUID.randomUUID().toString(), topic, UUID.randomUUID().toString(),
                "TeamChanged", "x".repeat(2 * 1024 * 1024), Instant.now());
        try (OutboxSender sender = new OutboxSender(bootstrap(), config(Duration.ofSeconds(30)))) {
            OutboxSender.Result result = sender.send(List.of(fine, huge));
            assertEquals(List.of(fine.id()), result.acknowledged());
            assertEquals(huge.id(), result.poison());
        }
    }

    private static PendingEvent pending(String topic, UUID team, int version) {
        TeamEvent event = new TeamEvent(UUID.randomUUID(), TeamEvent.CHANGED, team, version, Instant.now(),
                new TeamState(team, "Team v" + version, null, null));
        return new PendingEvent(1000L + version, event.eventId().toString(), topic, team.toString(), event.type(),
                EventJson.write(event), event.occurredAt());
    }

    private static String bootstrap() {
        return ServiceTestEnvironment.kafka().bootstrapServers();
    }

    private static OutboxConfig config(Duration sendTimeout) {
        return new OutboxConfig() {
            public boolean enabled() { return true; }
            public String source() { return "/outbox-test"; }
            public int batchSize() { return 500; }
            public Duration pollInterval() { return Duration.ofSeconds(1); }
            public Duration backoffMin() { return Duration.ofMillis(100); }
            public Duration backoffMax() { return Duration.ofSeconds(1); }
            public Duration sendTimeout() { return sendTimeout; }
            public Duration retention() { return Duration.ofDays(7); }
            public int topicPartitions() { return 3; }
            public Optional<Short> topicReplicationFactor() { return Optional.empty(); }
        };
    }
}
