package uk.workforcewatch.sickness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.absence.AbsenceTopics;
import uk.workforcewatch.events.absence.WorkerAbsenceEvent;
import uk.workforcewatch.sickness.absence.AsOfSweep;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.TestClock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.workforcewatch.sickness.Api.recorded;
import static uk.workforcewatch.sickness.Api.today;

/** A worker's absence status follows the calendar: published again when a first day or the day after a last day comes. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class AbsenceStatusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AsOfSweep sweep;

    @AfterEach
    void backToToday() {
        TestClock.reset();
    }

    private void sweep() throws Exception {
        sweep.sweep();
    }

    @Test
    void whenTheDaysComeTheWorkersStatusIsPublishedAgainOnceEach() throws Exception {
        UUID team = Staffing.team();
        UUID ahead = Staffing.worker(team, "1.0");
        UUID returning = Staffing.worker(team, "1.0");
        LocalDate today = today();
        String future = recorded(ahead, today.plusDays(3), null);
        recorded(returning, today.minusDays(2), today.plusDays(1));
        EventLog.awaitRecords(AbsenceTopics.WORKER_ABSENCE, returning.toString(), 1, WorkerAbsenceEvent.class, WAIT);

        sweep();   // nothing has changed yet
        TestClock.advance(Duration.ofDays(3));
        sweep();
        sweep();   // and a second sweep finds nothing more to say

        var aheads = EventLog.awaitRecords(AbsenceTopics.WORKER_ABSENCE, ahead.toString(), 1, WorkerAbsenceEvent.class, WAIT);
        var returns = EventLog.awaitRecords(AbsenceTopics.WORKER_ABSENCE, returning.toString(), 2,
                WorkerAbsenceEvent.class, WAIT);
        assertEquals(1, aheads.size(), aheads.toString());
        assertTrue(aheads.get(0).event().absence().absent());
        assertEquals(today.plusDays(3), aheads.get(0).event().absence().since());
        assertEquals(UUID.fromString(future), aheads.get(0).event().absence().episodeId());
        assertEquals(0, aheads.get(0).event().version());
        assertEquals(List.of(0L, 1L), returns.stream().map(e -> e.event().version()).toList());
        assertFalse(returns.get(1).event().absence().absent());
    }
}
