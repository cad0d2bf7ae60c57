package uk.workforcewatch.staffing.records;

import uk.workforcewatch.bulk.Sql;
import uk.workforcewatch.events.staffing.Role;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** What a batch's rows name by the council's post numbers, found in one statement (teams: {@link Sql#teamsByName}). */
public final class Lookups {

    /** A post as a worker's period may name it. */
    public record PostKey(UUID id, UUID teamId, Role role, LocalDate establishedOn, LocalDate removedOn) {

        public boolean existsOn(LocalDate day) {
            return !day.isBefore(establishedOn) && (removedOn == null || !day.isAfter(removedOn));
        }
    }

    private Lookups() {
    }

    /** Posts by number. */
    public static Map<String, PostKey> posts(Connection connection, Collection<String> numbers) throws SQLException {
        Map<String, PostKey> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select id, post_number, team_id, role,"
                + " established_on, removed_on from post where post_number = any(?)")) {
            Sql.texts(select, 1, numbers.stream().filter(Objects::nonNull).toList());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString("post_number"), new PostKey(Sql.uuid(rows, "id"), Sql.uuid(rows, "team_id"),
                            Role.valueOf(rows.getString("role")), Sql.date(rows, "established_on"),
                            Sql.date(rows, "removed_on")));
                }
            }
        }
        return found;
    }
}
