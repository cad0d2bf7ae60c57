package uk.workforcewatch.events.absence;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.EventJson;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbsenceEventJsonTest {

    @Test
    void anOpenEpisodeSurvivesTheRoundTripWithItsEmptyFields() {
        UUID id = UUID.randomUUID();
        AbsenceEpisodeState state = new AbsenceEpisodeState(id, UUID.randomUUID(), UUID.randomUUID(),
                LocalDate.of(2025, 3, 3), null, AbsenceReason.MUSCULOSKELETAL, Certification.SELF_CERTIFIED, null, null);
        AbsenceEpisodeEvent event = new AbsenceEpisodeEvent(UUID.randomUUID(), AbsenceEpisodeEvent.STARTED, id, 0,
                Instant.parse("2025-03-03T09:00:00Z"), state);

        String json = EventJson.write(event);

        assertTrue(json.contains("\"startDate\":\"2025-03-03\""), json);
        assertTrue(json.contains("\"reason\":\"MUSCULOSKELETAL\""), json);
        assertEquals(event, EventJson.read(json.getBytes(StandardCharsets.UTF_8), AbsenceEpisodeEvent.class));
    }

    @Test
    void aWorkersAbsenceStatusSurvivesTheRoundTrip() {
        UUID worker = UUID.randomUUID();
        WorkerAbsenceEvent event = new WorkerAbsenceEvent(UUID.randomUUID(), WorkerAbsenceEvent.CHANGED, worker, 1,
                Instant.parse("2025-03-03T09:00:00Z"),
                new WorkerAbsenceState(worker, UUID.randomUUID(), true, LocalDate.of(2025, 3, 3), UUID.randomUUID()));

        assertEquals(event, EventJson.read(EventJson.write(event).getBytes(StandardCharsets.UTF_8),
                WorkerAbsenceEvent.class));
    }
}
