package uk.workforcewatch.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
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

    /** A statement to run on each row of a large read, a batch at a time, never the whole result in memory. */
    public static PreparedStatement streaming(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(1_000);
        return statement;
    }
}
