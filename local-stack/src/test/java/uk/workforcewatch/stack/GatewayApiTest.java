package uk.workforcewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.workforcewatch.stack.GatewayClient.Reply;
import uk.workforcewatch.stack.demo.DemoTokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static uk.workforcewatch.stack.GatewayApiTest.Caller.EXPIRED_TOKEN;
import static uk.workforcewatch.stack.GatewayApiTest.Caller.HR_OFFICER;
import static uk.workforcewatch.stack.GatewayApiTest.Caller.NO_TOKEN;
import static uk.workforcewatch.stack.GatewayApiTest.Caller.OTHER_AUDIENCE;
import static uk.workforcewatch.stack.GatewayApiTest.Caller.SENIOR_MANAGER;
import static uk.workforcewatch.stack.GatewayApiTest.Caller.STRANGERS_TOKEN;
import static uk.workforcewatch.stack.GatewayApiTest.Caller.TEAM_MANAGER_OTHER_TEAM;
import static uk.workforcewatch.stack.GatewayApiTest.Caller.TEAM_MANAGER_OWN_TEAM;

/**
 * The whole public API through the gateway only (issue 7), on a stack of the test's own with no demo council: every
 * endpoint of the three services and of the gateway as every kind of caller, the gateway's audit of absence reads and
 * limit overrides, the one OpenAPI document, and a service stopped mid-test. The tests run in order: the last one
 * stops caseload-service for good.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayApiTest {

    /** Who calls. The team manager manages the own team; "other team" is that same manager reaching for another's data. */
    enum Caller {
        SENIOR_MANAGER, HR_OFFICER, TEAM_MANAGER_OWN_TEAM, TEAM_MANAGER_OTHER_TEAM,
        NO_TOKEN, EXPIRED_TOKEN, STRANGERS_TOKEN, OTHER_AUDIENCE
    }

    /** An endpoint, the body it is sent (made per call, from the team whose data it touches) and each caller's answer. */
    record Endpoint(String method, String path, Function<TeamFixture, Object> body, Map<Caller, Integer> expected) {

        /** The same answers but for callers without a valid token. */
        Endpoint withoutAValidToken(int noToken, int badToken) {
            Map<Caller, Integer> answers = new EnumMap<>(expected);
            answers.put(NO_TOKEN, noToken);
            List.of(EXPIRED_TOKEN, STRANGERS_TOKEN, OTHER_AUDIENCE).forEach(caller -> answers.put(caller, badToken));
            return new Endpoint(method, path, body, answers);
        }
    }

    private static final Function<TeamFixture, Object> NO_BODY = team -> null;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
    private static final String YEAR = "from=2024-01-01&to=2024-12-31";

    private static Stack stack;
    private static GatewayClient gateway;
    private static DemoTokens tokens;
    private static Map<Caller, String> tokenOf;
    private static TeamFixture own;
    private static TeamFixture other;
    private static UUID partTimer;

    /**
     * The role and team matrix. Columns: a senior manager, an HR officer, the team manager on their own team's data,
     * the same team manager on another team's. Without a valid token (none, expired, signed by a stranger, for
     * another audience) every endpoint answers 401 but the OpenAPI document. {@code {…}} in a path is the fixture's
     * object of the team concerned, or a throwaway one made for the call ({@code new …}).
     */
    private static List<Endpoint> matrix() {
        return List.of(
                // staffing-service: HR officers and senior managers read and write; a team manager reads their team only
                //     method   path                                                   body                        SM   HR   TM   TM other
                at("GET",    "/api/v1/teams",                                         NO_BODY,                     200, 200, 200, 200), // a team manager's list holds their team only
                at("POST",   "/api/v1/teams",                                         t -> newTeam(),              201, 201, 403, 403),
                at("GET",    "/api/v1/teams/{team}",                                  NO_BODY,                     200, 200, 200, 403),
                at("PATCH",  "/api/v1/teams/{team}",                                  t -> Map.of("serviceArea", "CHILD_PROTECTION"), 200, 200, 403, 403),
                at("GET",    "/api/v1/workers",                                       NO_BODY,                     200, 200, 200, 200), // scoped to the manager's team
                at("GET",    "/api/v1/workers?teamId={team}",                         NO_BODY,                     200, 200, 200, 403),
                at("POST",   "/api/v1/workers",                                       GatewayApiTest::newWorker,   201, 201, 403, 403),
                at("GET",    "/api/v1/workers/{worker}",                              NO_BODY,                     200, 200, 200, 403),
                at("PATCH",  "/api/v1/workers/{worker}",                              t -> Map.of("origin", "AGENCY_OR_CONSULTANCY_ENGLAND"), 200, 200, 403, 403),
                at("POST",   "/api/v1/workers/{new worker}/changes",                  t -> Map.of("effectiveFrom", "2024-02-01", "fte", "1"), 200, 200, 403, 403),
                at("POST",   "/api/v1/workers/{new worker}/leaving",                  t -> Map.of("leftOn", "2025-06-30", "reason", "RESIGNATION"), 200, 200, 403, 403),
                at("POST",   "/api/v1/posts",                                         GatewayApiTest::newPost,     201, 201, 403, 403),
                at("GET",    "/api/v1/posts?teamId={team}",                           NO_BODY,                     200, 200, 200, 403),
                at("GET",    "/api/v1/posts/{post}",                                  NO_BODY,                     200, 200, 200, 403),
                at("POST",   "/api/v1/posts/{new post}/removal",                      t -> Map.of("removedOn", "2025-01-31"), 200, 200, 403, 403),
                at("POST",   "/api/v1/posts/{new post}/recruitment",                  t -> Map.of("advertisedOn", "2025-03-03"), 201, 201, 403, 403),
                at("PATCH",  "/api/v1/posts/{advertised post}/recruitment/{its round}", t -> Map.of("offerMadeOn", "2025-04-01"), 200, 200, 403, 403),
                at("GET",    "/api/v1/vacancies?teamId={team}",                       NO_BODY,                     200, 200, 200, 403),
                at("GET",    "/api/v1/vacancies",                                     NO_BODY,                     200, 200, 403, 403), // the council's: not a team manager's
                at("GET",    "/api/v1/indicators?teamId={team}",                      NO_BODY,                     200, 200, 200, 403),
                at("GET",    "/api/v1/indicators",                                    NO_BODY,                     200, 200, 403, 403),
                at("GET",    "/api/v1/indicators/monthly?teamId={team}",              NO_BODY,                     200, 200, 200, 403),
                at("GET",    "/api/v1/indicators/monthly",                            NO_BODY,                     200, 200, 403, 403),

                // caseload-service: managers act on cases (a team manager in their team); HR reads caseload figures only
                at("POST",   "/api/v1/cases",                                         GatewayApiTest::newCase,     201, 403, 201, 403),
                at("GET",    "/api/v1/cases",                                         NO_BODY,                     200, 403, 200, 200), // scoped to the manager's team
                at("GET",    "/api/v1/cases?teamId={team}",                           NO_BODY,                     200, 403, 200, 403),
                at("GET",    "/api/v1/cases/{case}",                                  NO_BODY,                     200, 403, 200, 403),
                at("POST",   "/api/v1/cases/{case}/category",                         t -> Map.of("category", "CIN"), 200, 403, 200, 403),
                at("POST",   "/api/v1/cases/{new case}/allocation",                   t -> Map.of("workerId", t.worker), 200, 403, 200, 403),
                at("DELETE", "/api/v1/cases/{allocated case}/allocation",             NO_BODY,                     200, 403, 200, 403),
                at("POST",   "/api/v1/cases/{new case}/closure",                      t -> Map.of("closedOn", TeamFixture.TODAY, "reason", "Matrix test"), 200, 403, 200, 403),
                at("GET",    "/api/v1/workers/{worker}/caseload",                     NO_BODY,                     200, 200, 200, 403),
                at("GET",    "/api/v1/workers/{worker}/allocation-check?category=CP", NO_BODY,                     200, 200, 200, 403),
                at("GET",    "/api/v1/teams/{team}/caseloads",                        NO_BODY,                     200, 200, 200, 403),
                at("GET",    "/api/v1/teams/{team}/caseloads?asOf=2026-01-05",        NO_BODY,                     200, 200, 200, 403),
                at("GET",    "/api/v1/caseloads?asOf=2026-01-05",                     NO_BODY,                     200, 200, 403, 403), // the council's: not a team manager's

                // sickness-service: HR and the worker's team manager record; senior managers read without reasons
                at("POST",   "/api/v1/absences",                                      TeamFixture::anotherAbsence, 403, 201, 201, 403),
                at("GET",    "/api/v1/absences",                                      NO_BODY,                     200, 200, 200, 200), // scoped to the manager's team
                at("GET",    "/api/v1/absences?teamId={team}",                        NO_BODY,                     200, 200, 200, 403),
                at("GET",    "/api/v1/absences/{episode}",                            NO_BODY,                     200, 200, 200, 403),
                at("PATCH",  "/api/v1/absences/{episode}",                            t -> Map.of("certification", "SELF_CERTIFIED"), 403, 200, 200, 403),
                at("POST",   "/api/v1/absences/{episode}/end",                        t -> Map.of("endDate", TeamFixture.EPISODE_END), 403, 409, 409, 403), // over already: 409 once past the team check
                at("POST",   "/api/v1/absences/{episode}/return-interview",           t -> Map.of("heldOn", TeamFixture.INTERVIEW, "heldBy", "Team manager"), 403, 200, 200, 403),
                at("GET",    "/api/v1/absence-trends?" + YEAR + "&groupBy=MONTH&teamId={team}", NO_BODY,           200, 200, 200, 403),
                at("GET",    "/api/v1/absence-trends?" + YEAR + "&groupBy=MONTH",     NO_BODY,                     200, 200, 403, 403), // a team manager must name their team
                at("GET",    "/api/v1/absence-trends?" + YEAR + "&groupBy=REASON&teamId={team}", NO_BODY,          200, 200, 403, 403), // health data in aggregate
                at("GET",    "/api/v1/long-term-absences",                            NO_BODY,                     200, 200, 200, 200), // scoped to the manager's team
                at("GET",    "/api/v1/long-term-absences?teamId={team}",              NO_BODY,                     200, 200, 200, 403),
                at("GET",    "/api/v1/bradford-factors?teamId={team}",                NO_BODY,                     200, 200, 200, 403),
                at("GET",    "/api/v1/return-interviews/due?teamId={team}",           NO_BODY,                     403, 200, 200, 403),
                at("GET",    "/api/v1/return-interviews/timeliness?" + YEAR + "&teamId={team}", NO_BODY,           200, 200, 200, 403),
                at("GET",    "/api/v1/absence-audit",                                 NO_BODY,                     200, 200, 403, 403),
                at("GET",    "/api/v1/absence-thresholds",                            NO_BODY,                     200, 200, 200, 200), // the council's, no one's record

                // a council's files, forwarded by kind and streamed: HR officers and senior managers; team managers none
                at("POST",   "/api/v1/imports/teams",                                 t -> csv("name,serviceArea", "Throwaway " + UUID.randomUUID() + ",OTHER"), 200, 200, 403, 403),
                at("POST",   "/api/v1/imports/posts?dryRun=true",                     t -> csv("postNumber,team,role,fte,establishedOn"), 200, 200, 403, 403),
                at("POST",   "/api/v1/imports/workers?dryRun=true",                   t -> csv("staffNumber,name,employment,startDate,effectiveFrom,role,team,fte"), 200, 200, 403, 403),
                at("GET",    "/api/v1/exports/teams",                                 NO_BODY,                     200, 200, 403, 403),
                at("GET",    "/api/v1/exports/posts",                                 NO_BODY,                     200, 200, 403, 403),
                at("GET",    "/api/v1/exports/workers",                               NO_BODY,                     200, 200, 403, 403),
                at("POST",   "/api/v1/imports/shoes",                                 t -> csv("name", "x"),       404, 404, 404, 404), // no service's kind: the gateway's 404
                at("GET",    "/api/v1/exports/shoes",                                 NO_BODY,                     404, 404, 404, 404),

                // the gateway's own: alerts and monitoring for managers (a team manager their team), HR its share
                at("GET",    "/api/v1/alerts",                                        NO_BODY,                     200, 200, 200, 200), // each sees their own
                at("GET",    "/api/v1/alerts?teamId={team}",                          NO_BODY,                     200, 200, 200, 403),
                at("GET",    "/api/v1/alerts/stream",                                 NO_BODY,                     200, 200, 200, 200),
                at("POST",   "/api/v1/alerts/{alert}/acknowledgement",                t -> Map.of("note", "Seen"), 409, 403, 409, 403), // acknowledged already: 409 once past the team check
                at("GET",    "/api/v1/breaches",                                      NO_BODY,                     200, 200, 200, 200),
                at("GET",    "/api/v1/breaches?teamId={team}",                        NO_BODY,                     200, 200, 200, 403),
                at("POST",   "/api/v1/silences",                                      TeamFixture::silence,        201, 403, 201, 403),
                at("GET",    "/api/v1/silences",                                      NO_BODY,                     200, 403, 200, 200), // scoped to the manager's team
                at("DELETE", "/api/v1/silences/{silence}",                            NO_BODY,                     200, 403, 200, 403),
                at("GET",    "/api/v1/monitoring/workers/{worker}",                   NO_BODY,                     200, 200, 200, 403),
                at("GET",    "/api/v1/monitoring/teams",                              NO_BODY,                     200, 200, 200, 200), // a team manager sees their own team
                at("GET",    "/api/v1/monitoring/teams/{team}",                       NO_BODY,                     200, 200, 200, 403),
                at("GET",    "/api/v1/allocation-options?teamId={team}&category=CIN", NO_BODY,                     200, 403, 200, 403),
                at("GET",    "/api/v1/audit",                                         NO_BODY,                     200, 200, 403, 403),
                at("GET",    "/api/v1/census/csww",                                   NO_BODY,                     200, 200, 403, 403), // the council's return: HR and senior managers
                // anyone may read the document; a token that fails verification is refused all the same
                at("GET",    "/api/v1/openapi",                                       NO_BODY,                     200, 200, 200, 200).withoutAValidToken(200, 401),
                // the dashboard's page holds no data (a browser loads it without a token): its figures come from the API above
                at("GET",    "/dashboard/",                                           NO_BODY,                     200, 200, 200, 200).withoutAValidToken(200, 401));
    }

    @BeforeAll
    static void startTheStackAndEnterTwoTeams() throws Exception {
        // no demo council: the test enters only what it needs
        StackConfig config = new StackConfig(Path.of(".."), Path.of("target", "gateway-api-test"), FreePorts.any(), true,
                false, Map.of());
        long started = System.nanoTime();
        stack = Stack.start(config);
        System.out.printf("the stack started in %.1f s%n", (System.nanoTime() - started) / 1e9);
        gateway = new GatewayClient(stack.gateway());
        tokens = stack.tokens();
        UntrustedTokens untrusted = UntrustedTokens.of(config);

        own = TeamFixture.staff(gateway, tokens, "Own team");
        other = TeamFixture.staff(gateway, tokens, "Other team");
        // FTE 0.2: a limit of 3 cases, soon reached
        partTimer = own.hire("0.2", null);
        tokenOf = new EnumMap<>(Caller.class);
        tokenOf.put(SENIOR_MANAGER, tokens.seniorManager());
        tokenOf.put(HR_OFFICER, tokens.hrOfficer());
        tokenOf.put(TEAM_MANAGER_OWN_TEAM, tokens.teamManager(own.team));
        tokenOf.put(TEAM_MANAGER_OTHER_TEAM, tokens.teamManager(own.team));
        tokenOf.put(EXPIRED_TOKEN, untrusted.expired());
        tokenOf.put(STRANGERS_TOKEN, untrusted.signedByStranger());
        tokenOf.put(OTHER_AUDIENCE, untrusted.forAnotherAudience());

        for (UUID worker : List.of(own.worker, other.worker, partTimer)) {
            own.awaitKnownToCaseload(worker);
        }
        for (TeamFixture team : List.of(own, other)) {
            team.openCasesAndAcknowledgeTheWaitingOne();
            team.recordAbsence();
            team.awaitKnownToGateway();
        }
        System.out.printf("two teams entered through the gateway in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyEndpointAnswersEachCallerAsTheirRoleAndTeamAllow() {
        List<Endpoint> matrix = matrix();
        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        for (Endpoint endpoint : matrix) {
            for (Caller caller : Caller.values()) {
                // the manager's own team's data, but for the manager reaching into the other team
                TeamFixture data = caller == TEAM_MANAGER_OTHER_TEAM ? other : own;
                String path = resolve(endpoint.path(), data);
                Reply reply = endpoint.path().endsWith("/alerts/stream")
                        ? gateway.openStream(path, tokenOf.get(caller))
                        : gateway.call(endpoint.method(), path, tokenOf.get(caller), endpoint.body().apply(data));
                calls++;
                int expected = endpoint.expected().get(caller);
                if (reply.status() != expected) {
                    mismatches.add(String.format("%-6s %s as %s: expected %d, got %d %s", endpoint.method(),
                            endpoint.path(), caller, expected, reply.status(), reply.excerpt()));
                }
            }
        }
        String size = String.format("role matrix: %d endpoints × %d callers = %d calls", matrix.size(),
                Caller.values().length, calls);
        if (!mismatches.isEmpty()) {
            fail(size + ", " + mismatches.size() + " not as expected:\n" + String.join("\n", mismatches));
        }
        System.out.println(size + ", all as expected");
    }

    @Test
    @Order(2)
    void anHrOfficersReadOfAnAbsenceThroughTheGatewayIsInItsAuditWhichTeamManagersMayNotRead() {
        String seniorManager = tokens.seniorManager();
        String hrReads = "/api/v1/audit?action=ABSENCE_RECORD_READ&actor=demo-hr-officer&subjectId=" + own.worker;
        long readsBefore = gateway.get(hrReads, seniorManager).body().path("total").asLong();
        Reply episode = gateway.get("/api/v1/absences/" + own.episode, tokens.hrOfficer());
        assertEquals(200, episode.status(), episode.excerpt());

        // written before the answer is relayed, so it is there at once
        Reply reads = gateway.get(hrReads, seniorManager);
        assertEquals(readsBefore + 1, reads.body().path("total").asLong(), reads.excerpt());
        JsonNode read = reads.body().path("items").get(0);
        assertEquals("WORKER", read.path("subjectType").asText());
        assertEquals("hr-officer", read.path("actorRole").asText());
        assertEquals(own.team.toString(), read.path("teamId").asText());
        assertTrue(read.path("detail").asText().contains(own.episode.toString()), read.toString());

        assertEquals(403, gateway.get("/api/v1/audit", tokens.teamManager(own.team)).status());
    }

    @Test
    @Order(3)
    void aSeniorManagersLimitOverrideThroughTheGatewayIsInItsAudit() {
        String seniorManager = tokens.seniorManager();
        // the part-timer's limit is 3: three cases, then a fourth refused, then overridden with a reason
        for (int i = 0; i < 3; i++) {
            own.openCase(TeamFixture.TODAY, "CIN", partTimer);
        }
        UUID fourth = own.openCase(TeamFixture.TODAY, "CIN", null);
        String allocation = "/api/v1/cases/" + fourth + "/allocation";
        Reply refused = gateway.post(allocation, seniorManager, Map.of("workerId", partTimer));
        assertEquals(409, refused.status(), refused.excerpt());
        String reason = "Sibling of a child she already holds";
        Reply overridden = gateway.post(allocation, seniorManager,
                Map.of("workerId", partTimer, "overrideReason", reason));
        assertEquals(200, overridden.status(), overridden.excerpt());

        Reply overrides = gateway.get("/api/v1/audit?action=LIMIT_OVERRIDE&subjectId=" + fourth, tokens.hrOfficer());
        assertEquals(1, overrides.body().path("total").asLong(), "the override is in the gateway's audit: "
                + overrides.excerpt() + "; the allocation answered " + overridden.excerpt());
        JsonNode override = overrides.body().path("items").get(0);
        assertEquals("demo-senior-manager", override.path("actor").asText());
        assertEquals("senior-manager", override.path("actorRole").asText());
        assertEquals("CASE", override.path("subjectType").asText());
        assertTrue(override.path("detail").asText().contains(reason), override.toString());
    }

    @Test
    @Order(4)
    void theWholeApisDocumentListsEveryServicesPathsAndTheGatewaysOwn() {
        Reply document = gateway.get("/api/v1/openapi", null);
        assertEquals(200, document.status(), document.excerpt());
        List<String> paths = StreamSupport.stream(
                ((Iterable<String>) () -> document.body().path("paths").fieldNames()).spliterator(), false).toList();
        for (String path : List.of("/api/v1/teams", "/api/v1/workers/{id}", "/api/v1/posts", "/api/v1/cases",
                "/api/v1/cases/{id}/allocation", "/api/v1/workers/{id}/caseload", "/api/v1/absences",
                "/api/v1/absence-trends", "/api/v1/absence-audit", "/api/v1/breaches", "/api/v1/alerts",
                "/api/v1/monitoring/teams/{id}", "/api/v1/allocation-options", "/api/v1/audit", "/api/v1/silences",
                "/api/v1/imports/{kind}", "/api/v1/exports/{kind}")) {
            assertTrue(paths.contains(path), path + " is in the document: " + paths);
        }
        String description = document.body().path("info").path("description").asText();
        assertFalse(description.contains("not answering"), description);
    }

    @Test
    @Order(5)
    void aFolderOfCouncilFilesComesInThroughTheGatewayAsStackImportSendsIt() throws Exception {
        // what ./stack import does: each kind in turn, cases and absences once their services know the workers
        String key = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String team = "Imported " + key;
        Path folder = Files.createDirectories(Path.of("target", "gateway-api-test-import-" + key));
        Files.writeString(folder.resolve("teams.csv"), "name,serviceArea\r\n" + team + ",CHILDREN_IN_NEED\r\n");
        Files.writeString(folder.resolve("workers.csv"), "staffNumber,name,employment,startDate,effectiveFrom,role,"
                + "team,fte\r\nI" + key + ",Imogen Ince,PERMANENT,2024-01-08,2024-01-08,SOCIAL_WORKER," + team
                + ",1.0\r\n");
        Files.writeString(folder.resolve("cases.csv"), "reference,category,team,openedOn,effectiveOn,staffNumber\r\n"
                + "I" + key + "-1,CIN," + team + ",2025-02-03,2025-02-03,I" + key + "\r\n");
        Files.writeString(folder.resolve("absences.csv"), "staffNumber,startDate,reason,certification,endDate,"
                + "returnInterviewOn,returnInterviewBy\r\nI" + key + ",2025-03-03,MINOR_ILLNESS,SELF_CERTIFIED,"
                + "2025-03-04,2025-03-05,Team manager\r\n");
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        boolean imported = new RecordsImport(java.net.http.HttpClient.newHttpClient(), kind -> stack.gateway(),
                tokens::hrOfficer, tokens::seniorManager, new java.io.PrintStream(printed, true)).folder(folder, false);
        assertTrue(imported, printed.toString());
        assertTrue(printed.toString().contains("cases.csv: 1 rows; 1 created"), printed.toString());
        Reply cases = gateway.get("/api/v1/exports/cases", tokens.seniorManager());
        assertTrue(cases.body().asText().contains("I" + key + "-1,CIN," + team + ",2025-02-03,2025-02-03,I" + key),
                cases.excerpt());
    }

    @Test
    @Order(6)
    void withCaseloadServiceStoppedItsCallsAnswer503AtOnceWhileTheGatewayAndTheOtherServicesCarryOn() {
        String seniorManager = tokens.seniorManager();
        stack.stop(Service.CASELOAD);

        long asked = System.nanoTime();
        Reply cases = gateway.get("/api/v1/cases?teamId=" + own.team, seniorManager);
        double seconds = (System.nanoTime() - asked) / 1e9;
        assertEquals(503, cases.status(), cases.excerpt());
        assertTrue(seconds < 10, "answered in " + seconds + " s");
        assertNotNull(cases.header("Content-Type"));
        assertTrue(cases.header("Content-Type").startsWith("application/problem+json"), cases.header("Content-Type"));
        assertNotNull(cases.header("Retry-After"), "a Retry-After header");
        System.out.printf("with caseload-service stopped, the gateway answered 503 in %.2f s%n", seconds);

        assertEquals(200, gateway.get("/api/v1/breaches", seniorManager).status());
        assertEquals(200, gateway.get("/api/v1/monitoring/teams/" + own.team, seniorManager).status());
        assertEquals(200, gateway.get("/api/v1/teams/" + own.team, seniorManager).status());
        assertEquals(200, gateway.get("/api/v1/workers?teamId=" + own.team, seniorManager).status());
        assertEquals(201, gateway.post("/api/v1/posts", tokens.hrOfficer(), newPost(own)).status());
        // and it stays so: the circuit, once open, refuses at once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(503, gateway.get("/api/v1/teams/" + own.team + "/caseloads", seniorManager).status()));
    }

    private static Endpoint at(String method, String path, Function<TeamFixture, Object> body, int seniorManager,
                               int hrOfficer, int ownTeamManager, int otherTeamManager) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        expected.put(SENIOR_MANAGER, seniorManager);
        expected.put(HR_OFFICER, hrOfficer);
        expected.put(TEAM_MANAGER_OWN_TEAM, ownTeamManager);
        expected.put(TEAM_MANAGER_OTHER_TEAM, otherTeamManager);
        return new Endpoint(method, path, body, expected).withoutAValidToken(401, 401);
    }

    /** The path with each placeholder filled from the team's data; values made together stay together. */
    private static String resolve(String template, TeamFixture team) {
        Map<String, String> made = new HashMap<>();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            if (!made.containsKey(name)) {
                made.putAll(team.make(name));
            }
            placeholder.appendReplacement(path, made.get(name));
        }
        return placeholder.appendTail(path).toString();
    }

    /** A CSV file: its header, then its rows. */
    private static GatewayClient.Csv csv(String... lines) {
        return new GatewayClient.Csv(String.join("\n", lines) + "\n");
    }

    private static Map<String, Object> newTeam() {
        return Map.of("name", "Throwaway " + UUID.randomUUID(), "serviceArea", "OTHER");
    }

    private static Map<String, Object> newWorker(TeamFixture team) {
        return Map.of("name", "Worker " + UUID.randomUUID(), "role", "SOCIAL_WORKER", "teamId", team.team,
                "fte", "1.0", "employment", "PERMANENT", "startDate", "2024-01-01");
    }

    private static Map<String, Object> newPost(TeamFixture team) {
        return Map.of("teamId", team.team, "role", "SOCIAL_WORKER", "fte", "1", "establishedOn", "2024-01-01");
    }

    private static Map<String, Object> newCase(TeamFixture team) {
        return Map.of("reference", "C-" + UUID.randomUUID().toString().substring(0, 13), "category", "CIN",
                "teamId", team.team, "openedOn", TeamFixture.TODAY);
    }
}
