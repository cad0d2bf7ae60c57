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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** What a batch's rows name by the council's keys, found in one statement each: teams by name, posts by number. */
public final class Lookups {

    /** A post as a worker's period may name it. */
    public record PostKey(UUID id, UUID teamId, Role role, LocalDate establishedOn, LocalDate removedOn) {

        public boolean existsOn(LocalDate day) {
            return !day.isBefore(establishedOn) && (removedOn == null || !day.isAfter(removedOn));
        }
    }

    private Lookups() {
    }

    /** Team ids by name in lower case. */
    public static Map<String, UUID> teams(Connection connection, Collection<String> names) throws SQLException {
        Map<String, UUID> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, lower(name) as name from team where lower(name) = any(?)")) {
            Sql.texts(select, 1, names.stream().filter(Objects::nonNull).map(Lookups::lower).toList());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString("name"), Sql.uuid(rows, "id"));
                }
            }
        }
        return found;
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

    public static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
