package uk.workforcewatch.gateway.forward;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** How patiently the gateway forwards, and when it stops trying a failing service for a while. */
@ConfigMapping(prefix = "forward")
public interface ForwardConfig {

    /** How long a service may stay silent (connecting, or with no data) before the call counts as failed. */
    @WithDefault("5s")
    Duration timeout();

    /** Further tries of a safe read (GET, HEAD) that got no answer; other methods are never repeated. */
    @WithDefault("2")
    int retries();

    /** The pause before each further try. */
    @WithName("retry-delay")
    @WithDefault("200ms")
    Duration retryDelay();

    /** Calls in a row without an answer that open a service's circuit. */
    @WithName("circuit.failures")
    @WithDefault("5")
    int circuitFailures();

    /** How long an open circuit refuses calls before one trial call is let through. */
    @WithName("circuit.open-for")
    @WithDefault("30s")
    Duration circuitOpenFor();

    /** The {@code Retry-After} the caller is given with a 503, in whole seconds. */
    @WithName("retry-after")
    @WithDefault("30s")
    Duration retryAfter();

    /** Connections held open to each service at most; further calls wait for one (within the timeout). */
    @WithName("max-connections")
    @WithDefault("50")
    int maxConnections();

    /** The largest request body forwarded, held whole; a larger one is refused with 413. Not for files. */
    @WithName("max-body-size")
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** The largest file forwarded to an import, streamed as it comes; a larger one is refused with 413. */
    @WithName("max-file-size")
    @WithDefault("512M")
    MemorySize maxFileSize();

    /**
     * How long a service may stay silent on a file, instead of {@link #timeout()}: not taking more of it in, working on
     * it once it is all in, or between the parts of an export.
     */
    @WithName("file-timeout")
    @WithDefault("10m")
    Duration fileTimeout();
}
