package uk.workforcewatch.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import uk.workforcewatch.events.DomainEvent;
import uk.workforcewatch.events.EventJson;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads a topic back from the real broker, from the start, to check what a service published; and
 * publishes to it as another service would, for the service under test to consume.
 */
public final class EventLog {

    private EventLog() {
    }

    /** A record as read: key, the CloudEvents headers that matter, and the event. */
    public record Published<T extends DomainEvent>(String key, String ceType, String ceId, String ceSource, T event) {
    }

    /**
     * Waits until the topic holds at least {@code count} records for the key, then returns all of that
     * key's records in the order they stand on the topic; fails after the timeout.
     */
    public static <T extends DomainEvent> List<Published<T>> awaitRecords(String topic, String key, int count,
                                                                         Class<T> type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Published<T>> found = List.of();
        while (System.nanoTime() < deadline) {
            found = read(topic, type, record -> key.equals(record.key()));
            if (found.size() >= count) {
                return found;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Expected " + count + " records for key " + key + " on " + topic + " but found "
                + found.size() + ": " + found);
    }

    /** Every record of the topic that passes the filter, as it stands now. */
    public static <T extends DomainEvent> List<Published<T>> read(String topic, Class<T> type,
                                                                 Predicate<ConsumerRecord<String, byte[]>> filter) {
        return readRaw(topic).stream().filter(filter)
                .map(record -> new Published<>(record.key(), header(record, "ce_type"), header(record, "ce_id"),
                        header(record, "ce_source"), EventJson.read(record.value(), type)))
                .toList();
    }

    /** Every record of the topic as it stands now, unread: for records that are not events, such as dead letters. */
    public static List<ConsumerRecord<String, byte[]>> readRaw(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ServiceTestEnvironment.kafka().bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            var end = consumer.endOffsets(assigned);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (assigned.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** The value of a record's header, or null. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Publishes an event as its owning service does: keyed by aggregate id, with CloudEvents headers. */
    public static void publish(String topic, DomainEvent event) {
        publishRaw(topic, event.aggregateId().toString(), EventJson.write(event).getBytes(StandardCharsets.UTF_8),
                event.type());
    }

    /** Publishes any bytes under a key, such as a record a consumer cannot read. */
    public static void publishRaw(String topic, String key, byte[] value, String type) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ServiceTestEnvironment.kafka().bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

}
