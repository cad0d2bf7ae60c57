package uk.workforcewatch.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A real PostgreSQL server (zonky's embedded binaries) on a random port, user {@code postgres}. */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start() {
        try {
            File directory = Files.createTempDirectory("ww-postgres").toFile();
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(directory)
                    .setCleanDataDirectory(true)
                    .start());
        } catch (IOException e) {
            throw new IllegalStateException("The embedded PostgreSQL server did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres";
    }

    public String reactiveUrl() {
        return "postgresql://localhost:" + port() + "/postgres";
    }

    /** Creates another database on the same server, for a second service in the same test run. */
    public void createDatabase(String name) {
        try (var connection = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
             var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Database " + name + " could not be created", e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
