package uk.workforcewatch.sickness.absence;

import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.bulk.Columns;
import uk.workforcewatch.bulk.CsvFile;
import uk.workforcewatch.bulk.CsvRow;
import uk.workforcewatch.bulk.CsvWriter;
import uk.workforcewatch.bulk.ImportTally;
import uk.workforcewatch.bulk.RecordFile;
import uk.workforcewatch.bulk.Sql;
import uk.workforcewatch.events.absence.AbsenceEpisodeEvent;
import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.AbsenceTopics;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.outbox.OutboxBatch;
import uk.workforcewatch.problem.CalendarDates;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code absences.csv}: one row an absence episode, known by the worker's staff number and its first day, rows in any
 * order. Each row is checked as the API checks an episode, against the rows before it and what is stored. A new
 * episode is recorded with its event, as the API records one; one whose facts differ is updated, one version more,
 * with an event; one the same is left alone. The absence status of the workers whose episodes changed is then worked
 * out for today and published only when it changes, so history brought in says nothing about the past.
 */
@ApplicationScoped
public class AbsencesFile implements RecordFile {

    private static final String STAFF_NUMBER = "staffNumber";
    private static final String START = "startDate";
    private static final String END = "endDate";
    private static final String REASON = "reason";
    private static final String CERTIFICATION = "certification";
    private static final String INTERVIEW_ON = "returnInterviewOn";
    private static final String INTERVIEW_BY = "returnInterviewBy";
    private static final Columns COLUMNS = Columns.of(List.of(STAFF_NUMBER, START, REASON, CERTIFICATION),
            List.of(END, INTERVIEW_ON, INTERVIEW_BY));
    private static final int BATCH = 200;
    private static final String FACTS = "end_date, reason, certification, return_interview_on, return_interview_by";

    /**
     * A worker as the file names them: employed from a day to a day, in a team from each period's first day (before
     * the first, the team staffing last published, as the API has it).
     */
    private record Staff(UUID id, String staffNumber, UUID teamId, LocalDate startDate, LocalDate leftOn,
                         NavigableMap<LocalDate, UUID> teams) {

        boolean employedOn(LocalDate day) {
            return !day.isBefore(startDate) && (leftOn == null || !day.isAfter(leftOn));
        }

        UUID teamOn(LocalDate day) {
            Map.Entry<LocalDate, UUID> period = teams.floorEntry(day);
            return period != null ? period.getValue() : teamId;
        }
    }

    private final EpisodeRules rules;
    private final WorkerAbsence workerAbsence;
    private final EpisodeAsOf episodeAsOf;

    AbsencesFile(EpisodeRules rules, WorkerAbsence workerAbsence, EpisodeAsOf episodeAsOf) {
        this.rules = rules;
        this.workerAbsence = workerAbsence;
        this.episodeAsOf = episodeAsOf;
    }

    @Override
    public String kind() {
        return "absences";
    }

    @Override
    public Columns columns() {
        return COLUMNS;
    }

    @Override
    public void read(Connection connection, CsvFile file, ImportTally tally, String recordedBy)
            throws SQLException, IOException {
        // the line of each episode of the file so far, by staff number and first day
        Map<String, Long> lines = new HashMap<>();
        LocalDate today = rules.today();
        try (OutboxBatch events = new OutboxBatch(connection);
             PreparedStatement insert = connection.prepareStatement("insert into absence_episode (" + FACTS
                     + ", published_as_of, id, worker_id, team_id, start_date, recorded_by, version)"
                     + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
             PreparedStatement update = connection.prepareStatement("update absence_episode set (" + FACTS
                     + ", published_as_of) = (?, ?, ?, ?, ?, ?), version = version + 1 where id = ?")) {
            List<CsvRow> batch;
            while (!(batch = file.next(BATCH)).isEmpty()) {
                Map<String, Staff> workers = workers(connection, batch);
                Map<UUID, Map<LocalDate, AbsenceEpisode>> stored = stored(connection, workers.values());
                Set<UUID> changed = new LinkedHashSet<>();
                for (CsvRow row : batch) {
                    AbsenceEpisode episode = episode(row, workers, lines);
                    if (episode == null) {
                        continue;
                    }
                    Staff worker = workers.get(row.text(STAFF_NUMBER));
                    Map<LocalDate, AbsenceEpisode> theirs = stored.get(worker.id());
                    if (overlaps(row, episode, worker, theirs, lines)) {
                        continue;
                    }
                    AbsenceEpisode before = theirs.get(episode.startDate);
                    String type;
                    if (before == null) {
                        episode.id = UUID.randomUUID();
                        episode.teamId = worker.teamOn(episode.startDate);
                        type = AbsenceEpisodeEvent.STARTED;
                        bind(insert, episode, today);
                        insert.setObject(8, episode.workerId);
                        insert.setObject(9, episode.teamId);
                        Sql.date(insert, 10, episode.startDate);
                        insert.setString(11, recordedBy);
                        insert.addBatch();
                        tally.created();
                    } else {
                        episode.id = before.id;
                        episode.teamId = before.teamId;
                        if (episode.recorded().equals(before.recorded())) {
                            tally.unchanged();
                            continue;
                        }
                        episode.version = before.version + 1;
                        type = before.isOpen() && !episode.isOpen() ? AbsenceEpisodeEvent.ENDED
                                : onlyInterviewDiffers(before, episode) ? AbsenceEpisodeEvent.RETURN_INTERVIEW_RECORDED
                                : AbsenceEpisodeEvent.CHANGED;
                        bind(update, episode, today);
                        update.addBatch();
                        tally.updated();
                    }
                    theirs.put(episode.startDate, episode);
                    events.add(AbsenceTopics.EPISODES, episodeAsOf.event(type, episode, today));
                    changed.add(worker.id());
                }
                insert.executeBatch();
                update.executeBatch();
                workerAbsence.publishStatus(connection, changed, events, today);
            }
        }
    }

    /** The episode the row describes, its own faults recorded in it; null when it has any. */
    private AbsenceEpisode episode(CsvRow row, Map<String, Staff> workers, Map<String, Long> lines) {
        String staffNumber = row.required(STAFF_NUMBER);
        LocalDate start = row.date(START, true);
        LocalDate end = row.date(END, false);
        AbsenceReason reason = row.choice(REASON, AbsenceReason.class, true);
        Certification certification = row.choice(CERTIFICATION, Certification.class, true);
        LocalDate heldOn = row.date(INTERVIEW_ON, false);
        String heldBy = row.text(INTERVIEW_BY, 200, false);
        day(row, START, start);
        day(row, END, end);
        fault(row, INTERVIEW_ON, CalendarDates.outside(heldOn));
        fault(row, END, EpisodeRules.beforeStart(start, end));
        if ((row.text(INTERVIEW_ON) == null) != (row.text(INTERVIEW_BY) == null)) {
            row.reject(row.text(INTERVIEW_ON) == null ? INTERVIEW_ON : INTERVIEW_BY,
                    "the interview's day and who held it come together");
        } else if (heldOn != null && row.text(END) == null) {
            row.reject(INTERVIEW_ON, EpisodeRules.OPEN_WITH_INTERVIEW);
        } else if (heldOn != null && end != null) {
            fault(row, INTERVIEW_ON, rules.interviewDay(end, heldOn));
        }
        Staff worker = staffNumber == null ? null : workers.get(staffNumber);
        if (staffNumber != null && worker == null) {
            row.reject(STAFF_NUMBER, "names no worker known here (staffing-service's workers, with their staff"
                    + " numbers, come first)");
        } else if (worker != null && start != null && !worker.employedOn(start)) {
            row.reject(START, "the worker is not employed on " + start + ": employed from " + worker.startDate()
                    + (worker.leftOn() == null ? "" : " to " + worker.leftOn()));
        }
        if (staffNumber != null && start != null) {
            Long first = lines.putIfAbsent(key(staffNumber, start), row.line());
            if (first != null) {
                row.reject(START, "the episode of " + staffNumber + " from " + start + " is on line " + first
                        + " already");
            }
        }
        if (!row.valid()) {
            return null;
        }
        AbsenceEpisode episode = new AbsenceEpisode();
        episode.workerId = worker.id();
        episode.startDate = start;
        episode.endDate = end;
        episode.reason = reason;
        episode.certification = certification;
        episode.returnInterviewOn = heldOn;
        episode.returnInterviewBy = heldBy;
        return episode;
    }

    /** Whether the episode overlaps another of the worker's, of the file or stored; a fault of its row if so. */
    private static boolean overlaps(CsvRow row, AbsenceEpisode episode, Staff worker,
                                    Map<LocalDate, AbsenceEpisode> theirs, Map<String, Long> lines) {
        for (AbsenceEpisode other : theirs.values()) {
            // two episodes overlap when both cover the later of their first days
            LocalDate later = other.startDate.isAfter(episode.startDate) ? other.startDate : episode.startDate;
            if (!other.startDate.equals(episode.startDate) && other.covers(later) && episode.covers(later)) {
                Long line = lines.get(key(worker.staffNumber(), other.startDate));
                row.reject(START, "overlaps the episode from " + other.startDate + " to "
                        + (other.isOpen() ? "now (open)" : other.endDate)
                        + (line == null ? ", already recorded" : ", on line " + line));
                return true;
            }
        }
        return false;
    }

    private static boolean onlyInterviewDiffers(AbsenceEpisode before, AbsenceEpisode after) {
        return Objects.equals(before.endDate, after.endDate) && before.reason == after.reason
                && before.certification == after.certification;
    }

    @Override
    public void write(Connection connection, CsvWriter out) throws SQLException {
        try (PreparedStatement select = Sql.streaming(connection, "select w.staff_number, e.start_date, e.reason,"
                + " e.certification, e.end_date, e.return_interview_on, e.return_interview_by"
                + " from absence_episode e join worker w on w.id = e.worker_id"
                + " order by w.staff_number nulls last, w.id, e.start_date");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                out.row(rows.getString("staff_number"), Sql.date(rows, "start_date"), rows.getString("reason"),
                        rows.getString("certification"), Sql.date(rows, "end_date"),
                        Sql.date(rows, "return_interview_on"), rows.getString("return_interview_by"));
            }
        }
    }

    /** The workers the batch names, their rows locked (as every change of a worker's absence does), by staff number. */
    private static Map<String, Staff> workers(Connection connection, List<CsvRow> batch) throws SQLException {
        Map<String, Staff> found = new HashMap<>();
        Map<UUID, NavigableMap<LocalDate, UUID>> teams = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select id, staff_number, team_id, start_date,"
                + " left_on from worker where staff_number = any(?) order by id for update")) {
            Sql.texts(select, 1, batch.stream().map(row -> row.text(STAFF_NUMBER)).filter(Objects::nonNull)
                    .distinct().toList());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Staff worker = new Staff(Sql.uuid(rows, "id"), rows.getString("staff_number"),
                            Sql.uuid(rows, "team_id"), Sql.date(rows, "start_date"), Sql.date(rows, "left_on"), new TreeMap<>());
                    found.put(worker.staffNumber(), worker);
                    teams.put(worker.id(), worker.teams());
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select worker_id, effective_from, team_id from worker_period where worker_id = any(?)")) {
            Sql.uuids(select, 1, teams.keySet());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    teams.get(Sql.uuid(rows, "worker_id")).put(Sql.date(rows, "effective_from"),
                            Sql.uuid(rows, "team_id"));
                }
            }
        }
        return found;
    }

    /** Every episode stored of these workers, by worker and first day: none is ever left out of the overlap check. */
    private static Map<UUID, Map<LocalDate, AbsenceEpisode>> stored(Connection connection,
                                                                            Collection<Staff> workers)
            throws SQLException {
        Map<UUID, Map<LocalDate, AbsenceEpisode>> found = new HashMap<>();
        workers.forEach(worker -> found.put(worker.id(), new HashMap<>()));
        try (PreparedStatement select = connection.prepareStatement("select " + AbsenceEpisode.COLUMNS
                + " from absence_episode where worker_id = any(?)")) {
            Sql.uuids(select, 1, found.keySet());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AbsenceEpisode episode = AbsenceEpisode.read(rows);
                    found.get(episode.workerId).put(episode.startDate, episode);
                }
            }
        }
        return found;
    }

    /**
     * The facts an insert and an update set first, in the order of {@link #FACTS}, then the day the episode is
     * published as of, then its id.
     */
    private static void bind(PreparedStatement statement, AbsenceEpisode episode, LocalDate today) throws SQLException {
        Sql.date(statement, 1, episode.endDate);
        statement.setString(2, episode.reason.name());
        statement.setString(3, episode.certification.name());
        Sql.date(statement, 4, episode.returnInterviewOn);
        statement.setString(5, episode.returnInterviewBy);
        Sql.date(statement, 6, today);
        statement.setObject(7, episode.id);
    }

    /** A first or last day: in the calendar's years, then not too far ahead; the first fault reported. */
    private void day(CsvRow row, String column, LocalDate date) {
        String outside = CalendarDates.outside(date);
        fault(row, column, outside != null ? outside : rules.tooFarAhead(date));
    }

    private static void fault(CsvRow row, String column, String fault) {
        if (fault != null) {
            row.reject(column, fault);
        }
    }

    private static String key(String staffNumber, LocalDate start) {
        return staffNumber + " " + start;
    }
}
