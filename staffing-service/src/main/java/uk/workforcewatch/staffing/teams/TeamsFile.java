package uk.workforcewatch.staffing.teams;

import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.bulk.Columns;
import uk.workforcewatch.bulk.CsvFile;
import uk.workforcewatch.bulk.CsvRow;
import uk.workforcewatch.bulk.CsvWriter;
import uk.workforcewatch.bulk.ImportTally;
import uk.workforcewatch.bulk.RecordFile;
import uk.workforcewatch.bulk.Sql;
import uk.workforcewatch.events.staffing.ServiceArea;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.events.staffing.TeamEvent;
import uk.workforcewatch.events.staffing.TeamState;
import uk.workforcewatch.outbox.OutboxBatch;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@code teams.csv}: one row a team, known by its name (unique, whatever the case). */
@ApplicationScoped
public class TeamsFile implements RecordFile {

    static final String NAME = "name";
    static final String SERVICE_AREA = "serviceArea";
    private static final Columns COLUMNS = Columns.of(List.of(NAME, SERVICE_AREA), List.of());
    private static final int BATCH = 500;

    private final Clock clock;

    TeamsFile(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "teams";
    }

    @Override
    public Columns columns() {
        return COLUMNS;
    }

    /** A team as stored: id, version and state. */
    private record Stored(UUID id, long version, TeamState state) {
    }

    @Override
    public void read(Connection connection, CsvFile file, ImportTally tally, String by)
            throws SQLException, IOException {
        Set<String> seen = new HashSet<>();
        try (OutboxBatch events = new OutboxBatch(connection);
             PreparedStatement insert = connection.prepareStatement(
                     "insert into team (id, name, service_area, version) values (?, ?, ?, 0)");
             PreparedStatement update = connection.prepareStatement(
                     "update team set name = ?, service_area = ?, version = version + 1 where id = ?")) {
            List<CsvRow> batch;
            while (!(batch = file.next(BATCH)).isEmpty()) {
                Map<String, Stored> stored = stored(connection, batch);
                for (CsvRow row : batch) {
                    String name = row.text(NAME, 200, true);
                    ServiceArea area = row.choice(SERVICE_AREA, ServiceArea.class, true);
                    if (name != null && !seen.add(name.toLowerCase(Locale.ROOT))) {
                        row.reject(NAME, "names a team already named on an earlier line");
                    }
                    if (!row.valid()) {
                        continue;
                    }
                    Stored team = stored.get(name.toLowerCase(Locale.ROOT));
                    if (team == null) {
                        UUID id = UUID.randomUUID();
                        insert.setObject(1, id);
                        insert.setString(2, name);
                        insert.setString(3, area.name());
                        insert.addBatch();
                        events.add(StaffingTopics.TEAMS, new TeamEvent(UUID.randomUUID(), TeamEvent.CREATED, id, 0,
                                clock.instant(), new TeamState(id, name, area, null)));
                        tally.created();
                    } else if (team.state().name().equals(name) && team.state().serviceArea() == area) {
                        tally.unchanged();
                    } else {
                        update.setString(1, name);
                        update.setString(2, area.name());
                        update.setObject(3, team.id());
                        update.addBatch();
                        events.add(StaffingTopics.TEAMS, new TeamEvent(UUID.randomUUID(), TeamEvent.CHANGED, team.id(),
                                team.version() + 1, clock.instant(),
                                new TeamState(team.id(), name, area, team.state().managerId())));
                        tally.updated();
                    }
                }
                insert.executeBatch();
                update.executeBatch();
            }
        }
    }

    @Override
    public void write(Connection connection, CsvWriter out) throws SQLException {
        try (PreparedStatement select = Sql.streaming(connection,
                "select name, service_area from team order by lower(name)");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                out.row(rows.getString("name"), rows.getString("service_area"));
            }
        }
    }

    /** The teams named in the batch, locked for the import's transaction, by their name in lower case. */
    private static Map<String, Stored> stored(Connection connection, List<CsvRow> batch) throws SQLException {
        List<String> names = new ArrayList<>();
        for (CsvRow row : batch) {
            String name = row.text(NAME);
            if (name != null) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        Map<String, Stored> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select id, name, service_area, manager_id, version"
                + " from team where lower(name) = any(?) for update")) {
            Sql.texts(select, 1, names);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = Sql.uuid(rows, "id");
                    found.put(rows.getString("name").toLowerCase(Locale.ROOT), new Stored(id, rows.getLong("version"),
                            new TeamState(id, rows.getString("name"), ServiceArea.valueOf(rows.getString("service_area")),
                                    Sql.uuid(rows, "manager_id"))));
                }
            }
        }
        return found;
    }
}
