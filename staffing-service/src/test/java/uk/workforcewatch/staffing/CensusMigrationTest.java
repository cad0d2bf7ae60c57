package uk.workforcewatch.staffing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.EmbeddedDatabase;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Workers stored before the census fields keep their meaning: old leaving reasons become the census's, free
 * text that is no census value becomes NOT_KNOWN. Runs the migrations on a database of its own.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class CensusMigrationTest {

    @Test
    void storedReasonsOriginsAndDestinationsBecomeCensusValues() throws SQLException {
        EmbeddedDatabase server = ServiceTestEnvironment.database();
        String name = "staffing_" + UUID.randomUUID().toString().replace("-", "");
        server.createDatabase(name);
        String url = "jdbc:postgresql://localhost:" + server.port() + "/" + name;

        migrate(url, "2");
        Map<String, String[]> stored = Map.of(
                "RETIREMENT", new String[] {"Another local authority", "Retired"},
                "DISMISSAL", new String[] {"NEWLY_QUALIFIED", "OTHER"},
                "DEATH", new String[] {null, null},
                "END_OF_CONTRACT", new String[] {"AGENCY_OR_CONSULTANCY_ENGLAND", "ANOTHER_COUNCIL"},
                "REDUNDANCY", new String[] {"Frontline programme", "NOT_KNOWN"},
                "RESIGNATION", new String[] {"SOCIAL_WORK_OUTSIDE_ENGLAND", "SOCIAL_WORK_OTHER_COUNCIL_ENGLAND"},
                "OTHER", new String[] {"OTHER", "Agency social work"});
        Map<String, UUID> ids = new HashMap<>();
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
            for (var worker : stored.entrySet()) {
                UUID id = UUID.randomUUID();
                ids.put(worker.getKey(), id);
                try (var insert = db.prepareStatement("insert into worker (id, name, employment, start_date, origin,"
                        + " left_on, leaving_reason, leaving_destination, version, published_as_of)"
                        + " values (?, 'A worker', 'PERMANENT', date '2020-01-06', ?, date '2024-06-28', ?, ?, 1,"
                        + " date '2024-06-28')")) {
                    insert.setObject(1, id);
                    insert.setString(2, worker.getValue()[0]);
                    insert.setString(3, worker.getKey());
                    insert.setString(4, worker.getValue()[1]);
                    insert.executeUpdate();
                }
            }
        }

        migrate(url, "latest");

        Map<String, String[]> expected = Map.of(
                "RETIREMENT", new String[] {"RETIRED", "NOT_KNOWN", "NOT_KNOWN"},
                "DISMISSAL", new String[] {"DISMISSED", "NEWLY_QUALIFIED", "OTHER"},
                "DEATH", new String[] {"DECEASED", null, "NOT_YET_COLLECTED"},
                "END_OF_CONTRACT", new String[] {"OTHER", "AGENCY_OR_CONSULTANCY_ENGLAND", "NOT_KNOWN"},
                "REDUNDANCY", new String[] {"NOT_KNOWN", "NOT_KNOWN", "NOT_KNOWN"},
                "RESIGNATION", new String[] {"RESIGNATION", "SOCIAL_WORK_OUTSIDE_ENGLAND",
                        "SOCIAL_WORK_OTHER_COUNCIL_ENGLAND"},
                "OTHER", new String[] {"OTHER", "OTHER", "NOT_KNOWN"});
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
             var select = db.prepareStatement(
                     "select leaving_reason, origin, leaving_destination from worker where id = ?")) {
            for (var worker : expected.entrySet()) {
                select.setObject(1, ids.get(worker.getKey()));
                try (var row = select.executeQuery()) {
                    row.next();
                    assertEquals(Arrays.asList(worker.getValue()),
                            Arrays.asList(row.getString(1), row.getString(2), row.getString(3)),
                            "stored as " + worker.getKey());
                }
            }
        }
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration", "classpath:db/outbox").target(target).load().migrate();
    }
}
