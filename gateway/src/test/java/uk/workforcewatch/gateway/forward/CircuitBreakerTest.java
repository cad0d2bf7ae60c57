package uk.workforcewatch.gateway.forward;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The circuit's states, with time moved by hand. */
class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker circuit = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    private void failures(int count) {
        for (int i = 0; i < count; i++) {
            assertTrue(circuit.tryCall());
            circuit.failed();
        }
    }

    @Test
    void aRunOfFailuresOpensItAndAnOpenCircuitRefusesAtOnce() {
        failures(2);
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
        failures(1);
        assertEquals(CircuitBreaker.State.OPEN, circuit.state());
        assertFalse(circuit.tryCall());
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertFalse(circuit.tryCall(), "still open before the delay is over");
    }

    @Test
    void anAnswerBreaksTheRun() {
        failures(2);
        assertTrue(circuit.tryCall());
        circuit.answered();
        failures(2);
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state(), "two in a row, not four in all");
    }

    @Test
    void afterTheDelayOneTrialGoesThroughAndItsAnswerClosesTheCircuit() {
        failures(3);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(circuit.tryCall());
        assertEquals(CircuitBreaker.State.HALF_OPEN, circuit.state());
        assertFalse(circuit.tryCall(), "one trial at a time");
        circuit.answered();
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
        assertTrue(circuit.tryCall());
    }

    @Test
    void aFailedTrialOpensItForAnotherDelay() {
        failures(3);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(circuit.tryCall());
        circuit.failed();
        assertEquals(CircuitBreaker.State.OPEN, circuit.state());
        assertFalse(circuit.tryCall());
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(circuit.tryCall());
    }

    @Test
    void resetClosesItAndForgetsTheFailures() {
        failures(3);
        circuit.reset();
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
        failures(2);
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
    }
}
