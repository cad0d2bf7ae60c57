package uk.workforcewatch.caseload.cases;

import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.bulk.Columns;
import uk.workforcewatch.bulk.CsvFile;
import uk.workforcewatch.bulk.CsvRow;
import uk.workforcewatch.bulk.CsvWriter;
import uk.workforcewatch.bulk.ImportTally;
import uk.workforcewatch.bulk.RecordFile;
import uk.workforcewatch.bulk.RowGroups;
import uk.workforcewatch.bulk.Sql;
import uk.workforcewatch.caseload.caseloads.CaseloadBatch;
import uk.workforcewatch.caseload.limits.CaseHolders;
import uk.workforcewatch.events.caseload.CaseAllocation;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseEvent;
import uk.workforcewatch.events.caseload.CaseState;
import uk.workforcewatch.events.caseload.CaseStatus;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.outbox.OutboxBatch;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code cases.csv}: a council's cases with who held each and from when, from its case-management system. One row a
 * change of who holds the case (the worker's staff number from {@code effectiveOn}, or nobody when it is empty), a
 * case's rows together and in date order, its facts the same on each; a case never held has one row without a change.
 * Known by the case reference. History is taken as the council recorded it: the limits judge today's allocations,
 * not the past's, so an import never refuses a caseload, and what is over a limit now is for the gateway to flag; but
 * only a worker whose role on the day holds cases ({@link CaseHolders}) is ever named as holding one.
 */
@ApplicationScoped
public class CasesFile implements RecordFile {

    private static final String REFERENCE = "reference";
    private static final List<String> FACTS = List.of("category", "team", "openedOn", "closedOn", "closeReason");
    private static final Columns COLUMNS = Columns.of(List.of(REFERENCE, "category", "team", "openedOn"),
            List.of("effectiveOn", "staffNumber", "closedOn", "closeReason"));
    private static final int BATCH = 500;
    private static final String IN_FORCE = "superseded_by is null and change <> 'STRUCK_OUT'";

    private final EffectiveDates dates;
    private final CaseloadBatch caseloads;

    CasesFile(EffectiveDates dates, CaseloadBatch caseloads) {
        this.dates = dates;
        this.caseloads = caseloads;
    }

    @Override
    public String kind() {
        return "cases";
    }

    @Override
    public Columns columns() {
        return COLUMNS;
    }

    /** Who held the case from a date: a worker, or nobody. */
    private record Change(LocalDate on, UUID workerId) {
    }

    /** A case as the file or the database has it. */
    private record Record(String reference, CaseCategory category, UUID teamId, LocalDate openedOn,
                          LocalDate closedOn, String closeReason, List<Change> changes) {

        UUID holder() {
            return changes.isEmpty() ? null : changes.get(changes.size() - 1).workerId();
        }

        LocalDate changedOn() {
            return changes.isEmpty() ? openedOn : changes.get(changes.size() - 1).on();
        }

        /** Each holding from its change until the next, or until the closure. */
        Holdings holdings() {
            List<CaseAllocation> held = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                if (changes.get(i).workerId() != null) {
                    held.add(new CaseAllocation(changes.get(i).workerId(), changes.get(i).on(), endedOn(i)));
                }
            }
            return new Holdings(held);
        }

        LocalDate endedOn(int change) {
            return change + 1 < changes.size() ? changes.get(change + 1).on() : closedOn;
        }
    }

    /** A worker as the rows may name them, with the role of each period from the day it started. */
    private record Named(UUID id, LocalDate startDate, LocalDate leftOn, Role role, NavigableMap<LocalDate, Role> roles) {

        /** The role of the period in force on the day; the one staffing last published before any period. */
        Role roleOn(LocalDate day) {
            Map.Entry<LocalDate, Role> period = roles.floorEntry(day);
            return period == null ? role : period.getValue();
        }
    }

    /** A case stored: its row's id and version with the record. */
    private record Stored(UUID id, long version, Record record) {
    }

    @Override
    public void read(Connection connection, CsvFile file, ImportTally tally, String by)
            throws SQLException, IOException {
        RowGroups groups = new RowGroups(file, REFERENCE);
        // each worker whose open cases changed, published once at the end, not once a batch
        Set<UUID> holders = new HashSet<>();
        try (OutboxBatch events = new OutboxBatch(connection); Writes writes = new Writes(connection)) {
            List<RowGroups.Group> batch;
            while (!(batch = groups.next(BATCH)).isEmpty()) {
                List<CsvRow> rows = batch.stream().flatMap(group -> group.rows().stream()).toList();
                Map<String, UUID> teams = Sql.teamsByName(connection, rows.stream().map(row -> row.text("team")).toList());
                Map<String, List<Named>> workers = workers(connection,
                        rows.stream().map(row -> row.text("staffNumber")).toList());
                Map<String, Stored> stored = stored(connection, RowGroups.keys(batch, RowGroups.Group::key));
                for (RowGroups.Group group : batch) {
                    Record record = record(group, teams, workers);
                    if (!group.rows().stream().allMatch(CsvRow::valid)) {
                        continue;
                    }
                    Stored before = stored.get(group.key());
                    if (before != null && before.record().equals(record)) {
                        tally.unchanged();
                        continue;
                    }
                    UUID id = before == null ? UUID.randomUUID() : before.id();
                    long version = before == null ? 0 : before.version() + 1;
                    Case kase = row(id, version, record);
                    writes.kase(kase, before == null);
                    if (before == null || before.record().category() != record.category()) {
                        writes.category(kase, before == null ? record.openedOn() : dates.today(), by);
                    }
                    if (before == null || !before.record().changes().equals(record.changes())) {
                        if (before != null) {
                            writes.strikeOut(id, by);
                        }
                        for (int i = 0; i < record.changes().size(); i++) {
                            writes.change(id, record, i, by);
                        }
                    } else if (!Objects.equals(before.record().closedOn(), record.closedOn())) {
                        writes.endLatest(id, record.closedOn());
                    }
                    events.add(CaseloadTopics.CASES, new CaseEvent(UUID.randomUUID(),
                            before == null ? CaseEvent.OPENED : CaseEvent.IMPORTED, id, version, dates.now(),
                            kase.state(record.holdings().list())));
                    if (before != null && before.record().closedOn() == null) {
                        holders.add(before.record().holder());
                    }
                    if (record.closedOn() == null) {
                        holders.add(record.holder());
                    }
                    if (before == null) {
                        tally.created();
                    } else {
                        tally.updated();
                    }
                }
                writes.flush();
            }
            holders.remove(null);
            caseloads.publish(connection, holders, events);
        }
    }

    /** The case the group's rows describe; each fault recorded in its row. */
    private Record record(RowGroups.Group group, Map<String, UUID> teams, Map<String, List<Named>> workers) {
        CsvRow first = group.first();
        if (!group.key().matches("[A-Za-z0-9-]{3,40}")) {
            first.reject(REFERENCE, "must be a pseudonymous reference: 3 to 40 letters, digits or dashes, no spaces");
        }
        CaseCategory category = first.choice("category", CaseCategory.class, true);
        String team = first.required("team");
        UUID teamId = team == null ? null : teams.get(Sql.lower(team));
        if (team != null && teamId == null) {
            first.reject("team", "names no team staffing has told of");
        }
        LocalDate openedOn = first.date("openedOn", true);
        notAhead(first, "openedOn", openedOn);
        LocalDate closedOn = first.date("closedOn", false);
        notAhead(first, "closedOn", closedOn);
        if (closedOn != null && openedOn != null && closedOn.isBefore(openedOn)) {
            first.reject("closedOn", "must not be before openedOn " + openedOn);
        }
        String closeReason = first.text("closeReason", 200, false);
        if ((closedOn == null) != (closeReason == null)) {
            first.reject("closeReason", closedOn == null
                    ? "only for a closed case: give closedOn" : "is required for a closed case");
        }
        for (CsvRow row : group.rows().subList(1, group.rows().size())) {
            for (String fact : FACTS) {
                if (!Objects.equals(row.text(fact), first.text(fact))) {
                    row.reject(fact, "differs from line " + first.line() + " for the same case");
                }
            }
        }
        List<Change> changes = new ArrayList<>();
        Named holder = null;
        for (CsvRow row : group.rows()) {
            LocalDate on = row.date("effectiveOn", false);
            String staffNumber = row.text("staffNumber");
            if (on == null) {
                if (row.valid() && (staffNumber != null || group.rows().size() > 1)) {
                    row.reject("effectiveOn", "is required for a change of who holds the case");
                }
                continue;
            }
            LocalDate previous = changes.isEmpty() ? openedOn : changes.get(changes.size() - 1).on();
            notAhead(row, "effectiveOn", on);
            if (previous != null && on.isBefore(previous)) {
                row.reject("effectiveOn", "must not be before " + (changes.isEmpty() ? "openedOn " : "the change before it, on ")
                        + previous);
            } else if (closedOn != null && on.isAfter(closedOn)) {
                row.reject("effectiveOn", "must not be after closedOn " + closedOn);
            }
            Named worker = staffNumber == null ? null : worker(row, staffNumber, on, workers);
            UUID workerId = worker == null ? null : worker.id();
            UUID before = changes.isEmpty() ? null : changes.get(changes.size() - 1).workerId();
            if (row.valid() && Objects.equals(workerId, before) && !changes.isEmpty()) {
                row.reject("staffNumber", workerId == null ? "the case is unallocated already"
                        : "holds the case already, from the row before");
            }
            if (row.valid()) {
                changes.add(new Change(on, workerId));
                holder = worker;
            }
        }
        // a leaver's cases go on the leaving date: an open case's history must say who has held it since
        CsvRow last = group.rows().get(group.rows().size() - 1);
        if (holder != null && closedOn == null && last.valid() && holder.leftOn() != null
                && !holder.leftOn().isAfter(dates.today())) {
            last.reject("staffNumber", "left on " + holder.leftOn()
                    + ": say who has held the open case since, or that nobody has (a row without staffNumber)");
        }
        return new Record(group.key(), category, teamId, openedOn, closedOn, closeReason, List.copyOf(changes));
    }

    /** The worker the staff number names, employed on the day the holding began, in a role that holds cases. */
    private static Named worker(CsvRow row, String staffNumber, LocalDate on, Map<String, List<Named>> workers) {
        List<Named> named = workers.getOrDefault(staffNumber, List.of());
        if (named.isEmpty()) {
            row.reject("staffNumber", "names no worker staffing has told of");
            return null;
        }
        if (named.size() > 1) {
            row.reject("staffNumber", "names " + named.size() + " workers: put their staff numbers right in staffing");
            return null;
        }
        Named worker = named.get(0);
        if (on.isBefore(worker.startDate()) || (worker.leftOn() != null && on.isAfter(worker.leftOn()))) {
            row.reject("effectiveOn", "worker " + staffNumber + " was not employed then (from " + worker.startDate()
                    + (worker.leftOn() == null ? "" : " to " + worker.leftOn()) + ")");
        } else {
            CaseHolders.refusal(worker.roleOn(on), on).ifPresent(why -> row.reject("staffNumber", why));
        }
        return worker;
    }

    private void notAhead(CsvRow row, String column, LocalDate day) {
        if (day != null && day.isAfter(dates.today())) {
            row.reject(column, "must not be in the future (today is " + dates.today() + ")");
        }
    }

    /** The case's row as the record makes it: held by the last change's worker, waiting since its day if nobody. */
    private Case row(UUID id, long version, Record record) {
        Case kase = new Case();
        kase.id = id;
        kase.version = version;
        kase.reference = record.reference();
        kase.category = record.category();
        kase.teamId = record.teamId();
        kase.openedOn = record.openedOn();
        kase.status = CaseStatus.OPEN;
        kase.heldBy(record.holder(), record.changedOn(), dates.waitingSince(record.changedOn()));
        kase.workersSoFar = record.holdings().workers();
        if (record.closedOn() != null) {
            kase.close(record.closedOn(), record.closeReason());
        }
        return kase;
    }

    @Override
    public void write(Connection connection, CsvWriter out) throws SQLException {
        try (PreparedStatement select = Sql.streaming(connection, "select c.reference, c.category, t.name as team,"
                + " c.opened_on, a.effective_on, w.staff_number, c.closed_on, c.close_reason from case_file c"
                + " join team t on t.id = c.team_id left join allocation a on a.case_id = c.id"
                + " and a.superseded_by is null and a.change <> 'STRUCK_OUT' left join worker w on w.id = a.worker_id"
                + " order by c.reference, a.effective_on, a.id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                out.row(rows.getString("reference"), rows.getString("category"), rows.getString("team"),
                        Sql.date(rows, "opened_on"), Sql.date(rows, "effective_on"), rows.getString("staff_number"),
                        Sql.date(rows, "closed_on"), rows.getString("close_reason"));
            }
        }
    }

    /** The workers of these staff numbers, each with their periods' roles, in one statement. */
    private static Map<String, List<Named>> workers(Connection connection, List<String> numbers) throws SQLException {
        Map<UUID, Named> byId = new HashMap<>();
        Map<String, List<Named>> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select w.id, w.staff_number, w.start_date,"
                + " w.left_on, w.role, p.effective_from, p.role as period_role from worker w"
                + " left join worker_period p on p.worker_id = w.id where w.staff_number = any(?)")) {
            Sql.texts(select, 1, numbers.stream().filter(Objects::nonNull).distinct().toList());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = Sql.uuid(rows, "id");
                    Named worker = byId.get(id);
                    if (worker == null) {
                        worker = new Named(id, Sql.date(rows, "start_date"), Sql.date(rows, "left_on"),
                                Role.valueOf(rows.getString("role")), new TreeMap<>());
                        byId.put(id, worker);
                        found.computeIfAbsent(rows.getString("staff_number"), n -> new ArrayList<>()).add(worker);
                    }
                    LocalDate from = Sql.date(rows, "effective_from");
                    if (from != null) {
                        worker.roles().put(from, Role.valueOf(rows.getString("period_role")));
                    }
                }
            }
        }
        return found;
    }

    /** The cases stored under these references, locked, each with its history in force. */
    private static Map<String, Stored> stored(Connection connection, List<String> references) throws SQLException {
        Map<UUID, Stored> byId = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select id, reference, category, team_id,"
                + " opened_on, closed_on, close_reason, version from case_file where reference = any(?) for update")) {
            Sql.texts(select, 1, references);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = Sql.uuid(rows, "id");
                    byId.put(id, new Stored(id, rows.getLong("version"), new Record(rows.getString("reference"),
                            CaseCategory.valueOf(rows.getString("category")), Sql.uuid(rows, "team_id"),
                            Sql.date(rows, "opened_on"), Sql.date(rows, "closed_on"), rows.getString("close_reason"),
                            new ArrayList<>())));
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("select case_id, effective_on, worker_id"
                + " from allocation where case_id = any(?) and " + IN_FORCE + " order by case_id, effective_on, id")) {
            Sql.uuids(select, 1, byId.keySet());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byId.get(Sql.uuid(rows, "case_id")).record().changes().add(new Change(Sql.date(rows, "effective_on"),
                            Sql.uuid(rows, "worker_id")));
                }
            }
        }
        Map<String, Stored> found = new HashMap<>();
        byId.values().forEach(stored -> found.put(stored.record().reference(), stored));
        return found;
    }

    /** The statements an import's cases are written with, each run as a batch once a batch of cases is read. */
    private final class Writes implements AutoCloseable {

        private final PreparedStatement insertCase;
        private final PreparedStatement updateCase;
        private final PreparedStatement category;
        private final PreparedStatement strikeOut;
        private final PreparedStatement change;
        private final PreparedStatement endLatest;

        Writes(Connection connection) throws SQLException {
            String columns = "reference, category, team_id, status, worker_id, opened_on, unallocated_since,"
                    + " closed_on, close_reason, workers_so_far, changed_on, version, id";
            insertCase = connection.prepareStatement("insert into case_file (" + columns
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            updateCase = connection.prepareStatement("update case_file set (" + columns.replace(", id", "")
                    + ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) where id = ?");
            category = connection.prepareStatement("insert into case_category"
                    + " (case_id, category, effective_from, recorded_at, recorded_by) values (?, ?, ?, ?, ?)");
            // the changes in force until now are struck out, each by a row of its own naming it, then superseded by it
            strikeOut = connection.prepareStatement("with old as (select * from allocation where case_id = ? and "
                    + IN_FORCE + "), struck as (insert into allocation (case_id, change, effective_on, recorded_at,"
                    + " recorded_by, corrects, correction_reason) select case_id, 'STRUCK_OUT', effective_on, ?, ?, id,"
                    + " 'replaced by the history of the council''s cases.csv' from old returning id, corrects)"
                    + " update allocation a set superseded_by = struck.id from struck where a.id = struck.corrects");
            change = connection.prepareStatement("insert into allocation (case_id, worker_id, change, effective_on,"
                    + " ended_on, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?)");
            endLatest = connection.prepareStatement("update allocation set ended_on = ? where case_id = ? and "
                    + IN_FORCE + " and ended_on is null");
        }

        void kase(Case kase, boolean created) throws SQLException {
            PreparedStatement statement = created ? insertCase : updateCase;
            statement.setString(1, kase.reference);
            statement.setString(2, kase.category.name());
            statement.setObject(3, kase.teamId);
            statement.setString(4, kase.status.name());
            statement.setObject(5, kase.workerId);
            Sql.date(statement, 6, kase.openedOn);
            statement.setObject(7, kase.unallocatedSince == null ? null
                    : kase.unallocatedSince.atOffset(java.time.ZoneOffset.UTC));
            Sql.date(statement, 8, kase.closedOn);
            statement.setString(9, kase.closeReason);
            statement.setInt(10, kase.workersSoFar);
            Sql.date(statement, 11, kase.changedOn);
            statement.setLong(12, kase.version);
            statement.setObject(13, kase.id);
            statement.addBatch();
        }

        void category(Case kase, LocalDate from, String by) throws SQLException {
            category.setObject(1, kase.id);
            category.setString(2, kase.category.name());
            Sql.date(category, 3, from);
            category.setObject(4, now());
            category.setString(5, by);
            category.addBatch();
        }

        void strikeOut(UUID caseId, String by) throws SQLException {
            strikeOut.setObject(1, caseId);
            strikeOut.setObject(2, now());
            strikeOut.setString(3, by);
            strikeOut.addBatch();
        }

        void change(UUID caseId, Record record, int index, String by) throws SQLException {
            Change at = record.changes().get(index);
            UUID before = index == 0 ? null : record.changes().get(index - 1).workerId();
            Allocation.Change kind = at.workerId() == null ? Allocation.Change.UNALLOCATED
                    : before == null ? Allocation.Change.ALLOCATED : Allocation.Change.REALLOCATED;
            change.setObject(1, caseId);
            change.setObject(2, at.workerId());
            change.setString(3, kind.name());
            Sql.date(change, 4, at.on());
            Sql.date(change, 5, record.endedOn(index));
            change.setObject(6, now());
            change.setString(7, by);
            change.addBatch();
        }

        void endLatest(UUID caseId, LocalDate closedOn) throws SQLException {
            Sql.date(endLatest, 1, closedOn);
            endLatest.setObject(2, caseId);
            endLatest.addBatch();
        }

        /** In the order the rows depend on each other: cases, then what is struck out, then the new history. */
        void flush() throws SQLException {
            insertCase.executeBatch();
            updateCase.executeBatch();
            category.executeBatch();
            strikeOut.executeBatch();
            change.executeBatch();
            endLatest.executeBatch();
        }

        private java.time.OffsetDateTime now() {
            Instant now = dates.now();
            return now.atOffset(java.time.ZoneOffset.UTC);
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : List.of(insertCase, updateCase, category, strikeOut, change, endLatest)) {
                statement.close();
            }
        }
    }
}
