package uk.workforcewatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts, once per module's test run, what a service needs around it: a real Kafka broker, a real
 * PostgreSQL server, and trust in the test run's token key. Tests reach the broker through
 * {@link #kafka()} to read events back or to make it unreachable.
 */
public class ServiceTestEnvironment implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafka kafka;
    private static EmbeddedDatabase database;

    @Override
    public synchronized Map<String, String> start() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start();
            database = EmbeddedDatabase.start();
        }
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.reactive.url", database.reactiveUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "mp.jwt.verify.publickey", Tokens.publicKeyPem(),
                "mp.jwt.verify.issuer", Tokens.ISSUER,
                "mp.jwt.verify.audiences", Tokens.AUDIENCE);
    }

    @Override
    public synchronized void stop() {
        // the broker and database live until the JVM ends, so a Quarkus restart between test
        // classes with other settings finds them as they were
    }

    public static EmbeddedKafka kafka() {
        return kafka;
    }

    /** The database, for tests that look at what a service stored. */
    public static EmbeddedDatabase database() {
        return database;
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (kafka != null) {
                    kafka.close();
                }
                if (database != null) {
                    database.close();
                }
            } catch (Exception e) {
                // the JVM is ending
            }
        }, "test-environment-stop"));
    }
}
