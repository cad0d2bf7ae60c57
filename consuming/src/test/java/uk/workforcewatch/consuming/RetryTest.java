package uk.workforcewatch.consuming;

import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.DomainEvent;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are tried again, and for how long; the consumers' own tests fail a real database under them. */
class RetryTest {

    private static final PgException DEADLOCK = new PgException("deadlock detected", "ERROR", "40P01", null);
    private static final PgException NOT_NULL = new PgException("null value in column", "ERROR", "23502", null);
    private static final DomainEvent EVENT = new DomainEvent() {
        private final UUID id = UUID.randomUUID();

        public UUID eventId() {
            return id;
        }

        public String type() {
            return "WorkerHired";
        }

        public UUID aggregateId() {
            return id;
        }

        public long version() {
            return 0;
        }

        public Instant occurredAt() {
            return Instant.EPOCH;
        }
    };

    @Test
    void aFailureThatMayPassIsTriedAgainUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = retry(Duration.ofSeconds(5)).apply(EVENT, () -> attempts.incrementAndGet() <= 3
                ? Uni.createFrom().failure(new VertxException("Connection refused")) : Uni.createFrom().item("applied"))
                .await().atMost(Duration.ofSeconds(5));
        assertEquals("applied", result);
        assertEquals(4, attempts.get());
    }

    @Test
    void aFailureThatWouldRepeatIsNotTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException wrapped = new RuntimeException("could not insert", NOT_NULL);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> retry(Duration.ofSeconds(5))
                .apply(EVENT, () -> {
                    attempts.incrementAndGet();
                    return Uni.createFrom().failure(wrapped);
                }).await().atMost(Duration.ofSeconds(5)));
        assertSame(wrapped, failure);
        assertEquals(1, attempts.get());
    }

    @Test
    void aFailureThatOutlastsTheBudgetGivesUpSayingSo() {
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException failure = assertThrows(RuntimeException.class, () -> retry(Duration.ofSeconds(1))
                .apply(EVENT, () -> {
                    attempts.incrementAndGet();
                    return Uni.createFrom().failure(DEADLOCK);
                }).await().atMost(Duration.ofSeconds(5)));
        assertInstanceOf(Retry.RetriesExhausted.class, failure);
        assertSame(DEADLOCK, failure.getCause());
        assertTrue(failure.getMessage().startsWith("Gave up after " + attempts.get() + " attempts"), failure.getMessage());
        assertTrue(attempts.get() >= 3, "pauses of 50, 100 and 200 ms fit in a second, with time to spare: " + attempts.get());
    }

    @Test
    void dataTheDatabaseRefusesAndRecordsThatCannotBeReadArePermanentConnectionsAndConflictsAreNot() {
        assertTrue(Retry.permanent(new RuntimeException(NOT_NULL)));
        assertTrue(Retry.permanent(new PgException("invalid input syntax", "ERROR", "22P02", null)));
        assertTrue(Retry.permanent(new RuntimeException(new SQLException("null value in column", "23502"))));
        assertTrue(Retry.permanent(new UncheckedIOException(new IOException("not JSON"))));
        assertFalse(Retry.permanent(DEADLOCK));
        assertFalse(Retry.permanent(new PgException("duplicate key", "ERROR", "23505", null)),
                "two writers inserting one row: the second finds it on the next attempt");
        assertFalse(Retry.permanent(new VertxException("Connection is closed")));
        assertFalse(Retry.permanent(new IllegalStateException("Session closed")));
    }

    private static Retry retry(Duration giveUpAfter) {
        return new Retry(new RetryConfig() {
            @Override
            public Duration backoffMin() {
                return Duration.ofMillis(50);
            }

            @Override
            public Duration backoffMax() {
                return Duration.ofMillis(200);
            }

            @Override
            public Duration giveUpAfter() {
                return giveUpAfter;
            }
        });
    }
}
