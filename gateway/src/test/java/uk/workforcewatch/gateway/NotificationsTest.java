package uk.workforcewatch.gateway;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.gateway.notifications.Delivery;
import uk.workforcewatch.gateway.notifications.Dispatcher;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.TestClock;
import uk.workforcewatch.testing.Tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages about alerts, by webhook and e-mail: grouped per team, routed by audience, retried until accepted, repeated, silenced. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
class NotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Dispatcher dispatcher;
    @Inject
    Clock clock;

    @AfterEach
    void backToNow() {
        TestClock.reset();
        Receivers.refuseNext(0);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The e-mails received about the team, in the order they came. */
    private static List<MimeMessage> mailsAbout(UUID team) {
        return Arrays.stream(Receivers.mail()).filter(m -> subject(m).contains(team.toString())).toList();
    }

    /** The e-mails received by the address. */
    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(Receivers.mail()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void dispatch() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatch());
    }

    /** Waits until the gateway holds an alert of the worker in this status; its id. */
    private static String awaitAlert(UUID worker, String status) {
        return await().atMost(WAIT).until(() -> RestAssured.given().auth().oauth2(Tokens.seniorManager())
                        .queryParam("size", 500).get("/api/v1/alerts").jsonPath().getList("", Map.class).stream()
                        .filter(a -> worker.toString().equals(a.get("subjectId")) && status.equals(a.get("status")))
                        .map(a -> (String) a.get("id")).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** What the gateway recorded of its deliveries of the subject's alerts to the target (a path or an address). */
    private static List<Delivery> deliveries(UUID subject, String target) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Delivery.<Delivery>list(
                "alertId in (select a.id from Alert a where a.subjectId = ?1) and target like ?2", subject,
                "%" + target)));
    }

    @Test
    void alertsOfOneTeamWithinTheWindowGoOutAsOneMessageToTheirAudience() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Events.caseload(first, team, 1, 0, 16, 15);
        Events.caseload(second, team, 1, 11, 0, 15);
        awaitAlert(first, "FIRING");
        awaitAlert(second, "FIRING");

        dispatch();
        assertEquals(0, Receivers.accepted("/senior-managers", team.toString()).size(), "the window is open");

        TestClock.advance(Duration.ofSeconds(31));
        dispatch();
        var senior = Receivers.accepted("/senior-managers", team.toString());
        assertEquals(1, senior.size(), "one message for the team");
        assertTrue(senior.get(0).body().contains(first.toString()) && senior.get(0).body().contains(second.toString()));
        assertTrue(senior.get(0).body().contains("\"kind\":\"FIRED\""));
        assertEquals(1, Receivers.accepted("/team-managers", team.toString()).size());
        assertEquals(0, Receivers.accepted("/hr", team.toString()).size(), "caseload alerts are not for HR");

        dispatch();
        assertEquals(1, Receivers.accepted("/senior-managers", team.toString()).size(), "never sent twice");
        var mails = mailsAbout(team);
        assertEquals(1, mails.size(), "one e-mail for the team");
        assertEquals("[Workforce Watch] 2 alerts for team " + team, subject(mails.get(0)));
        assertTrue(GreenMailUtil.getBody(mails.get(0)).contains("CP_MIX_OVER_LIMIT"));
    }

    @Test
    void anAlertWithinTheWindowOfTheTeamsFirstJoinsItsMessageAndOneAfterTheWindowGoesOutAlone() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        Events.caseload(first, team, 1, 0, 16, 15);
        awaitAlert(first, "FIRING");
        TestClock.advance(Duration.ofSeconds(20));
        Events.caseload(second, team, 1, 0, 17, 15);
        awaitAlert(second, "FIRING");
        dispatch();
        assertEquals(0, Receivers.accepted("/senior-managers", team.toString()).size(), "the first's window is open");

        TestClock.advance(Duration.ofSeconds(11));   // the first's window has closed, the second's would not have
        Events.caseload(third, team, 1, 0, 18, 15);
        awaitAlert(third, "FIRING");
        dispatch();
        for (String audience : List.of("/senior-managers", "/team-managers")) {
            var grouped = Receivers.accepted(audience, team.toString());
            assertEquals(1, grouped.size(), audience + ": the first two as one message");
            String body = grouped.get(0).body();
            assertTrue(body.contains(first.toString()) && body.contains(second.toString()), body);
            assertFalse(body.contains(third.toString()), "the third came after the window");
        }
        assertEquals(List.of("[Workforce Watch] 2 alerts for team " + team),
                mailsAbout(team).stream().map(NotificationsTest::subject).toList());

        TestClock.advance(Duration.ofSeconds(31));
        dispatch();
        var senior = Receivers.accepted("/senior-managers", team.toString());
        assertEquals(2, senior.size(), "the third on its own");
        assertTrue(senior.get(1).body().contains(third.toString()) && !senior.get(1).body().contains(first.toString()));
        assertEquals(List.of("[Workforce Watch] 2 alerts for team " + team, "[Workforce Watch] 1 alert for team " + team),
                mailsAbout(team).stream().map(NotificationsTest::subject).toList());
    }

    @Test
    void aTeamManagerHearsOfTheirOwnTeamsAlertsOnlyAndTheSharedChannelOfEveryTeams() throws Throwable {
        UUID north = UUID.randomUUID();
        UUID south = UUID.randomUUID();
        Events.caseload(north, Receivers.NORTH, 1, 0, 16, 15);
        Events.caseload(south, Receivers.SOUTH, 1, 0, 16, 15);
        awaitAlert(north, "FIRING");
        awaitAlert(south, "FIRING");
        TestClock.advance(Duration.ofSeconds(31));
        dispatch();

        assertEquals(1, Receivers.accepted("/teams/north", north.toString()).size());
        assertEquals(1, Receivers.accepted("/teams/south", south.toString()).size());
        assertEquals(List.of(), Receivers.accepted("/teams/north", south.toString()), "not the other team's");
        assertEquals(List.of(), Receivers.accepted("/teams/south", north.toString()), "not the other team's");
        assertTrue(Receivers.accepted("/teams/north", "").stream()
                .allMatch(r -> r.body().contains("\"teamId\":\"" + Receivers.NORTH + "\"")));
        assertEquals(1, Receivers.accepted("/team-managers", north.toString()).size(), "the HR portal hears of both");
        assertEquals(1, Receivers.accepted("/team-managers", south.toString()).size());
        assertEquals(List.of("[Workforce Watch] 1 alert for team " + Receivers.NORTH),
                mailsTo(Receivers.NORTH_MANAGER).stream().map(NotificationsTest::subject).toList());
        assertEquals(List.of("[Workforce Watch] 1 alert for team " + Receivers.SOUTH),
                mailsTo(Receivers.SOUTH_MANAGER).stream().map(NotificationsTest::subject).toList());
    }

    @Test
    void absenceAlertsGoToHrAndAReturnToWorkInterviewOverdueToTheTeamManagerToo() throws Throwable {
        UUID overdueTeam = UUID.randomUUID();
        UUID overdue = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        Events.episode(overdue, UUID.randomUUID(), overdueTeam, 0, today.minusDays(24), today.minusDays(20),
                Certification.SELF_CERTIFIED, null);
        UUID longTermTeam = UUID.randomUUID();
        UUID longTerm = UUID.randomUUID();
        Events.episode(UUID.randomUUID(), longTerm, longTermTeam, 0, today.minusDays(40), null,
                Certification.FIT_NOTE, null);
        awaitAlert(overdue, "FIRING");
        awaitAlert(longTerm, "FIRING");

        TestClock.advance(Duration.ofSeconds(31));
        dispatch();
        for (String audience : List.of("/senior-managers", "/team-managers", "/hr")) {
            var messages = Receivers.accepted(audience, overdueTeam.toString());
            assertEquals(1, messages.size(), audience);
            assertTrue(messages.get(0).body().contains("RETURN_TO_WORK_OVERDUE"));
        }
        assertEquals(1, Receivers.accepted("/senior-managers", longTermTeam.toString()).size());
        assertTrue(Receivers.accepted("/hr", longTermTeam.toString()).get(0).body().contains("LONG_TERM_ABSENCE"));
        assertEquals(0, Receivers.accepted("/team-managers", longTermTeam.toString()).size(),
                "a long-term absence is a staffing alert");
    }

    @Test
    void aReceiverThatFailsIsTriedAgainWithTheSameKeyUntilItAcceptsAndEachTryIsRecorded() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        Events.caseload(worker, team, 1, 0, 17, 15);
        awaitAlert(worker, "FIRING");
        TestClock.advance(Duration.ofSeconds(31));
        Receivers.refuseNext(100);
        dispatch();
        assertEquals(0, Receivers.accepted("/senior-managers", team.toString()).size());
        var refused = Receivers.refused("/senior-managers", team.toString());
        assertEquals(1, refused.size());

        Receivers.refuseNext(0);
        dispatch();
        assertEquals(0, Receivers.accepted("/senior-managers", team.toString()).size(), "not before its pause");
        TestClock.advance(Duration.ofSeconds(3));
        dispatch();
        var accepted = Receivers.accepted("/senior-managers", team.toString());
        assertEquals(1, accepted.size());
        assertNotNull(accepted.get(0).idempotencyKey());
        assertEquals(refused.get(0).idempotencyKey(), accepted.get(0).idempotencyKey(), "the same message again");
        assertEquals(refused.get(0).body(), accepted.get(0).body());

        Delivery delivery = deliveries(worker, "/senior-managers").get(0);
        assertEquals(Delivery.DELIVERED, delivery.status);
        assertEquals(2, delivery.attempts);
        assertEquals("HTTP 503", delivery.lastError);
        assertEquals(accepted.get(0).idempotencyKey(), delivery.batchId.toString());
        assertNotNull(delivery.deliveredAt);
        dispatch();
        assertEquals(1, Receivers.accepted("/senior-managers", team.toString()).size(), "never again once accepted");
    }

    @Test
    void anAlertAcknowledgedBeforeItsMessageWentOutIsNeitherSentNorRepeated() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        Events.caseload(worker, team, 1, 0, 16, 15);
        String alert = awaitAlert(worker, "FIRING");
        RestAssured.given().auth().oauth2(Tokens.teamManager(team)).contentType(ContentType.JSON)
                .body(Map.of("note", "Two cases move on Monday")).post("/api/v1/alerts/" + alert + "/acknowledgement")
                .then().statusCode(200);

        TestClock.advance(Duration.ofHours(4).plusMinutes(1));
        dispatch();   // the FIRED message queued before the acknowledgement is due; a repeat would be owed now too
        TestClock.advance(Duration.ofSeconds(31));
        dispatch();
        assertEquals(List.of(), Receivers.accepted("/senior-managers", team.toString()));
        assertEquals(List.of(), Receivers.accepted("/team-managers", team.toString()));
        assertEquals(List.of(), mailsAbout(team));
        Delivery fired = deliveries(worker, "/senior-managers").get(0);
        assertEquals(Delivery.SUPPRESSED, fired.status);
        assertEquals("acknowledged", fired.suppressedReason);
        assertEquals(1, deliveries(worker, "/senior-managers").size(), "no repeat");
    }

    @Test
    void aSilenceSetAfterAMessageWasQueuedHoldsItBackWithTheReason() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        Events.caseload(worker, team, 1, 0, 16, 15);
        awaitAlert(worker, "FIRING");
        assertEquals(Delivery.PENDING, deliveries(worker, "/senior-managers").get(0).status, "queued");

        String silence = RestAssured.given().auth().oauth2(Tokens.teamManager(team)).contentType(ContentType.JSON)
                .body(Map.of("rule", "CASELOAD_OVER_LIMIT", "subjectId", worker, "teamId", team,
                        "reason", "Two cases move on Monday", "until", clock.instant().plus(Duration.ofHours(2)).toString()))
                .post("/api/v1/silences").then().statusCode(201).extract().path("id");
        TestClock.advance(Duration.ofSeconds(31));
        dispatch();
        assertEquals(List.of(), Receivers.accepted("/senior-managers", team.toString()));
        assertEquals(List.of(), Receivers.accepted("/team-managers", team.toString()));
        assertEquals(List.of(), mailsAbout(team));
        for (String target : List.of("/senior-managers", "/team-managers", "heads-of-service@council.test")) {
            Delivery held = deliveries(worker, target).get(0);
            assertEquals(Delivery.SUPPRESSED, held.status, target);
            assertEquals("silenced by " + silence, held.suppressedReason, target);
        }
        RestAssured.given().auth().oauth2(Tokens.teamManager(team)).delete("/api/v1/silences/" + silence).then()
                .statusCode(200);
        TestClock.advance(Duration.ofSeconds(31));
        dispatch();
        assertEquals(List.of(), Receivers.accepted("/senior-managers", team.toString()), "suppressed for good");
    }

    @Test
    void anAlertResolvedBeforeItsFirstMessageWentOutIsNotAnnouncedAtAll() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        Events.caseload(worker, team, 1, 0, 16, 15);
        awaitAlert(worker, "FIRING");
        Events.caseload(worker, team, 2, 0, 15, 15);
        awaitAlert(worker, "RESOLVED");
        TestClock.advance(Duration.ofSeconds(31));
        dispatch();
        assertEquals(List.of(), Receivers.accepted("/senior-managers", team.toString()));
        assertEquals(List.of("resolved", "resolved before the receiver was told it fired"),
                deliveries(worker, "/senior-managers").stream().map(d -> d.suppressedReason).sorted().toList());
    }

    @Test
    void aFiringAlertNobodyAcknowledgesIsRepeatedAndAResolvedOneSaysSo() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        Events.caseload(worker, team, 1, 0, 16, 15);
        awaitAlert(worker, "FIRING");
        TestClock.advance(Duration.ofHours(4).plusMinutes(1));
        dispatch();   // sends FIRED, owes a repeat: the alert has gone unacknowledged for 4 hours
        TestClock.advance(Duration.ofSeconds(31));
        dispatch();
        var senior = Receivers.accepted("/senior-managers", team.toString());
        assertTrue(senior.stream().anyMatch(r -> r.body().contains("\"kind\":\"REPEAT\"")), senior.toString());

        Events.caseload(worker, team, 2, 0, 10, 15);
        awaitAlert(worker, "RESOLVED");
        TestClock.advance(Duration.ofSeconds(31));
        dispatch();
        assertTrue(Receivers.accepted("/senior-managers", team.toString()).stream()
                .anyMatch(r -> r.body().contains("\"kind\":\"RESOLVED\"")));
    }

    @Test
    void aSilenceHoldsTheMessagesBackButNotTheAlert() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        RestAssured.given().auth().oauth2(Tokens.teamManager(team)).contentType(ContentType.JSON)
                .body(Map.of("rule", "CASELOAD_OVER_LIMIT", "teamId", team, "reason", "Restructure this week",
                        "until", Instant.now().plus(Duration.ofHours(2)).toString()))
                .post("/api/v1/silences").then().statusCode(201);
        RestAssured.given().auth().oauth2(Tokens.teamManager(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("teamId", team, "reason", "not mine", "until", Instant.now().plusSeconds(60).toString()))
                .post("/api/v1/silences").then().statusCode(403);

        Events.caseload(worker, team, 1, 0, 16, 15);
        awaitAlert(worker, "FIRING");
        TestClock.advance(Duration.ofSeconds(31));
        dispatch();
        assertEquals(0, Receivers.accepted("/senior-managers", worker.toString()).size());
        assertEquals(List.of(team.toString()), RestAssured.given().auth().oauth2(Tokens.teamManager(team))
                .get("/api/v1/silences").jsonPath().getList("teamId"));
    }

    @Test
    void messagesFlowAgainOnceASilenceIsEnded() throws Throwable {
        UUID team = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        UUID heard = UUID.randomUUID();
        String silence = RestAssured.given().auth().oauth2(Tokens.teamManager(team)).contentType(ContentType.JSON)
                .body(Map.of("teamId", team, "reason", "Restructure this week",
                        "until", Instant.now().plus(Duration.ofHours(2)).toString()))
                .post("/api/v1/silences").then().statusCode(201).extract().path("id");
        Events.caseload(held, team, 1, 0, 16, 15);
        awaitAlert(held, "FIRING");
        TestClock.advance(Duration.ofSeconds(31));
        dispatch();
        assertEquals(0, Receivers.accepted("/senior-managers", team.toString()).size(), "silenced");

        RestAssured.given().auth().oauth2(Tokens.teamManager(team)).delete("/api/v1/silences/" + silence).then()
                .statusCode(200).body("endedAt", notNullValue());
        Events.caseload(heard, team, 1, 0, 17, 15);
        awaitAlert(heard, "FIRING");
        TestClock.advance(Duration.ofSeconds(31));
        dispatch();
        var senior = Receivers.accepted("/senior-managers", team.toString());
        assertEquals(1, senior.size());
        assertTrue(senior.get(0).body().contains(heard.toString()) && !senior.get(0).body().contains(held.toString()));
    }
}
