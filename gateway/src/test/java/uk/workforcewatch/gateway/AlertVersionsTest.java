package uk.workforcewatch.gateway;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.alerts.AlertEvent;
import uk.workforcewatch.events.alerts.AlertTopics;
import uk.workforcewatch.gateway.notifications.Delivery;
import uk.workforcewatch.gateway.notifications.Dispatcher;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.TestClock;
import uk.workforcewatch.testing.Tokens;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An alert's version is checked as it is written: an acknowledgement, a resolution and a repeat of one alert at
 * once all keep their effect, each change one version more; a stale acknowledgement through the API is a 409.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
class AlertVersionsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Dispatcher dispatcher;

    @AfterEach
    void backToNow() {
        TestClock.reset();
    }

    private static RequestSpecification senior() {
        return RestAssured.given().auth().oauth2(Tokens.seniorManager()).contentType(ContentType.JSON);
    }

    private static Optional<Map<String, Object>> alertOf(UUID worker) {
        return senior().queryParam("size", 500).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("").stream().filter(a -> worker.toString().equals(a.get("subjectId")))
                .findFirst();
    }

    private static String awaitFiring(UUID worker) {
        return (String) await().atMost(WAIT).until(() -> alertOf(worker), Optional::isPresent).orElseThrow().get("id");
    }

    @Test
    void anAcknowledgementResolutionAndRepeatAtOnceAllKeepTheirEffectEachOneVersionMore() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        Events.caseload(worker, team, 1, 0, 16, 15);
        String alert = awaitFiring(worker);
        TestClock.advance(Duration.ofHours(4).plusMinutes(1));   // a repeat is owed

        CompletableFuture<Integer> acknowledged;
        CompletableFuture<Void> repeated;
        boolean repeatWaitedNot;
        // hold the alert's row while the three start, so each has read it before any has written
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            try (var lock = db.prepareStatement("select id from alert where id = ? for update")) {
                lock.setObject(1, UUID.fromString(alert));
                lock.executeQuery().close();
            }
            acknowledged = CompletableFuture.supplyAsync(() -> senior()
                    .body(Map.of("note", "Two cases move on Monday", "version", 0))
                    .post("/api/v1/alerts/" + alert + "/acknowledgement").statusCode());
            await().atMost(WAIT).until(() -> waitingForLocks() >= 1);
            Events.caseload(worker, team, 2, 0, 10, 15);   // resolves it
            await().atMost(WAIT).until(() -> waitingForLocks() >= 2);
            repeated = CompletableFuture.runAsync(() -> {
                try {
                    VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatch());
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(WAIT).until(() -> repeated.isDone() || waitingForLocks() >= 3);
            repeatWaitedNot = repeated.isDone();
            db.rollback();
        }

        assertEquals(200, acknowledged.get(60, TimeUnit.SECONDS));
        repeated.get(60, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alertOf(worker).orElseThrow().get("status")));
        Map<String, Object> last = alertOf(worker).orElseThrow();
        assertEquals("Two cases move on Monday", last.get("acknowledgementNote"), "the acknowledgement is kept");
        assertNotNull(last.get("acknowledgedAt"));
        assertNotNull(last.get("resolvedAt"));
        assertEquals(2, last.get("version"));

        var events = EventLog.awaitRecords(AlertTopics.ALERTS, alert, 3, AlertEvent.class, WAIT);
        assertEquals(List.of(AlertEvent.FIRED, AlertEvent.ACKNOWLEDGED, AlertEvent.RESOLVED),
                events.stream().map(EventLog.Published::ceType).toList());
        assertEquals(List.of(0L, 1L, 2L), events.stream().map(e -> e.event().version()).toList());
        assertEquals("Two cases move on Monday", events.get(2).event().alert().acknowledgementNote(),
                "the resolution was made on the acknowledged alert");

        VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatch());
        assertEquals(List.of(), VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> Delivery.<Delivery>list("alertId = ?1 and kind = 'REPEAT'", UUID.fromString(alert)))),
                "an acknowledged, resolved alert is never repeated");
        assertTrue(repeatWaitedNot, "the repeat left the locked alert for later instead of waiting for it");
    }

    @Test
    void anAcknowledgementOfAVersionNoLongerCurrentIsA409NamingTheCurrentOne() {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        Events.caseload(worker, team, 1, 0, 16, 15);
        String alert = awaitFiring(worker);
        Events.caseload(worker, team, 2, 0, 17, 15);   // new figures: version 1
        await().atMost(WAIT).until(() -> Integer.valueOf(1).equals(alertOf(worker).orElseThrow().get("version")));

        senior().body(Map.of("note", "Seen", "version", 0)).post("/api/v1/alerts/" + alert + "/acknowledgement")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("is at version 1, not 0"));
        assertEquals("FIRING", alertOf(worker).orElseThrow().get("status"), "nothing changed");

        senior().body(Map.of("note", "Seen", "version", 1)).post("/api/v1/alerts/" + alert + "/acknowledgement")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"), "version", equalTo(2));
        senior().body(Map.of("version", -1)).post("/api/v1/alerts/" + alert + "/acknowledgement")
                .then().statusCode(400);
    }

    /** Connections of the gateway's database waiting for a lock another holds. */
    private static int waitingForLocks() throws SQLException {
        try (Connection db = connect(); var statement = db.prepareStatement(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(ServiceTestEnvironment.database().jdbcUrl(), "postgres", "postgres");
    }
}
