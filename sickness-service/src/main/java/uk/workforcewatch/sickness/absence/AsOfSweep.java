package uk.workforcewatch.sickness.absence;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.bulk.Sql;
import uk.workforcewatch.events.absence.AbsenceEpisodeEvent;
import uk.workforcewatch.events.absence.AbsenceEpisodeState;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.absence.AbsenceTopics;
import uk.workforcewatch.outbox.OutboxBatch;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Brings what sickness-service has published up to today. A day's coming changes what is true with nothing recorded
 * that day: an episode recorded ahead starts, one more working day is lost, an episode reaches the long-term
 * threshold, a self-certified one passes the days a worker's word covers (a fit note is needed), an end recorded ahead
 * arrives (the worker is back, their interview due), an interview falls overdue. Each episode and each worker's status
 * keeps the day its published state is true as of ({@code published_as_of}, {@code absence_as_of}); the sweep finds
 * the workers one of whose dates has come since, locks them a batch at a time, and publishes again, one version more,
 * each episode and status whose state today differs, moving every marker to today in the same transaction as the
 * events' outbox rows. So a second sweep the same day, another replica's or one after a restart publishes nothing
 * more, and the first after an outage publishes once what the days missed changed. Runs soon after start and then
 * every {@code sickness.absence-status-check-every}.
 */
@ApplicationScoped
public class AsOfSweep {

    /** Workers a transaction: a day's due after an outage still commits in short steps. */
    static final int BATCH = 200;
    /** The sweep's day and the thresholds its dates come by, named once for the statements below. */
    private static final String DAY = "with day as (select cast(? as date) as today, cast(? as integer) as long_term_days,"
            + " cast(? as integer) as longest_due) ";
    /**
     * An episode of which a day that may change what its dates mean has come since its marker: its long-term day, the
     * day a fit note is needed, its return day, or any day while its interview may fall overdue. Which did change is
     * told by {@link EpisodeAsOf#progress}.
     */
    private static final String EPISODE_DUE = "e.published_as_of < day.today and ("
            + came("e.start_date + day.long_term_days - 1")
            + " or (e.certification = 'SELF_CERTIFIED' and " + came("e.start_date + " + AbsenceEpisodeState.SELF_CERTIFIED_DAYS) + ")"
            + " or " + came("e.end_date + 1")
            + " or (e.return_interview_on is null and e.end_date < day.today"
            + " and e.end_date + 1 + day.longest_due > e.published_as_of))";
    /**
     * Workers whose status may have changed since its marker (an episode covering a day since, or ending on one: with
     * none published, covering today), or with an episode due.
     */
    private static final String DUE = DAY + "select w.id from worker w, day where"
            + " ((w.absence_as_of is null or w.absence_as_of < day.today) and exists (select 1 from absence_episode e"
            + " where e.worker_id = w.id and e.start_date <= day.today"
            + " and (e.end_date is null or e.end_date >= coalesce(w.absence_as_of, day.today))))"
            + " or exists (select 1 from absence_episode e where e.worker_id = w.id and " + EPISODE_DUE + ")"
            + " order by w.id limit ? for update of w";

    private final DataSource dataSource;
    private final EpisodeAsOf episodeAsOf;
    private final WorkerAbsence workerAbsence;
    private final AbsenceThresholds thresholds;
    private final Clock clock;

    AsOfSweep(DataSource dataSource, EpisodeAsOf episodeAsOf, WorkerAbsence workerAbsence,
              AbsenceThresholds thresholds, Clock clock) {
        this.dataSource = dataSource;
        this.episodeAsOf = episodeAsOf;
        this.workerAbsence = workerAbsence;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /** SQL: the day (an expression) has come after the episode's marker, by today; a null day never comes. */
    private static String came(String day) {
        return "(" + day + " > e.published_as_of and " + day + " <= day.today)";
    }

    @Scheduled(every = "${sickness.absence-status-check-every:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void sweep() throws SQLException {
        LocalDate today = LocalDate.now(clock);
        int found;
        do {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                List<UUID> workers = due(connection, today);
                try (OutboxBatch events = new OutboxBatch(connection)) {
                    republishEpisodes(connection, workers, today, events);
                    workerAbsence.publishStatus(connection, workers, events, today);
                }
                connection.commit();
                found = workers.size();
            }
        } while (found == BATCH);
    }

    /** The next batch of workers due, their rows locked in id order, as every change of a worker's absence does. */
    private List<UUID> due(Connection connection, LocalDate today) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(DUE)) {
            bindDay(select, today);
            select.setInt(4, BATCH);
            List<UUID> workers = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    workers.add(Sql.uuid(rows, "id"));
                }
            }
            return workers;
        }
    }

    /**
     * The workers' episodes due: each whose progress today differs from that of its marker's day is published again,
     * one version more; every one's marker moves to today. Three statements whatever the number.
     */
    private void republishEpisodes(Connection connection, List<UUID> workers, LocalDate today, OutboxBatch events)
            throws SQLException {
        List<AbsenceEpisode> changed = new ArrayList<>();
        List<UUID> all = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(DAY + "select " + AbsenceEpisode.COLUMNS
                + " from absence_episode e, day where e.worker_id = any(?) and " + EPISODE_DUE)) {
            bindDay(select, today);
            Sql.uuids(select, 4, workers);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AbsenceEpisode episode = AbsenceEpisode.read(rows);
                    all.add(episode.id);
                    if (!episodeAsOf.progress(episode, episode.publishedAsOf).equals(episodeAsOf.progress(episode, today))) {
                        changed.add(episode);
                    }
                }
            }
        }
        try (PreparedStatement mark = connection.prepareStatement("update absence_episode set published_as_of = ?,"
                + " version = version + case when id = any(?) then 1 else 0 end where id = any(?)")) {
            Sql.date(mark, 1, today);
            Sql.uuids(mark, 2, changed.stream().map(e -> e.id).toList());
            Sql.uuids(mark, 3, all);
            mark.executeUpdate();
        }
        for (AbsenceEpisode episode : changed) {
            episode.version++;
            events.add(AbsenceTopics.EPISODES, episodeAsOf.event(AbsenceEpisodeEvent.CHANGED, episode, today));
        }
    }

    private void bindDay(PreparedStatement statement, LocalDate today) throws SQLException {
        Sql.date(statement, 1, today);
        statement.setInt(2, thresholds.longTermAfterDays());
        statement.setInt(3, episodeAsOf.longestDue());
    }
}
