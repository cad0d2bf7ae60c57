package uk.workforcewatch.staffing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.staffing.Api.hr;

/**
 * How soon a committed change is on Kafka, for changes made one at a time with the relay idle in between:
 * from sending the request to its HTTP answer, and to its record reaching a consumer. The record often
 * arrives before the client has read the answer, so the gap between the two medians is the relay's share.
 * Not part of {@code verify}; run it with
 * {@code ./mvnw -pl staffing-service -am verify -Dtest=OutboxLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class OutboxLatencyBenchmark {

    private static final int WARM_UP = 50;
    private static final int CHANGES = 300;
    private static final long IDLE_MILLIS = 50;

    @Test
    void commitToKafkaLatencyWhenIdle() throws Exception {
        hr().body(Map.of("name", "warm " + UUID.randomUUID(), "serviceArea", "OTHER")).post("/api/v1/teams");
        Map<String, Long> seen = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(seen, running), "benchmark-consumer");
        consumer.start();
        Thread.sleep(2000); // the consumer is at the end of every partition

        List<Double> toAnswer = new ArrayList<>();
        List<Double> toKafka = new ArrayList<>();
        for (int i = 0; i < WARM_UP + CHANGES; i++) {
            Thread.sleep(IDLE_MILLIS);
            long sent = System.nanoTime();
            var response = hr().body(Map.of("name", "bench " + UUID.randomUUID(), "serviceArea", "OTHER"))
                    .post("/api/v1/teams");
            long answered = System.nanoTime();
            String id = response.then().statusCode(201).extract().path("id");
            long deadline = answered + Duration.ofSeconds(10).toNanos();
            while (!seen.containsKey(id) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (i >= WARM_UP) {
                toAnswer.add((answered - sent) / 1e6);
                toKafka.add((seen.getOrDefault(id, deadline) - sent) / 1e6);
            }
        }
        running.set(false);
        consumer.join();

        report("request to HTTP answer", toAnswer);
        report("request to record on Kafka", toKafka);
        assertEquals(CHANGES, toKafka.size());
    }

    private static void consume(Map<String, Long> seen, AtomicBoolean running) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ServiceTestEnvironment.kafka().bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = kafka.partitionsFor(StaffingTopics.TEAMS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            while (running.get()) {
                kafka.poll(Duration.ofMillis(20)).forEach(record -> seen.put(record.key(), System.nanoTime()));
            }
        }
    }

    private static void report(String what, List<Double> millis) {
        Collections.sort(millis);
        System.out.printf("%s over %d changes (ms): median %.1f, p90 %.1f, p99 %.1f, max %.1f%n", what,
                millis.size(), percentile(millis, 50), percentile(millis, 90), percentile(millis, 99),
                millis.get(millis.size() - 1));
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
