package uk.workforcewatch.replica;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.events.staffing.WorkerState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The periods a copy keeps: the history staffing sends, or what is current from the start date when it sends none. */
class WorkerReplicaTest {

    private static final UUID TEAM = UUID.randomUUID();
    private static final LocalDate START = LocalDate.of(2021, 3, 1);

    @Test
    void theHistoryIsKeptAsPublished() {
        List<WorkerPeriod> history = List.of(new WorkerPeriod(START, Role.ASYE, TEAM, BigDecimal.ONE, null),
                new WorkerPeriod(LocalDate.of(2022, 3, 1), Role.SOCIAL_WORKER, TEAM, new BigDecimal("0.8"), null));
        assertEquals(history, WorkerReplica.periods(state(history)));
    }

    @Test
    void withoutAHistoryTheCurrentValuesHoldFromTheStartDate() {
        List<WorkerPeriod> current = List.of(new WorkerPeriod(START, Role.SOCIAL_WORKER, TEAM, new BigDecimal("0.6"),
                null));
        assertEquals(current, WorkerReplica.periods(state(null)));
        assertEquals(current, WorkerReplica.periods(state(List.of())));
    }

    private static WorkerState state(List<WorkerPeriod> history) {
        return new WorkerState(UUID.randomUUID(), "W1", "A. Worker", Role.SOCIAL_WORKER, TEAM, new BigDecimal("0.6"),
                null, Employment.PERMANENT, START, null, null, null, null, null, null, null, null, history);
    }
}
