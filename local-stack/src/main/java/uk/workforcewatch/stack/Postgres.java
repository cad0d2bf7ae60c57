package uk.workforcewatch.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** One embedded PostgreSQL server whose data stays in the stack's folder, with a database per service. */
final class Postgres implements AutoCloseable {

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres start(StackConfig config, List<String> databases) throws IOException {
        Path folder = Files.createDirectories(config.data().resolve("postgres"));
        Path log = config.logs().resolve("postgres.log");
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPort(config.ports().postgres())
                .setDataDirectory(folder.resolve("data"))
                .setOverrideWorkingDirectory(Files.createDirectories(folder.resolve("binaries")).toFile())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                .start();
        Postgres postgres = new Postgres(server);
        postgres.createMissing(databases);
        return postgres;
    }

    int port() {
        return server.getPort();
    }

    /**
     * Ends every session on the database from the server's side, as a failed network or a database restart
     * would, whatever each was doing, a transaction included; the number ended.
     */
    int cutConnections(String database) throws SQLException {
        try (var connection = DriverManager.getConnection(url("postgres"), "postgres", "postgres");
             var cut = connection.prepareStatement("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                     + " where datname = ? and pid <> pg_backend_pid()")) {
            cut.setString(1, database);
            try (var ended = cut.executeQuery()) {
                ended.next();
                return ended.getInt(1);
            }
        }
    }

    private void createMissing(List<String> databases) throws IOException {
        try (var connection = DriverManager.getConnection(url("postgres"), "postgres", "postgres");
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
             var statement = connection.createStatement()) {
            for (String database : databases) {
                exists.setString(1, database);
                try (var found = exists.executeQuery()) {
                    if (!found.next()) {
                        statement.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("The services' databases could not be created", e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
