package uk.workforcewatch.stack;

import uk.workforcewatch.stack.GatewayClient.Reply;
import uk.workforcewatch.stack.demo.DemoTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One team's data, entered through the gateway as HR and a senior manager would: the team, a post, a full-time
 * social worker, a case, a CP case left waiting (whose alert a senior manager acknowledges) and an absence episode.
 * Writes that change state get throwaway objects of the team, made on demand, so every caller meets the same state.
 */
final class TeamFixture {

    static final Duration WAIT = Duration.ofSeconds(120);
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    /** The fixture's episode: over, with its return-to-work interview. */
    static final LocalDate EPISODE_START = LocalDate.parse("2024-02-05");
    static final LocalDate EPISODE_END = LocalDate.parse("2024-02-06");
    static final LocalDate INTERVIEW = LocalDate.parse("2024-02-07");
    /** Each further episode recorded gets a week of its own, so none overlaps another of the same worker. */
    private static final AtomicInteger NEXT_ABSENCE_WEEK = new AtomicInteger();

    private final GatewayClient gateway;
    private final DemoTokens tokens;
    final UUID team;
    final UUID post;
    final UUID worker;
    UUID kase;
    UUID alert;
    UUID episode;

    private TeamFixture(GatewayClient gateway, DemoTokens tokens, UUID team, UUID post, UUID worker) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.team = team;
        this.post = post;
        this.worker = worker;
    }

    /** HR creates the team with a post and a full-time social worker in it. */
    static TeamFixture staff(GatewayClient gateway, DemoTokens tokens, String name) {
        UUID team = created(gateway.post("/api/v1/teams", tokens.hrOfficer(),
                Map.of("name", name + " " + UUID.randomUUID(), "serviceArea", "CHILD_PROTECTION")));
        UUID post = establish(gateway, tokens, team);
        TeamFixture fixture = new TeamFixture(gateway, tokens, team, post, null);
        return new TeamFixture(gateway, tokens, team, post, fixture.hire("1.0", post));
    }

    /** A worker of the team from 2024; {@code postId} may be null. */
    UUID hire(String fte, UUID postId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Worker " + UUID.randomUUID(), "role", "SOCIAL_WORKER",
                "teamId", team, "fte", fte, "employment", "PERMANENT", "startDate", "2024-01-01"));
        if (postId != null) {
            body.put("postId", postId);
        }
        return created(gateway.post("/api/v1/workers", tokens.hrOfficer(), body));
    }

    /** Waits until caseload-service knows the worker from staffing's events. */
    void awaitKnownToCaseload(UUID someone) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() ->
                gateway.get("/api/v1/workers/" + someone + "/caseload", tokens.seniorManager()).status() == 200);
    }

    /**
     * A senior manager opens a case, and a CP case recorded three days late so it has waited more than 24 hours:
     * its alert fires at the gateway, and the senior manager acknowledges it.
     */
    void openCasesAndAcknowledgeTheWaitingOne() {
        kase = openCase(TODAY, "CIN", null);
        UUID waiting = openCase(TODAY.minusDays(3), "CP", null);
        String breaches = "/api/v1/breaches?rule=CASE_UNALLOCATED&teamId=" + team;
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
                gateway.get(breaches, tokens.seniorManager()).body().size() > 0);
        Reply open = gateway.get(breaches, tokens.seniorManager());
        assertEquals(waiting.toString(), open.body().get(0).path("subjectId").asText(), open.excerpt());
        alert = UUID.fromString(open.body().get(0).path("id").asText());
        Reply acknowledged = gateway.post("/api/v1/alerts/" + alert + "/acknowledgement", tokens.seniorManager(),
                Map.of("note", "Allocating it today"));
        assertEquals(200, acknowledged.status(), acknowledged.excerpt());
    }

    /** HR records the team's episode, once sickness-service knows the worker from staffing's events (400 till then). */
    void recordAbsence() {
        Map<String, Object> body = Map.of("workerId", worker, "startDate", EPISODE_START, "endDate", EPISODE_END,
                "reason", "MINOR_ILLNESS", "certification", "SELF_CERTIFIED",
                "returnInterview", Map.of("heldOn", INTERVIEW, "heldBy", "Team manager"));
        episode = awaitCreated(() -> gateway.post("/api/v1/absences", tokens.hrOfficer(), body));
    }

    /** Waits until the gateway's own view has the team and its worker. */
    void awaitKnownToGateway() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() ->
                gateway.get("/api/v1/monitoring/workers/" + worker, tokens.seniorManager()).status() == 200
                        && gateway.get("/api/v1/monitoring/teams/" + team, tokens.seniorManager()).status() == 200);
    }

    /** A case of the team, opened by a senior manager: waiting, or held by {@code holder}. */
    UUID openCase(LocalDate openedOn, String category, UUID holder) {
        Map<String, Object> body = new HashMap<>(Map.of("reference", "C-" + UUID.randomUUID().toString().substring(0, 13),
                "category", category, "teamId", team, "openedOn", openedOn));
        if (holder != null) {
            body.put("workerId", holder);
        }
        // caseload-service may learn of the team a moment after its worker (another topic): 400 till then
        return awaitCreated(() -> gateway.post("/api/v1/cases", tokens.seniorManager(), body));
    }

    /** A new episode for the worker, over in a day, in a week no other episode of theirs uses. */
    Map<String, Object> anotherAbsence() {
        LocalDate day = LocalDate.parse("2024-03-04").plusWeeks(NEXT_ABSENCE_WEEK.getAndIncrement());
        return Map.of("workerId", worker, "startDate", day, "endDate", day, "reason", "MINOR_ILLNESS",
                "certification", "SELF_CERTIFIED", "returnInterview", Map.of("heldOn", day, "heldBy", "Team manager"));
    }

    /**
     * The value of a path's placeholder: the fixture's own objects, or throwaway ones made now. Some throwaways come
     * in pairs ({@code advertised post} and {@code its round}), so the values made for one call are kept together.
     */
    Map<String, String> make(String placeholder) {
        return switch (placeholder) {
            case "team" -> Map.of(placeholder, team.toString());
            case "post" -> Map.of(placeholder, post.toString());
            case "worker" -> Map.of(placeholder, worker.toString());
            case "case" -> Map.of(placeholder, kase.toString());
            case "alert" -> Map.of(placeholder, alert.toString());
            case "episode" -> Map.of(placeholder, episode.toString());
            case "new worker" -> Map.of(placeholder, hire("1.0", null).toString());
            case "new post" -> Map.of(placeholder, establish(gateway, tokens, team).toString());
            case "advertised post" -> advertisedPost();
            case "new case" -> Map.of(placeholder, openCase(TODAY, "CIN", null).toString());
            case "allocated case" -> Map.of(placeholder, openCase(TODAY, "CIN", worker).toString());
            case "silence" -> Map.of(placeholder, created(gateway.post("/api/v1/silences", tokens.seniorManager(),
                    silence())).toString());
            default -> throw new IllegalArgumentException("No placeholder {" + placeholder + "}");
        };
    }

    /** Mutes the team's messages for an hour. */
    Map<String, Object> silence() {
        return Map.of("teamId", team, "until", Instant.now().plus(Duration.ofHours(1)).toString(),
                "reason", "Matrix test");
    }

    private Map<String, String> advertisedPost() {
        UUID advertised = establish(gateway, tokens, team);
        Reply round = gateway.post("/api/v1/posts/" + advertised + "/recruitment", tokens.hrOfficer(),
                Map.of("advertisedOn", "2025-03-03"));
        assertEquals(201, round.status(), round.excerpt());
        return Map.of("advertised post", advertised.toString(),
                "its round", round.body().path("recruitment").get(0).path("id").asText());
    }

    private static UUID establish(GatewayClient gateway, DemoTokens tokens, UUID team) {
        return created(gateway.post("/api/v1/posts", tokens.hrOfficer(),
                Map.of("teamId", team, "role", "SOCIAL_WORKER", "fte", "1", "establishedOn", "2024-01-01")));
    }

    static UUID created(Reply reply) {
        assertEquals(201, reply.status(), reply.excerpt());
        return UUID.fromString(reply.text("id"));
    }

    private static UUID awaitCreated(Supplier<Reply> call) {
        Reply[] last = new Reply[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = call.get();
            if (last[0].status() != 201 && last[0].status() != 400) {
                throw new AssertionError("Refused: " + last[0].status() + " " + last[0].excerpt());
            }
            return last[0].status() == 201;
        });
        return UUID.fromString(last[0].text("id"));
    }
}
