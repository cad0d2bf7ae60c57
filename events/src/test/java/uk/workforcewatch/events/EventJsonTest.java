package uk.workforcewatch.events;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.CareerStage;
import uk.workforcewatch.events.staffing.CensusRole;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.LeaverDestination;
import uk.workforcewatch.events.staffing.LeavingReason;
import uk.workforcewatch.events.staffing.PostEvent;
import uk.workforcewatch.events.staffing.PostState;
import uk.workforcewatch.events.staffing.Qualification;
import uk.workforcewatch.events.staffing.QualificationLevel;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.StartOrigin;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJsonTest {

    @Test
    void aWorkerEventSurvivesTheRoundTripWithIsoDates() {
        UUID id = UUID.randomUUID();
        UUID team = UUID.randomUUID();
        WorkerPeriod period = new WorkerPeriod(LocalDate.of(2024, 4, 1), Role.ASYE, team, new BigDecimal("0.8"), null);
        WorkerState state = new WorkerState(id, null, "A. Worker", Role.ASYE, team, new BigDecimal("0.8"), null,
                Employment.PERMANENT, LocalDate.of(2024, 4, 1), "SW1234567890", StartOrigin.NEWLY_QUALIFIED, null, null,
                null, new Qualification("University of Leeds", QualificationLevel.POSTGRADUATE), null, null,
                List.of(period));
        WorkerEvent event = new WorkerEvent(UUID.randomUUID(), WorkerEvent.HIRED, id, 0,
                Instant.parse("2024-04-01T09:00:00Z"), state);

        String json = EventJson.write(event);

        assertTrue(json.contains("\"startDate\":\"2024-04-01\""), json);
        assertTrue(json.contains("\"occurredAt\":\"2024-04-01T09:00:00Z\""), json);
        assertEquals(event, EventJson.read(json.getBytes(StandardCharsets.UTF_8), WorkerEvent.class));
    }

    @Test
    void aLeaversCensusFieldsSurviveTheRoundTripByName() {
        UUID id = UUID.randomUUID();
        UUID team = UUID.randomUUID();
        WorkerPeriod period = new WorkerPeriod(LocalDate.of(2019, 1, 7), Role.TEAM_MANAGER, team, BigDecimal.ONE,
                null);
        WorkerState state = new WorkerState(id, null, "A. Manager", Role.TEAM_MANAGER, team, BigDecimal.ONE, null,
                Employment.PERMANENT, LocalDate.of(2019, 1, 7), "", StartOrigin.SOCIAL_WORK_OTHER_COUNCIL_ENGLAND,
                LocalDate.of(2025, 8, 29), LeavingReason.RETIRED, LeaverDestination.NOT_SOCIAL_CARE_OR_NO_EMPLOYMENT,
                new Qualification("University of Birmingham", QualificationLevel.UNDERGRADUATE),
                CensusRole.MIDDLE_MANAGER, CareerStage.PRACTICE_LEADER, List.of(period));
        WorkerEvent event = new WorkerEvent(UUID.randomUUID(), WorkerEvent.LEFT, id, 5,
                Instant.parse("2025-08-29T16:00:00Z"), state);

        String json = EventJson.write(event);

        // consumers read the names; the census codes stay behind code()
        assertTrue(json.contains("\"qualification\":{\"institution\":\"University of Birmingham\","
                + "\"level\":\"UNDERGRADUATE\"}"), json);
        assertTrue(json.contains("\"censusRole\":\"MIDDLE_MANAGER\""), json);
        assertTrue(json.contains("\"leavingReason\":\"RETIRED\""), json);
        assertEquals(event, EventJson.read(json.getBytes(StandardCharsets.UTF_8), WorkerEvent.class));
    }

    @Test
    void theCensusCodesAreTheDepartmentsInTheirOrder() {
        assertEquals(10, StartOrigin.NOT_YET_COLLECTED.code());
        assertEquals(9, LeaverDestination.NOT_YET_COLLECTED.code());
        assertEquals(7, LeavingReason.MOVED_TO_OTHER_ROLE_IN_COUNCIL.code());
        assertEquals(2, QualificationLevel.POSTGRADUATE.code());
        assertEquals(6, CensusRole.QUALIFIED_WITHOUT_CASES.code());
        assertEquals(4, CareerStage.PRACTICE_LEADER.code());
        for (Class<? extends Enum<?>> codes : List.of(StartOrigin.class, LeaverDestination.class, LeavingReason.class,
                QualificationLevel.class, CensusRole.class, CareerStage.class)) {
            Enum<?>[] values = codes.getEnumConstants();
            for (Enum<?> value : values) {
                assertEquals(value.ordinal() + 1, code(value), value.toString());
            }
        }
    }

    private static int code(Enum<?> value) {
        try {
            return (int) value.getClass().getMethod("code").invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(value.getClass() + " has no code()", e);
        }
    }

    @Test
    void theDayAWorkerAndAPostArePublishedAsOfTravelsAndOlderEventsReadWithNone() {
        UUID id = UUID.randomUUID();
        UUID team = UUID.randomUUID();
        WorkerState state = new WorkerState(id, null, "A. Worker", Role.SOCIAL_WORKER, team, BigDecimal.ONE, null,
                Employment.AGENCY, LocalDate.of(2024, 4, 1), null, null, LocalDate.of(2025, 3, 31), null, null, null,
                null, null, List.of(), LocalDate.of(2025, 4, 1));
        WorkerEvent event = new WorkerEvent(UUID.randomUUID(), WorkerEvent.CHANGED, id, 4,
                Instant.parse("2025-04-01T00:05:00Z"), state);
        PostEvent post = new PostEvent(UUID.randomUUID(), PostEvent.CHANGED, id, 2, Instant.parse("2025-04-01T00:05:00Z"),
                new PostState(id, team, Role.SOCIAL_WORKER, BigDecimal.ONE, LocalDate.of(2025, 4, 1), null, List.of(),
                        LocalDate.of(2025, 4, 1)));

        String json = EventJson.write(event);

        assertTrue(json.contains("\"asOf\":\"2025-04-01\""), json);
        assertEquals(event, EventJson.read(json.getBytes(StandardCharsets.UTF_8), WorkerEvent.class));
        assertEquals(post, EventJson.read(EventJson.write(post).getBytes(StandardCharsets.UTF_8), PostEvent.class));
        String older = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"WorkerHired\",\"aggregateId\":\""
                + id + "\",\"version\":0,\"occurredAt\":\"2024-04-01T09:00:00Z\",\"worker\":{\"id\":\"" + id + "\"}}";
        assertNull(EventJson.read(older.getBytes(StandardCharsets.UTF_8), WorkerEvent.class).worker().asOf());
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
