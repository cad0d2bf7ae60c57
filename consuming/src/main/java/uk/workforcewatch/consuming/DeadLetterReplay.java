package uk.workforcewatch.consuming;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Sends the records of a dead-letter topic back to the topics they came from, once the cause of their failure is
 * fixed; the consumers take them again like any record. A record whose key has a later record on its source topic
 * is left out: events carry their subject's whole state, so the later one already says more, and sending the older
 * one after it would leave a compacted topic's last word out of date. For the same reason a second replay sends
 * nothing the first one sent. The dead-letter topic itself is left as it is, for the record.
 */
public final class DeadLetterReplay {

    static final String SOURCE_TOPIC = "dead-letter-topic";
    static final String SOURCE_PARTITION = "dead-letter-partition";
    static final String SOURCE_OFFSET = "dead-letter-offset";
    static final String REPLAYED_FROM = "replayed-from";
    private static final Duration POLL = Duration.ofMillis(500);

    /** What a replay did: records sent again, left out as superseded, and left out for want of a source. */
    public record Outcome(int replayed, int superseded, int unroutable) {
    }

    private final String bootstrapServers;

    public DeadLetterReplay(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static void main(String[] args) {
        String servers = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        boolean dryRun = false;
        String topic = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--bootstrap-servers" -> servers = args[++i];
                default -> topic = args[i];
            }
        }
        if (topic == null) {
            System.err.println("Usage: DeadLetterReplay [--bootstrap-servers HOST:PORT] [--dry-run] DEAD_LETTER_TOPIC");
            System.exit(2);
        }
        new DeadLetterReplay(servers).replay(topic, dryRun, System.out);
    }

    /** Replays every record on {@code deadLetterTopic}; with {@code dryRun} it only says what it would do. */
    public Outcome replay(String deadLetterTopic, boolean dryRun, PrintStream out) {
        List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(info -> new TopicPartition(deadLetterTopic, info.partition())).toList();
            readToEnd(consumer, partitions, Map.of(), deadLetters::add);
            Map<TopicPartition, Long> earliest = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
                TopicPartition source = source(record);
                if (source != null) {
                    earliest.merge(source, offset(record), Math::min);
                }
            }
            Map<TopicPartition, Map<ByteBuffer, Long>> latest = new HashMap<>();
            readToEnd(consumer, List.copyOf(earliest.keySet()), earliest, record -> {
                if (record.key() != null) {
                    latest.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new HashMap<>())
                            .put(ByteBuffer.wrap(record.key()), record.offset());
                }
            });
            return send(deadLetters, latest, dryRun, out);
        }
    }

    private Outcome send(List<ConsumerRecord<byte[], byte[]>> deadLetters,
                         Map<TopicPartition, Map<ByteBuffer, Long>> latest, boolean dryRun, PrintStream out) {
        int replayed = 0;
        int superseded = 0;
        int unroutable = 0;
        try (KafkaProducer<byte[], byte[]> producer = dryRun ? null : producer()) {
            for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
                TopicPartition source = source(record);
                String where = record.topic() + "@" + record.partition() + ":" + record.offset();
                if (source == null) {
                    unroutable++;
                    out.println(where + ": no source topic in its headers, left alone");
                    continue;
                }
                Long newest = record.key() == null ? null
                        : latest.getOrDefault(source, Map.of()).get(ByteBuffer.wrap(record.key()));
                if (newest != null && newest > offset(record)) {
                    superseded++;
                    out.println(where + ": superseded by " + source + ":" + newest + ", left out");
                    continue;
                }
                replayed++;
                out.println(where + (dryRun ? ": would go back to " : ": back to ") + source.topic()
                        + " (" + header(record, "dead-letter-reason") + ")");
                if (!dryRun) {
                    producer.send(replay(record, source.topic(), where));
                }
            }
            if (producer != null) {
                producer.flush();
            }
        }
        out.printf("%d replayed, %d superseded, %d without a source%n", replayed, superseded, unroutable);
        return new Outcome(replayed, superseded, unroutable);
    }

    /** The record as it was first sent: its key, value and headers, without the dead-letter ones. */
    private static ProducerRecord<byte[], byte[]> replay(ConsumerRecord<byte[], byte[]> record, String topic,
                                                        String where) {
        List<Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        headers.add(new RecordHeader(REPLAYED_FROM, where.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }

    private static void readToEnd(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                                  Map<TopicPartition, Long> from, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            Long offset = from.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            consumer.poll(POLL).forEach(record -> {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    each.accept(record);
                }
            });
        }
    }

    private static TopicPartition source(ConsumerRecord<byte[], byte[]> record) {
        String topic = header(record, SOURCE_TOPIC);
        String partition = header(record, SOURCE_PARTITION);
        return topic == null || partition == null || header(record, SOURCE_OFFSET) == null ? null
                : new TopicPartition(topic, Integer.parseInt(partition));
    }

    private static long offset(ConsumerRecord<byte[], byte[]> record) {
        return Long.parseLong(header(record, SOURCE_OFFSET));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a source offset the topic's retention has since removed: read from what is left
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(properties);
    }
}
