package uk.workforcewatch.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** Whether this process runs the relay. */
    @WithDefault("true")
    boolean enabled();

    /** The CloudEvents source of every event sent, such as {@code /staffing-service}. */
    String source();

    /** Rows sent per round trip to the database and the broker. */
    @WithDefault("500")
    int batchSize();

    /** Longest wait for a commit notification before looking for pending rows anyway. */
    @WithDefault("1s")
    Duration pollInterval();

    /** First pause after a failure to reach Kafka or the database; doubled on each failure in a row. */
    @WithDefault("200ms")
    Duration backoffMin();

    /** Longest pause between attempts while Kafka or the database stays unreachable. */
    @WithDefault("10s")
    Duration backoffMax();

    /** How long the broker has to acknowledge a record before the attempt counts as failed. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** How long sent rows are kept before they are deleted. */
    @WithDefault("7d")
    Duration retention();

    /** Partitions of a topic the relay creates. */
    @WithDefault("3")
    int topicPartitions();

    /** Replication factor of a topic the relay creates; the broker's default when not set. */
    Optional<Short> topicReplicationFactor();
}
