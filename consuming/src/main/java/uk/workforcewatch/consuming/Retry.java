package uk.workforcewatch.consuming;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uk.workforcewatch.events.DomainEvent;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Applies a consumed record again, with back-off, when applying it failed for a reason that may pass: the
 * database unreachable or restarting, a deadlock, a lock or version conflict with another writer. A failure that
 * would repeat whatever the wait (a value the database refuses as data, a record our code cannot take) is not
 * retried; neither is one that outlasts {@link RetryConfig#giveUpAfter()}. Either goes to the dead-letter topic
 * with the reason, from where {@link DeadLetterReplay} brings it back once the cause is fixed.
 */
@ApplicationScoped
public class Retry {

    private static final Logger LOG = Logger.getLogger(Retry.class);

    /** SQLSTATEs that say the data itself is refused: class 22 (data exception), not-null and check violations. */
    private static final Set<String> DATA_REFUSED = Set.of("23502", "23514");

    private final RetryConfig config;

    Retry(RetryConfig config) {
        this.config = config;
    }

    /**
     * The result of {@code attempt}, subscribed to again after each failure that may pass. Each attempt runs on
     * the Vert.x context this is called on, as a reactive database session requires.
     */
    public <T> Uni<T> apply(DomainEvent event, Supplier<Uni<T>> attempt) {
        String subject = event.type() + " " + event.aggregateId() + " version " + event.version();
        Context context = Vertx.currentContext();
        long deadline = System.nanoTime() + config.giveUpAfter().toNanos();
        return attempt(subject, attempt, context, deadline, 1, config.backoffMin());
    }

    private <T> Uni<T> attempt(String subject, Supplier<Uni<T>> attempt, Context context, long deadline,
                               int number, Duration pause) {
        return Uni.createFrom().<T>deferred(attempt::get).onFailure().recoverWithUni(failure -> {
            if (permanent(failure)) {
                return Uni.createFrom().failure(failure);
            }
            if (System.nanoTime() + pause.toNanos() > deadline) {
                return Uni.createFrom().failure(new RetriesExhausted(number, config.giveUpAfter(), failure));
            }
            LOG.warnf("Attempt %d at %s failed (%s): again in %d ms", number, subject, failure, pause.toMillis());
            Duration next = pause.multipliedBy(2).compareTo(config.backoffMax()) > 0 ? config.backoffMax()
                    : pause.multipliedBy(2);
            return pause(context, pause).chain(() -> attempt(subject, attempt, context, deadline, number + 1, next));
        });
    }

    /** Waits on a Vert.x timer and resumes on the caller's context; without one (not on Vert.x), on Mutiny's. */
    private static Uni<Void> pause(Context context, Duration pause) {
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(pause);
        }
        return Uni.createFrom().emitter(emitter -> context.owner().setTimer(Math.max(1, pause.toMillis()),
                timer -> context.runOnContext(ignored -> emitter.complete(null))));
    }

    /** Whether the failure would come back however long we waited. */
    static boolean permanent(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            // the reactive client's failure, or the JDBC form Hibernate Reactive turns it into
            String state = cause instanceof PgException database ? database.getSqlState()
                    : cause instanceof SQLException database ? database.getSQLState() : null;
            if (state != null) {
                return state.startsWith("22") || DATA_REFUSED.contains(state);
            }
            if (cause instanceof UncheckedIOException || cause instanceof IllegalArgumentException
                    || cause instanceof NullPointerException || cause instanceof DateTimeException
                    || cause instanceof ArithmeticException) {
                return true;
            }
        }
        return false;
    }

    /** A record that kept failing: its reason on the dead-letter topic says how long it was tried. */
    public static final class RetriesExhausted extends RuntimeException {
        RetriesExhausted(int attempts, Duration budget, Throwable last) {
            super("Gave up after " + attempts + " attempts in " + budget + ": " + last, last);
        }
    }
}
