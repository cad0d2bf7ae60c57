package uk.workforcewatch.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The few JDBC conveniences the files share: a batch's keys bound as one array, so each lookup is one statement. */
public final class Sql {

    private Sql() {
    }

    public static void texts(PreparedStatement statement, int index, Collection<String> values) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("text", values.toArray()));
    }

    public static void uuids(PreparedStatement statement, int index, Collection<UUID> values) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("uuid", values.toArray()));
    }

    public static void date(PreparedStatement statement, int index, LocalDate value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, value);
        }
    }

    public static LocalDate date(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, LocalDate.class);
    }

    public static UUID uuid(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, UUID.class);
    }

    /**
     * The ids of the teams a batch names, by name in lower case, in one statement: every service that knows teams
     * keeps them in a {@code team} table with an {@code id} and a {@code name}, and files name teams by name.
     */
    public static Map<String, UUID> teamsByName(Connection connection, Collection<String> names) throws SQLException {
        Map<String, UUID> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, lower(name) as name from team where lower(name) = any(?)")) {
            texts(select, 1, names.stream().filter(Objects::nonNull).map(Sql::lower).distinct().toList());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString("name"), uuid(rows, "id"));
                }
            }
        }
        return found;
    }

    /** A team's name as {@link #teamsByName} keys it. */
    public static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A statement to run on each row of a large read, a batch at a time, never the whole result in memory. */
    public static PreparedStatement streaming(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(1_000);
        return statement;
    }
}
