package uk.workforcewatch.staffing.workers;

import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.bulk.Columns;
import uk.workforcewatch.bulk.CsvFile;
import uk.workforcewatch.bulk.CsvRow;
import uk.workforcewatch.bulk.CsvWriter;
import uk.workforcewatch.bulk.ImportTally;
import uk.workforcewatch.bulk.RecordFile;
import uk.workforcewatch.bulk.RowGroups;
import uk.workforcewatch.bulk.Sql;
import uk.workforcewatch.events.staffing.CareerStage;
import uk.workforcewatch.events.staffing.CensusRole;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.LeaverDestination;
import uk.workforcewatch.events.staffing.LeavingReason;
import uk.workforcewatch.events.staffing.Qualification;
import uk.workforcewatch.events.staffing.QualificationLevel;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.events.staffing.StartOrigin;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.outbox.OutboxBatch;
import uk.workforcewatch.staffing.api.CouncilKeys;
import uk.workforcewatch.staffing.api.Fte;
import uk.workforcewatch.staffing.records.Lookups;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code workers.csv}: a worker's facts and the history of their role, team, FTE and post, one row a period, a
 * worker's rows together and in date order, the facts the same on each. Known by staff number. Agency cover is an
 * agency worker's period naming the vacant post they cover.
 */
@ApplicationScoped
public class WorkersFile implements RecordFile {

    static final String STAFF_NUMBER = "staffNumber";
    private static final List<String> FACTS = List.of("name", "employment", "startDate", "registrationNumber",
            "origin", "qualificationInstitution", "qualificationLevel", "censusRole", "careerStage", "leftOn",
            "leavingReason", "leavingDestination");
    private static final Columns COLUMNS = Columns.of(
            List.of(STAFF_NUMBER, "name", "employment", "startDate", "effectiveFrom", "role", "team", "fte"),
            List.of("postNumber", "registrationNumber", "origin", "qualificationInstitution", "qualificationLevel",
                    "censusRole", "careerStage", "leftOn", "leavingReason", "leavingDestination"));
    private static final int BATCH = 200;
    private static final String WORKER_COLUMNS = "staff_number, name, employment, start_date, registration_number,"
            + " origin, left_on, leaving_reason, leaving_destination, qualification_institution, qualification_level,"
            + " census_role, career_stage";

    private final Clock clock;

    WorkersFile(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "workers";
    }

    @Override
    public Columns columns() {
        return COLUMNS;
    }

    @Override
    public void read(Connection connection, CsvFile file, ImportTally tally, String by)
            throws SQLException, IOException {
        LocalDate today = LocalDate.now(clock);
        RowGroups groups = new RowGroups(file, STAFF_NUMBER);
        try (OutboxBatch events = new OutboxBatch(connection);
             PreparedStatement insert = connection.prepareStatement("insert into worker (" + WORKER_COLUMNS
                     + ", published_as_of, id, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
             PreparedStatement update = connection.prepareStatement("update worker set (" + WORKER_COLUMNS
                     + ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), version = version + 1, published_as_of = ?"
                     + " where id = ?");
             PreparedStatement dropPeriods = connection.prepareStatement(
                     "delete from worker_period where worker_id = any(?)");
             PreparedStatement addPeriod = connection.prepareStatement("insert into worker_period"
                     + " (worker_id, effective_from, role, team_id, fte, post_id) values (?, ?, ?, ?, ?, ?)")) {
            List<RowGroups.Group> batch;
            while (!(batch = groups.next(BATCH)).isEmpty()) {
                List<CsvRow> rows = batch.stream().flatMap(g -> g.rows().stream()).toList();
                Map<String, UUID> teams = Sql.teamsByName(connection, rows.stream().map(r -> r.text("team")).toList());
                Map<String, Lookups.PostKey> posts = Lookups.posts(connection,
                        rows.stream().map(r -> r.text("postNumber")).toList());
                Map<String, Worker> stored = stored(connection, RowGroups.keys(batch, RowGroups.Group::key));
                List<Worker> changed = new ArrayList<>();
                for (RowGroups.Group group : batch) {
                    Worker worker = worker(group, teams, posts);
                    if (!group.rows().stream().allMatch(CsvRow::valid)) {
                        continue;
                    }
                    Worker before = stored.get(group.key());
                    if (before != null) {
                        worker.id = before.id;
                        if (before.state(today).equals(worker.state(today))) {
                            tally.unchanged();
                            continue;
                        }
                        worker.version = before.version + 1;
                        tally.updated();
                    } else {
                        worker.id = UUID.randomUUID();
                        tally.created();
                    }
                    bindFacts(before == null ? insert : update, worker, today);
                    (before == null ? insert : update).addBatch();
                    changed.add(worker);
                    events.add(StaffingTopics.WORKERS, new WorkerEvent(UUID.randomUUID(),
                            before == null ? WorkerEvent.HIRED : WorkerEvent.CHANGED, worker.id, worker.version,
                            clock.instant(), worker.state(today)));
                }
                insert.executeBatch();
                update.executeBatch();
                Sql.uuids(dropPeriods, 1, changed.stream().map(w -> w.id).toList());
                dropPeriods.executeUpdate();
                for (Worker worker : changed) {
                    for (Period period : worker.periods) {
                        addPeriod.setObject(1, worker.id);
                        Sql.date(addPeriod, 2, period.effectiveFrom);
                        addPeriod.setString(3, period.role.name());
                        addPeriod.setObject(4, period.teamId);
                        addPeriod.setBigDecimal(5, period.fte);
                        addPeriod.setObject(6, period.postId);
                        addPeriod.addBatch();
                    }
                }
                addPeriod.executeBatch();
            }
        }
    }

    /** The worker the group's rows describe; each fault recorded in its row. */
    private static Worker worker(RowGroups.Group group, Map<String, UUID> teams, Map<String, Lookups.PostKey> posts) {
        CsvRow first = group.first();
        Worker worker = new Worker();
        worker.staffNumber = group.key();
        if (!CouncilKeys.valid(worker.staffNumber)) {
            first.reject(STAFF_NUMBER, CouncilKeys.RULE);
        }
        worker.name = first.text("name", 200, true);
        worker.employment = first.choice("employment", Employment.class, true);
        worker.startDate = first.date("startDate", true);
        worker.registrationNumber = first.text("registrationNumber", 20, false);
        worker.origin = first.choice("origin", StartOrigin.class, false);
        String institution = first.text("qualificationInstitution", 200, false);
        QualificationLevel level = first.choice("qualificationLevel", QualificationLevel.class, false);
        if ((institution == null) != (level == null)) {
            first.reject(institution == null ? "qualificationInstitution" : "qualificationLevel",
                    "the institution and the level of a qualification come together");
        } else if (institution != null) {
            worker.qualification(new Qualification(institution, level));
        }
        worker.censusRole = first.choice("censusRole", CensusRole.class, false);
        worker.careerStage = first.choice("careerStage", CareerStage.class, false);
        worker.leftOn = first.date("leftOn", false);
        worker.leavingReason = first.choice("leavingReason", LeavingReason.class, false);
        worker.leavingDestination = first.choice("leavingDestination", LeaverDestination.class, false);
        if (worker.leftOn == null && (worker.leavingReason != null || worker.leavingDestination != null)) {
            first.reject(worker.leavingReason != null ? "leavingReason" : "leavingDestination",
                    "only for a worker who has left: give leftOn");
        }
        if (worker.leftOn != null) {
            if (worker.leavingReason == null) {
                first.reject("leavingReason", "is required for a worker who has left");
            }
            if (worker.leavingDestination == null) {
                worker.leavingDestination = LeaverDestination.NOT_YET_COLLECTED;
            }
            if (worker.startDate != null && worker.leftOn.isBefore(worker.startDate)) {
                first.reject("leftOn", "must not be before startDate " + worker.startDate);
            }
        }
        for (CsvRow row : group.rows().subList(1, group.rows().size())) {
            for (String fact : FACTS) {
                if (!Objects.equals(row.text(fact), first.text(fact))) {
                    row.reject(fact, "differs from line " + first.line() + " for the same worker");
                }
            }
        }
        for (CsvRow row : group.rows()) {
            period(worker, row, teams, posts);
        }
        return worker;
    }

    /** One period of the worker: after the one before, within the employment, in a post of its team and role. */
    private static void period(Worker worker, CsvRow row, Map<String, UUID> teams, Map<String, Lookups.PostKey> posts) {
        LocalDate from = row.date("effectiveFrom", true);
        Role role = row.choice("role", Role.class, true);
        String team = row.required("team");
        UUID teamId = team == null ? null : teams.get(Sql.lower(team));
        if (team != null && teamId == null) {
            row.reject("team", "names no team (import teams.csv first)");
        }
        BigDecimal fte = Fte.read(row, "fte");
        String postNumber = row.text("postNumber");
        Lookups.PostKey post = postNumber == null ? null : posts.get(postNumber);
        if (postNumber != null && post == null) {
            row.reject("postNumber", "names no post (import posts.csv first)");
        } else if (post != null && teamId != null && role != null && from != null
                && (!post.teamId().equals(teamId) || post.role() != role || !post.existsOn(from))) {
            row.reject("postNumber", "must be a post of " + team + " for the role " + role + " on " + from);
        }
        if (from != null) {
            LocalDate previous = worker.periods.isEmpty() ? null
                    : worker.periods.get(worker.periods.size() - 1).effectiveFrom;
            if (previous == null && worker.startDate != null && !from.equals(worker.startDate)) {
                row.reject("effectiveFrom", "the first period starts on startDate " + worker.startDate);
            } else if (previous != null && !from.isAfter(previous)) {
                row.reject("effectiveFrom", "must be after the period before it, from " + previous);
            } else if (worker.leftOn != null && from.isAfter(worker.leftOn)) {
                row.reject("effectiveFrom", "must not be after leftOn " + worker.leftOn);
            }
        }
        if (row.valid()) {
            worker.periods.add(new Period(from, role, teamId, fte, post == null ? null : post.id()));
        }
    }

    private static void bindFacts(PreparedStatement statement, Worker worker, LocalDate today) throws SQLException {
        statement.setString(1, worker.staffNumber);
        statement.setString(2, worker.name);
        statement.setString(3, worker.employment.name());
        Sql.date(statement, 4, worker.startDate);
        statement.setString(5, worker.registrationNumber);
        statement.setString(6, name(worker.origin));
        Sql.date(statement, 7, worker.leftOn);
        statement.setString(8, name(worker.leavingReason));
        statement.setString(9, name(worker.leavingDestination));
        statement.setString(10, worker.qualificationInstitution);
        statement.setString(11, name(worker.qualificationLevel));
        statement.setString(12, name(worker.censusRole));
        statement.setString(13, name(worker.careerStage));
        Sql.date(statement, 14, today);
        statement.setObject(15, worker.id);
    }

    @Override
    public void write(Connection connection, CsvWriter out) throws SQLException {
        try (PreparedStatement select = Sql.streaming(connection, "select w.staff_number, w.name, w.employment,"
                + " w.start_date, p.effective_from, p.role, t.name as team, p.fte, post.post_number,"
                + " w.registration_number, w.origin, w.qualification_institution, w.qualification_level, w.census_role,"
                + " w.career_stage, w.left_on, w.leaving_reason, w.leaving_destination"
                + " from worker w join worker_period p on p.worker_id = w.id join team t on t.id = p.team_id"
                + " left join post on post.id = p.post_id order by w.staff_number nulls last, w.id, p.effective_from");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                out.row(rows.getString("staff_number"), rows.getString("name"), rows.getString("employment"),
                        Sql.date(rows, "start_date"), Sql.date(rows, "effective_from"), rows.getString("role"),
                        rows.getString("team"), rows.getBigDecimal("fte"), rows.getString("post_number"),
                        rows.getString("registration_number"), rows.getString("origin"),
                        rows.getString("qualification_institution"), rows.getString("qualification_level"),
                        rows.getString("census_role"), rows.getString("career_stage"), Sql.date(rows, "left_on"),
                        rows.getString("leaving_reason"), rows.getString("leaving_destination"));
            }
        }
    }

    /** The workers stored under these staff numbers, locked, with their periods. */
    private static Map<String, Worker> stored(Connection connection, List<String> staffNumbers) throws SQLException {
        Map<String, Worker> found = new HashMap<>();
        Map<UUID, Worker> byId = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select id, version, " + WORKER_COLUMNS
                + " from worker where staff_number = any(?) for update")) {
            Sql.texts(select, 1, staffNumbers);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Worker worker = new Worker();
                    worker.id = Sql.uuid(rows, "id");
                    worker.version = rows.getLong("version");
                    worker.staffNumber = rows.getString("staff_number");
                    worker.name = rows.getString("name");
                    worker.employment = Employment.valueOf(rows.getString("employment"));
                    worker.startDate = Sql.date(rows, "start_date");
                    worker.registrationNumber = rows.getString("registration_number");
                    worker.origin = value(StartOrigin.class, rows.getString("origin"));
                    worker.leftOn = Sql.date(rows, "left_on");
                    worker.leavingReason = value(LeavingReason.class, rows.getString("leaving_reason"));
                    worker.leavingDestination = value(LeaverDestination.class, rows.getString("leaving_destination"));
                    worker.qualificationInstitution = rows.getString("qualification_institution");
                    worker.qualificationLevel = value(QualificationLevel.class, rows.getString("qualification_level"));
                    worker.censusRole = value(CensusRole.class, rows.getString("census_role"));
                    worker.careerStage = value(CareerStage.class, rows.getString("career_stage"));
                    found.put(worker.staffNumber, worker);
                    byId.put(worker.id, worker);
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("select worker_id, effective_from, role, team_id,"
                + " fte, post_id from worker_period where worker_id = any(?) order by effective_from")) {
            Sql.uuids(select, 1, byId.keySet());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byId.get(Sql.uuid(rows, "worker_id")).periods.add(new Period(Sql.date(rows, "effective_from"),
                            Role.valueOf(rows.getString("role")), Sql.uuid(rows, "team_id"), rows.getBigDecimal("fte"),
                            Sql.uuid(rows, "post_id")));
                }
            }
        }
        return found;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
