package uk.workforcewatch.events;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.events.staffing.WorkerState;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJsonTest {

    @Test
    void aWorkerEventSurvivesTheRoundTripWithIsoDates() {
        UUID id = UUID.randomUUID();
        UUID team = UUID.randomUUID();
        WorkerPeriod period = new WorkerPeriod(LocalDate.of(2024, 4, 1), Role.ASYE, team, new BigDecimal("0.8"), null);
        WorkerState state = new WorkerState(id, "A. Worker", Role.ASYE, team, new BigDecimal("0.8"), null,
                Employment.PERMANENT, LocalDate.of(2024, 4, 1), "SW1234567890", "NEWLY_QUALIFIED", null, null, null,
                List.of(period));
        WorkerEvent event = new WorkerEvent(UUID.randomUUID(), WorkerEvent.HIRED, id, 0,
                Instant.parse("2024-04-01T09:00:00Z"), state);

        String json = EventJson.write(event);

        assertTrue(json.contains("\"startDate\":\"2024-04-01\""), json);
        assertTrue(json.contains("\"occurredAt\":\"2024-04-01T09:00:00Z\""), json);
        assertEquals(event, EventJson.read(json.getBytes(StandardCharsets.UTF_8), WorkerEvent.class));
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        String json = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"WorkerHired\",\"aggregateId\":\""
                + UUID.randomUUID() + "\",\"version\":3,\"occurredAt\":\"2024-04-01T09:00:00Z\",\"newField\":1}";
        WorkerEvent event = EventJson.read(json.getBytes(StandardCharsets.UTF_8), WorkerEvent.class);
        assertEquals(3, event.version());
    }

    @Test
    void aRecordOfAnotherShapeIsRefused() {
        assertThrows(RuntimeException.class,
                () -> EventJson.read("not json".getBytes(StandardCharsets.UTF_8), WorkerEvent.class));
    }
}
