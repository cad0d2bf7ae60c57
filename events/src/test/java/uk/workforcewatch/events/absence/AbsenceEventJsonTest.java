package uk.workforcewatch.events.absence;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.EventJson;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbsenceEventJsonTest {

    private static final AbsenceThresholds THRESHOLDS = new AbsenceThresholds(28, 200, 3);

    @Test
    void anOpenEpisodeSurvivesTheRoundTripWithItsEmptyFieldsAndTheThresholds() {
        UUID id = UUID.randomUUID();
        AbsenceEpisodeState state = new AbsenceEpisodeState(id, UUID.randomUUID(), UUID.randomUUID(),
                LocalDate.of(2025, 3, 3), null, AbsenceReason.MUSCULOSKELETAL, Certification.SELF_CERTIFIED, null, null);
        AbsenceEpisodeEvent event = new AbsenceEpisodeEvent(UUID.randomUUID(), AbsenceEpisodeEvent.STARTED, id, 0,
                Instant.parse("2025-03-03T09:00:00Z"), state, THRESHOLDS);

        String json = EventJson.write(event);

        assertTrue(json.contains("\"startDate\":\"2025-03-03\""), json);
        assertTrue(json.contains("\"reason\":\"MUSCULOSKELETAL\""), json);
        assertTrue(json.contains("\"thresholds\":{\"longTermAfterDays\":28,\"bradfordTrigger\":200,"
                + "\"returnInterviewDueWithinWorkingDays\":3}"), json);
        assertEquals(event, EventJson.read(json.getBytes(StandardCharsets.UTF_8), AbsenceEpisodeEvent.class));
    }

    @Test
    void aWorkersAbsenceStatusSurvivesTheRoundTrip() {
        UUID worker = UUID.randomUUID();
        WorkerAbsenceEvent event = new WorkerAbsenceEvent(UUID.randomUUID(), WorkerAbsenceEvent.CHANGED, worker, 1,
                Instant.parse("2025-03-03T09:00:00Z"),
                new WorkerAbsenceState(worker, UUID.randomUUID(), true, LocalDate.of(2025, 3, 3), UUID.randomUUID()),
                THRESHOLDS);

        assertEquals(event, EventJson.read(EventJson.write(event).getBytes(StandardCharsets.UTF_8),
                WorkerAbsenceEvent.class));
    }

    @Test
    void whatTheDatesMeanOnTheDayPublishedTravelsWithTheEpisodeAndTheStatus() {
        UUID id = UUID.randomUUID();
        AbsenceEpisodeEvent episode = new AbsenceEpisodeEvent(UUID.randomUUID(), AbsenceEpisodeEvent.CHANGED, id, 2,
                Instant.parse("2025-03-31T00:05:00Z"), new AbsenceEpisodeState(id, UUID.randomUUID(), UUID.randomUUID(),
                LocalDate.of(2025, 3, 3), null, AbsenceReason.INJURY, Certification.SELF_CERTIFIED, null, null,
                LocalDate.of(2025, 3, 31), true, true, ReturnInterviewStatus.NOT_DUE), THRESHOLDS);
        UUID worker = UUID.randomUUID();
        WorkerAbsenceEvent status = new WorkerAbsenceEvent(UUID.randomUUID(), WorkerAbsenceEvent.CHANGED, worker, 3,
                Instant.parse("2025-03-31T00:05:00Z"), new WorkerAbsenceState(worker, UUID.randomUUID(), true,
                LocalDate.of(2025, 3, 3), id, LocalDate.of(2025, 3, 31), 21), THRESHOLDS);

        String json = EventJson.write(episode);

        assertTrue(json.contains("\"asOf\":\"2025-03-31\",\"longTerm\":true,\"fitNoteNeeded\":true,"
                + "\"returnInterview\":\"NOT_DUE\""), json);
        assertEquals(episode, EventJson.read(json.getBytes(StandardCharsets.UTF_8), AbsenceEpisodeEvent.class));
        assertEquals(status, EventJson.read(EventJson.write(status).getBytes(StandardCharsets.UTF_8),
                WorkerAbsenceEvent.class));
    }

    /** Events published before the thresholds travelled read as before, with none. */
    @Test
    void eventsWithoutThresholdsReadWithNone() {
        String episode = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"AbsenceEnded\",\"aggregateId\":\""
                + UUID.randomUUID() + "\",\"version\":1,\"occurredAt\":\"2025-03-03T09:00:00Z\",\"episode\":{\"id\":\""
                + UUID.randomUUID() + "\",\"startDate\":\"2025-03-03\",\"endDate\":\"2025-03-04\"}}";
        String status = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"WorkerAbsenceChanged\",\"aggregateId\":\""
                + UUID.randomUUID() + "\",\"version\":0,\"occurredAt\":\"2025-03-03T09:00:00Z\",\"absence\":{\"absent\":false}}";

        AbsenceEpisodeEvent read = EventJson.read(episode.getBytes(StandardCharsets.UTF_8), AbsenceEpisodeEvent.class);

        assertEquals(LocalDate.of(2025, 3, 4), read.episode().endDate());
        assertNull(read.thresholds());
        assertNull(read.episode().asOf());
        assertNull(read.episode().returnInterview());
        assertNull(EventJson.read(status.getBytes(StandardCharsets.UTF_8), WorkerAbsenceEvent.class).thresholds());
    }
}
