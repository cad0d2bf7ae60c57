package uk.workforcewatch.consuming;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.EmbeddedKafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replays a dead-letter topic against a real broker: what goes back, what is left out, and that twice is once. */
class DeadLetterReplayTest {

    private static final String SOURCE = "staffing.workers.v1";
    private static final String DEAD_LETTERS = "gateway.dead-letter.v1";
    private static EmbeddedKafka kafka;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(SOURCE, 1, (short) 1), new NewTopic(DEAD_LETTERS, 1, (short) 1)))
                    .all().get();
        }
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(properties);
    }

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        kafka.close();
    }

    @Test
    void sendsBackWhatIsStillItsKeysLatestOnceAndLeavesTheRest() throws Exception {
        RecordMetadata anneFirst = send(new ProducerRecord<>(SOURCE, "anne", "anne v1"));
        RecordMetadata bob = send(sourceRecord("bob", "bob v1"));
        send(new ProducerRecord<>(SOURCE, "anne", "anne v2"));
        // the gateway gave up on anne's first and bob's only record; something else left no source behind
        send(deadLetter("anne", "anne v1", anneFirst));
        send(deadLetter("bob", "bob v1", bob));
        send(new ProducerRecord<>(DEAD_LETTERS, "stray", "no headers"));
        DeadLetterReplay replay = new DeadLetterReplay(kafka.bootstrapServers());

        assertEquals(new DeadLetterReplay.Outcome(1, 1, 1), replay.replay(DEAD_LETTERS, true, quiet()));
        assertEquals(3, read(SOURCE).size(), "a dry run sends nothing");

        assertEquals(new DeadLetterReplay.Outcome(1, 1, 1), replay.replay(DEAD_LETTERS, false, quiet()));
        List<ConsumerRecord<String, String>> source = read(SOURCE);
        assertEquals(4, source.size());
        ConsumerRecord<String, String> replayed = source.get(3);
        assertEquals("bob", replayed.key());
        assertEquals("bob v1", replayed.value());
        assertEquals("staffing.worker.changed", header(replayed, "ce_type"), "the record's own headers go with it");
        assertNull(replayed.headers().lastHeader("dead-letter-reason"), "the dead-letter headers do not");
        assertTrue(header(replayed, DeadLetterReplay.REPLAYED_FROM).startsWith(DEAD_LETTERS + "@0:"));

        assertEquals(new DeadLetterReplay.Outcome(0, 2, 1), replay.replay(DEAD_LETTERS, false, quiet()),
                "what was sent back is now the latest on its topic, so a second replay leaves it out");
        assertEquals(4, read(SOURCE).size());
    }

    private static ProducerRecord<String, String> sourceRecord(String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(SOURCE, key, value);
        record.headers().add(new RecordHeader("ce_type", "staffing.worker.changed".getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static ProducerRecord<String, String> deadLetter(String key, String value, RecordMetadata from) {
        ProducerRecord<String, String> record = new ProducerRecord<>(DEAD_LETTERS, key, value);
        record.headers().add(new RecordHeader("ce_type", "staffing.worker.changed".getBytes(StandardCharsets.UTF_8)));
        header(record, "dead-letter-reason", "connection refused");
        header(record, "dead-letter-topic", from.topic());
        header(record, "dead-letter-partition", String.valueOf(from.partition()));
        header(record, "dead-letter-offset", String.valueOf(from.offset()));
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static RecordMetadata send(ProducerRecord<String, String> record) throws Exception {
        return producer.send(record).get();
    }

    private static List<ConsumerRecord<String, String>> read(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
