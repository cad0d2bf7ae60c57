package uk.workforcewatch.testing;

import io.quarkus.test.Mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock of the service under test, in place of its own: the real time, moved forward when a test
 * needs a day or an interval to pass.
 */
@Mock
public class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock to read this instant now; it runs on from there, as a clock does. */
    public static void moveTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("Europe/London");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
