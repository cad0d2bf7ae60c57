package uk.workforcewatch.outbox;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.workforcewatch.events.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The Kafka side of the relay: creates the log-compacted topics it is about to use, sends a batch
 * keyed by aggregate id with CloudEvents headers, and reports which rows the broker acknowledged.
 * Only the acknowledged rows before the first failure count as sent: the rest are sent again, so the
 * last record of every key on a topic is always its newest version.
 */
class OutboxSender implements AutoCloseable {

    /** Kafka refused or did not acknowledge a record in time. */
    static final class SendFailure extends RuntimeException {
        SendFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * What the broker acknowledged, in order, and the failure that stopped the batch, if any. {@code poison}
     * is the id of a row that Kafka can never take whatever is retried (too large, say), or null.
     */
    record Result(List<Long> acknowledged, SendFailure failure, Long poison) {

        Result(List<Long> acknowledged, SendFailure failure) {
            this(acknowledged, failure, null);
        }
    }

    /** Errors about the record itself: retrying can never help. Anything else (the broker away) is retried. */
    private static final List<Class<? extends Throwable>> RECORD_ERRORS = List.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidTopicException.class, InvalidRecordException.class,
            SerializationException.class);

    private final String bootstrapServers;
    private final OutboxConfig config;
    private final Set<String> knownTopics = new HashSet<>();
    private KafkaProducer<String, String> producer;

    OutboxSender(String bootstrapServers, OutboxConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    Result send(List<PendingEvent> batch) {
        try {
            createMissingTopics(batch);
        } catch (RuntimeException e) {
            return new Result(List.of(), new SendFailure("topics could not be created: " + e.getMessage(), e));
        }
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            Future<RecordMetadata> send = kafka.send(record(event));
            sends.add(send);
            if (send.isDone()) {
                break; // failed at once (no metadata while the broker is away): the rest would wait as long
            }
        }
        List<Long> acknowledged = new ArrayList<>(sends.size());
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(batch.get(i).id());
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                resetProducer(); // start the next attempt from a clean producer state
                boolean poison = RECORD_ERRORS.stream().anyMatch(type -> type.isInstance(cause));
                return new Result(acknowledged, new SendFailure(String.valueOf(cause), cause),
                        poison ? batch.get(i).id() : null);
            }
        }
        return new Result(acknowledged, null);
    }

    private ProducerRecord<String, String> record(PendingEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.aggregateId(),
                event.payload());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, event.eventId());
        header(record, CloudEventHeaders.TYPE, event.type());
        header(record, CloudEventHeaders.SOURCE, config.source());
        header(record, CloudEventHeaders.SUBJECT, event.aggregateId());
        header(record, CloudEventHeaders.TIME, event.occurredAt().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private void createMissingTopics(List<PendingEvent> batch) {
        Set<String> missing = batch.stream().map(PendingEvent::topic).filter(t -> !knownTopics.contains(t))
                .collect(Collectors.toSet());
        if (missing.isEmpty()) {
            return;
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> topics = missing.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.of(config.topicPartitions()), config.topicReplicationFactor())
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))
                    .toList();
            for (var creation : admin.createTopics(topics).values().values()) {
                try {
                    creation.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            knownTopics.addAll(missing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            long timeout = config.sendTimeout().toMillis();
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
            // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout / 2, 10_000));
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeout, 10_000));
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-'));
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }

    private void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
