package uk.workforcewatch.consuming;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How a consumer retries a record whose change failed. The whole retry must end before the Kafka connector
 * counts the record as stuck ({@code throttled.unprocessed-record-max-age.ms}, set above it in each service).
 */
@ConfigMapping(prefix = "consumer.retry")
public interface RetryConfig {

    /** First pause after a failure; doubled on each failure in a row. */
    @WithDefault("200ms")
    Duration backoffMin();

    /** Longest pause between two attempts. */
    @WithDefault("10s")
    Duration backoffMax();

    /**
     * How long a record is retried before it goes to the dead-letter topic: long enough to ride out a database
     * restart or a failover, so that an outage delays the view and does not leave a hole in it.
     */
    @WithDefault("4m")
    Duration giveUpAfter();
}
