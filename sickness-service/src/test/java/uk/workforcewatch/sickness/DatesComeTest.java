package uk.workforcewatch.sickness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.absence.AbsenceEpisodeEvent;
import uk.workforcewatch.events.absence.AbsenceEpisodeState;
import uk.workforcewatch.events.absence.AbsenceTopics;
import uk.workforcewatch.events.absence.ReturnInterviewStatus;
import uk.workforcewatch.events.absence.WorkerAbsenceEvent;
import uk.workforcewatch.events.absence.WorkerAbsenceState;
import uk.workforcewatch.sickness.absence.AsOfSweep;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.TestClock;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.workforcewatch.sickness.Api.episode;
import static uk.workforcewatch.sickness.Api.hr;
import static uk.workforcewatch.sickness.Api.recorded;
import static uk.workforcewatch.sickness.Api.today;

/**
 * What an episode's dates mean changes as the days pass, with nothing recorded: the day it is published as of moves
 * with the sweep, which publishes the episode or the worker's status again on the day it changes, and only then.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class DatesComeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final WorkingDays WORKING_DAYS = WorkingDays.englandAndWales();

    @Inject
    AsOfSweep sweep;

    @AfterEach
    void backToToday() {
        TestClock.reset();
    }

    /** Moves the service's day to the one given, then sweeps twice: the second must find nothing. */
    private void sweepOn(LocalDate day) throws Exception {
        TestClock.reset();
        TestClock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today(), day)));
        sweep.sweep();
        sweep.sweep();
    }

    private static String open(UUID worker, LocalDate start, String certification) {
        return hr().body(episode(worker, start, null, "STRESS_MENTAL_HEALTH", certification)).post("/api/v1/absences")
                .then().statusCode(201).extract().path("id");
    }

    private static List<AbsenceEpisodeState> episodeStates(String id, int count) {
        var events = EventLog.awaitRecords(AbsenceTopics.EPISODES, id, count, AbsenceEpisodeEvent.class, WAIT);
        assertEquals(count, events.size(), events.toString());
        return events.stream().map(e -> e.event().episode()).toList();
    }

    private static List<WorkerAbsenceState> statuses(UUID worker, int count) {
        var events = EventLog.awaitRecords(AbsenceTopics.WORKER_ABSENCE, worker.toString(), count,
                WorkerAbsenceEvent.class, WAIT);
        assertEquals(count, events.size(), events.toString());
        return events.stream().map(e -> e.event().absence()).toList();
    }

    /**
     * The episode's version as the service holds it: every publication adds one, so one too many would show. Read
     * from the database, not the API, whose reads are audited at the moved clock's time.
     */
    private static void versionIs(String episode, int version) throws SQLException {
        assertEquals(version, stored("select version from absence_episode where id = ?", UUID.fromString(episode)));
    }

    /** The version of the worker's absence status as the service holds it. */
    private static long statusVersion(UUID worker) throws SQLException {
        return stored("select absence_version from worker where id = ?", worker);
    }

    private static long stored(String query, UUID id) throws SQLException {
        try (var connection = DriverManager.getConnection(ServiceTestEnvironment.database().jdbcUrl(), "postgres",
                "postgres");
             var select = connection.prepareStatement(query)) {
            select.setObject(1, id);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static LocalDate nextWorkingDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        while (!WORKING_DAYS.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Test
    void aSelfCertifiedEpisodeNeedsAFitNoteOnItsEighthDay() throws Exception {
        UUID worker = Staffing.worker(Staffing.team(), "1.0");
        String id = open(worker, today().minusDays(AbsenceEpisodeState.SELF_CERTIFIED_DAYS - 1), "SELF_CERTIFIED");
        AbsenceEpisodeState recorded = episodeStates(id, 1).get(0);
        assertEquals(today(), recorded.asOf());
        assertFalse(recorded.fitNoteNeeded(), "a worker's word covers seven days");
        sweepOn(today());
        versionIs(id, 0);

        sweepOn(today().plusDays(1));

        AbsenceEpisodeState eighth = episodeStates(id, 2).get(1);
        assertTrue(eighth.fitNoteNeeded());
        assertEquals(today().plusDays(1), eighth.asOf());
        assertFalse(eighth.longTerm());
        assertEquals(ReturnInterviewStatus.NOT_DUE, eighth.returnInterview());
        versionIs(id, 1);
    }

    @Test
    void anEpisodeIsPublishedLongTermOnTheDayItReachesTheThresholdOnceEvenAfterDaysMissed() throws Exception {
        UUID worker = Staffing.worker(Staffing.team(), "1.0");
        // the 27th day today, with the default threshold of 28 calendar days
        String id = open(worker, today().minusDays(26), "FIT_NOTE");
        assertFalse(episodeStates(id, 1).get(0).longTerm());

        sweepOn(today().plusDays(3));

        AbsenceEpisodeState longTerm = episodeStates(id, 2).get(1);
        assertTrue(longTerm.longTerm());
        assertFalse(longTerm.fitNoteNeeded(), "covered by a fit note");
        assertEquals(today().plusDays(3), longTerm.asOf());
        versionIs(id, 1);
    }

    @Test
    void anEndRecordedAheadArrivesThenTheInterviewFallsDueAndThenOverdue() throws Exception {
        UUID worker = Staffing.worker(Staffing.team(), "1.0");
        String id = recorded(worker, today().minusDays(3), today());
        assertEquals(ReturnInterviewStatus.NOT_DUE, episodeStates(id, 1).get(0).returnInterview());
        assertTrue(statuses(worker, 1).get(0).absent());

        LocalDate returnDay = today().plusDays(1);
        sweepOn(returnDay);
        AbsenceEpisodeState back = episodeStates(id, 2).get(1);
        assertEquals(ReturnInterviewStatus.DUE, back.returnInterview());
        assertEquals(returnDay, back.asOf());
        WorkerAbsenceState status = statuses(worker, 2).get(1);
        assertFalse(status.absent());
        assertEquals(returnDay, status.asOf());
        assertEquals(0, status.workingDaysAbsent());

        // due within 3 working days after the return day (the default): overdue on the fourth
        LocalDate overdue = returnDay;
        for (int passed = 0; passed <= 3; passed++) {
            overdue = nextWorkingDay(overdue);
        }
        sweepOn(overdue.minusDays(1));
        versionIs(id, 1);
        sweepOn(overdue);
        AbsenceEpisodeState late = episodeStates(id, 3).get(2);
        assertEquals(ReturnInterviewStatus.OVERDUE, late.returnInterview());
        assertEquals(overdue, late.asOf());
        versionIs(id, 2);
        assertEquals(1, statusVersion(worker), "nothing more to say of the worker");
    }

    @Test
    void aWorkerAbsentIsPublishedOnEachWorkingDayAbsentAndNotOnTheDaysBetween() throws Exception {
        UUID worker = Staffing.worker(Staffing.team(), "1.0");
        LocalDate start = today().minusDays(1);
        open(worker, start, "SELF_CERTIFIED");
        WorkerAbsenceState recorded = statuses(worker, 1).get(0);
        assertEquals(WORKING_DAYS.countInclusive(start, today()), recorded.workingDaysAbsent());

        LocalDate next = nextWorkingDay(today());
        sweepOn(next);
        WorkerAbsenceState later = statuses(worker, 2).get(1);
        assertEquals(WORKING_DAYS.countInclusive(start, next), later.workingDaysAbsent());
        assertEquals(next, later.asOf());
        assertEquals(start, later.since());
        assertEquals(1, statusVersion(worker));

        // the days until the next working day lose no working day: nothing to publish
        LocalDate following = nextWorkingDay(next);
        for (LocalDate day = next.plusDays(1); day.isBefore(following); day = day.plusDays(1)) {
            sweepOn(day);
        }
        assertEquals(1, statusVersion(worker));
        sweepOn(following);
        assertEquals(WORKING_DAYS.countInclusive(start, following), statuses(worker, 3).get(2).workingDaysAbsent());
        assertEquals(2, statusVersion(worker));
    }
}
