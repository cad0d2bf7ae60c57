package uk.workforcewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.workforcewatch.stack.Api.Answer;
import uk.workforcewatch.stack.demo.DemoStory;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole system as the local stack runs it, on ports and in a folder of the test's own: PostgreSQL, a real
 * Kafka broker and every service from its packaged jar, each a process of its own, with the demo council
 * loaded through the API and its story at the gateway, and on a senior manager's dashboard in a real browser. A
 * restart keeps everything. Then a team manager's day: hire, allocate up to the limit, the sixteenth refused, a
 * senior manager's override, the alert on the stream and on the webhook, a reallocation, the alert resolved.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static WebhookReceiver webhook;
    private static StackConfig config;
    private static Stack stack;
    private static final Api api = new Api();

    @BeforeAll
    static void startTheStack() throws Exception {
        webhook = new WebhookReceiver();
        // as ./stack starts it: nobody to notify
        config = new StackConfig(Path.of(".."), Path.of("target", "system-test"), FreePorts.any(), true, true, Map.of());
        long started = System.nanoTime();
        stack = Stack.start(config);
        System.out.printf("the stack started in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
        webhook.close();
    }

    @Test
    @Order(1)
    void theDemoCouncilLoadsThroughTheApiAndItsStoryShowsAtTheGatewayAtOnce() throws Exception {
        DemoStory story = DemoData.loadOnce(stack, api.http());
        System.out.println("the demo council: " + story.lines().get(0));

        // every rule exactly as the story tells, but a team's sickness rate, which the year's random spells may
        // push over 6% in other teams too: the long-term absentee's team is over it whatever the day
        Map<String, Integer> expected = Map.of("CASELOAD_OVER_LIMIT", story.overLimit().size() + 1,
                "CP_MIX_OVER_LIMIT", 1, "CASE_UNALLOCATED", 1, "TEAM_VACANCY_RATE_HIGH", 1,
                "CASES_HELD_BY_ABSENT_WORKER", 1, "LONG_TERM_ABSENCE", 1, "RETURN_TO_WORK_OVERDUE", 1,
                "BRADFORD_TRIGGER", 1);
        String longTermTeam = story.absences().longTerm().worker().teamId().toString();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Integer> breaches = new TreeMap<>(Breaches.byRule(api.http(), stack.gateway(),
                    stack.tokens().seniorManager()));
            breaches.remove("TEAM_SICKNESS_RATE_HIGH");
            assertEquals(expected, breaches);
            assertTrue(subjects(api.get(stack.gateway().resolve("/api/v1/breaches?rule=TEAM_SICKNESS_RATE_HIGH"),
                    stack.tokens().seniorManager()).body()).contains(longTermTeam));
        });
        assertTrue(subjects(api.get(stack.gateway().resolve("/api/v1/breaches?rule=BRADFORD_TRIGGER"),
                stack.tokens().hrOfficer()).body()).contains(story.absences().bradfordTriggered().worker().id().toString()));
        assertTrue(story.overLimit().size() >= 3, "a few workers over 15");
        assertEquals(12, story.cpMix().cpCases());
        assertEquals("ASYE", story.asyeOverLimit().role());
        assertTrue(story.openCases() > 1000 && story.workersInPost() > 100, story.lines().get(0));
        assertTrue(story.absences().episodes() > 100, story.lines().toString());
        String absentWorker = story.absences().withCpCases().worker().id().toString();
        var alerts = api.get(stack.gateway().resolve("/api/v1/breaches"), stack.tokens().seniorManager()).body();
        assertTrue(StreamSupport.stream(alerts.spliterator(), false).anyMatch(alert ->
                alert.path("rule").asText().equals("CASES_HELD_BY_ABSENT_WORKER")
                        && alert.path("subjectId").asText().equals(absentWorker)
                        && alert.path("severity").asText().equals("HIGH")), alerts.toString());
    }

    private static List<String> subjects(JsonNode alerts) {
        return StreamSupport.stream(alerts.spliterator(), false).map(a -> a.path("subjectId").asText()).toList();
    }

    @Test
    @Order(2)
    void theDemoCouncilsCensusReturnIsCompleteKeepsToTheSchemaAndHasStaffingsFigures() throws Exception {
        String hr = stack.tokens().hrOfficer();
        // the gateway's view takes in the imported cases' events as they come: the return's cases held at the
        // reference date come to what caseload-service's dated history says was held at that day's end
        String referenceDate = api.get(stack.gateway().resolve("/api/v1/census/csww"), hr).body()
                .path("referenceDate").asText();
        JsonNode dated = api.get(stack.gateway().resolve("/api/v1/caseloads?asOf=" + referenceDate), hr).body()
                .path("averageCaseload");
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertEquals(
                dated.path("casesHeld").asInt(), api.get(stack.gateway().resolve("/api/v1/census/csww"), hr).body()
                        .path("casesHeldAtReferenceDate").asInt()));
        JsonNode report = api.get(stack.gateway().resolve("/api/v1/census/csww"), hr).body();
        assertEquals(dated, report.path("averageCaseload"), "the return's average caseload is caseload-service's");
        assertEquals(0, report.path("errors").asInt(), report.path("quality").toString());
        assertEquals(0, report.path("schemaViolations").size(), report.path("schemaViolations").toString());
        assertTrue(report.path("workerRecords").asInt() > 100, report.toString());
        // case holders hold the cases allocated to them before the reference date, by the dates they took effect
        assertTrue(report.path("casesHeldAtReferenceDate").asInt() > 800, report.path("casesHeldAtReferenceDate")
                .toString());
        double average = report.path("averageCaseload").path("average").asDouble();
        assertTrue(average > 8 && average < 15, "average caseload " + average);
        // the return's vacancy, agency and turnover figures are staffing-service's indicators for the same date
        String date = report.path("referenceDate").asText();
        JsonNode indicators = api.get(stack.gateway().resolve("/api/v1/indicators?asOf=" + date), hr).body();
        for (String figure : List.of("vacantFte", "agencyFte", "agencyHeadcount", "fteInPost", "leaverFte",
                "turnoverRate", "vacancyRate", "agencyWorkerRate")) {
            assertEquals(indicators.path(figure).decimalValue().stripTrailingZeros(),
                    report.path("figures").path(figure).decimalValue().stripTrailingZeros(), figure);
        }
        String xml = api.text(stack.gateway().resolve("/api/v1/census/csww"), hr, "application/xml");
        // the collection's schema, as the gateway keeps it: validate() throws at the first place the return breaks it
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(config.home().resolve("gateway/src/main/resources/census/csww.xsd").toFile())
                .newValidator().validate(new StreamSource(new StringReader(xml)));
        System.out.println("the demo council's census return for " + date + ": "
                + report.path("workerRecords").asInt() + " workers, " + report.path("queries").asInt() + " queries");
    }

    @Test
    @Order(3)
    void onTheDashboardASeniorManagerSeesTheStoryAcknowledgesAnAlertAndSeesANewOneArriveLive() throws Exception {
        assumeTrue(DashboardBrowser.shouldRun(), "chromium and chromium-driver are not installed: the dashboard's "
                + "browser test is skipped here (.ci/run installs them and requires it)");
        var tokens = stack.tokens();
        String seniorManager = tokens.seniorManager();
        DemoStory story = DemoData.loadOnce(stack, api.http());
        Map<String, Integer> breaches = Breaches.byRule(api.http(), stack.gateway(), seniorManager);
        int teams = api.get(stack.gateway().resolve("/api/v1/monitoring/teams"), seniorManager).body()
                .path("teams").size();
        try (DashboardBrowser browser = DashboardBrowser.start(WAIT)) {
            browser.open(stack.gateway().resolve("/dashboard/"));
            browser.signIn(seniorManager);

            // every team, and every open alert the gateway holds, the story's among them
            browser.until(page -> browser.all("#teams > li").size() == teams);
            browser.until(page -> browser.all("#alerts > li[data-alert-id]").size()
                    == breaches.values().stream().mapToInt(Integer::intValue).sum());
            assertEquals(breaches.get("CASELOAD_OVER_LIMIT"),
                    browser.all("#alerts > li[data-rule=CASELOAD_OVER_LIMIT]").size());
            // the CP mix worker's team: marked a breach, in words as well as colour
            browser.textOnceItHas("#teams > li[data-team-id='" + story.cpMix().teamId() + "'][data-state=breach]",
                    "CP mix over\n1");
            browser.until(page -> browser.all("#charts figure svg").size() == 2);
            System.out.println("dashboard screenshot: " + browser.screenshot("dashboard"));

            // the CP mix alert acknowledged from the page, with a note: the page and the API say so
            String cpMix = "#alerts > li[data-rule=CP_MIX_OVER_LIMIT][data-status=FIRING]";
            String alertId = browser.until(page -> browser.first(cpMix).map(item -> item.getAttribute("data-alert-id"))
                    .orElse(null));
            browser.typeAndSubmit("#alerts > li[data-alert-id='" + alertId + "']", "note", "Moving two CP cases this week");
            browser.textOnceItHas("#alerts > li[data-alert-id='" + alertId + "'][data-status=ACKNOWLEDGED]",
                    "Moving two CP cases this week");
            var stored = api.get(stack.gateway().resolve("/api/v1/alerts?rule=CP_MIX_OVER_LIMIT&status=ACKNOWLEDGED"),
                    seniorManager).body();
            assertTrue(subjects(stored).contains(story.cpMix().id().toString()), stored.toString());

            // a worker pushed over their limit through the API: the alert arrives without the page reloading
            browser.script("window.notReloaded = true");
            UUID team = story.managedTeam();
            UUID partTimer = hire(team, "0.2");
            await().atMost(WAIT).until(() -> api.get(stack.gateway().resolve("/api/v1/workers/" + partTimer
                    + "/caseload"), seniorManager).status() == 200);
            for (int i = 0; i < 4; i++) {
                assertEquals(200, allocate(open(team, seniorManager), partTimer, seniorManager,
                        i < 3 ? null : "Siblings kept together").status());
            }
            String arrived = "#alerts > li[data-rule=CASELOAD_OVER_LIMIT][data-status=FIRING].alert--new";
            String liveId = browser.until(page -> browser.all(arrived).stream()
                    .filter(item -> item.getText().contains("4 cases held, limit 3")).findFirst()
                    .map(item -> item.getAttribute("data-alert-id")).orElse(null));
            assertEquals(Boolean.TRUE, browser.script("return window.notReloaded === true"));
            System.out.println("new alert on the dashboard: " + browser.textOnceItHas(
                    "#alerts > li[data-alert-id='" + liveId + "']", "limit 3").replace('\n', ' '));

            // from the alert to its team, to the worker and their cases by category
            browser.click("#alerts > li[data-alert-id='" + liveId + "'] a[href^='#/teams/']");
            String row = browser.textOnceItHas("#team-workers tr[data-worker-id='" + partTimer + "']", "4 (3) over");
            assertTrue(row.contains("CIN 4"), row);
            System.out.println("team screenshot: " + browser.screenshot("dashboard-team"));
            assertEquals(List.of(), browser.scriptErrors());
        }
    }

    @Test
    @Order(4)
    void aRestartKeepsEveryServicesDataAndDoesNotLoadTheDemoAgain() throws Exception {
        String seniorManager = stack.tokens().seniorManager();
        int teams = api.get(stack.gateway().resolve("/api/v1/teams"), seniorManager).body().size();
        Map<String, Integer> breaches = Breaches.byRule(api.http(), stack.gateway(), seniorManager);
        stack.close();

        // the senior managers' channel joins in
        config = new StackConfig(config.home(), config.data(), config.ports(), false, true, Map.of("gateway",
                Map.of("NOTIFY_WEBHOOKS_SENIOR_MANAGERS", webhook.url(), "NOTIFY_GROUP_WINDOW", "1s")));
        stack = Stack.start(config);
        DemoData.loadOnce(stack, api.http());
        String token = stack.tokens().seniorManager();
        assertEquals(teams, api.get(stack.gateway().resolve("/api/v1/teams"), token).body().size());
        assertEquals(breaches, Breaches.byRule(api.http(), stack.gateway(), token));
    }

    @Test
    @Order(5)
    void throughTheGatewayOnlyASixteenthCaseIsRefusedThenOverriddenAuditedAndAlertedUntilAReallocationResolvesIt()
            throws Exception {
        var tokens = stack.tokens();
        Answer team = api.post(stack.gateway().resolve("/api/v1/teams"), tokens.hrOfficer(),
                Map.of("name", "Child Protection South " + UUID.randomUUID(), "serviceArea", "CHILD_PROTECTION"));
        assertEquals(201, team.status(), team.body().toString());
        UUID teamId = UUID.fromString(team.text("id"));
        String manager = tokens.teamManager(teamId);
        UUID worker = hire(teamId, "1.0");
        UUID colleague = hire(teamId, "1.0");
        for (UUID hired : List.of(worker, colleague)) {
            await().atMost(WAIT).until(() -> api.get(stack.gateway().resolve("/api/v1/workers/" + hired + "/caseload"),
                    manager).status() == 200);
        }

        for (int i = 0; i < 15; i++) {
            assertEquals(200, allocate(open(teamId, manager), worker, manager, null).status());
        }
        String sixteenth = open(teamId, manager);
        Answer refused = allocate(sixteenth, worker, manager, null);
        assertEquals(409, refused.status());
        assertTrue(refused.body().toString().contains("CASELOAD_LIMIT"), refused.body().toString());

        BlockingQueue<String> screen = subscribe();
        assertEquals(200, allocate(sixteenth, worker, tokens.seniorManager(), "Sibling of a child she holds").status());
        long committed = System.nanoTime();
        String fired = next(screen, worker, "FIRING");
        long onScreen = System.nanoTime();
        assertNotNull(fired, "the alert reached the stream");
        assertTrue(fired.contains("CASELOAD_OVER_LIMIT") && fired.contains("\"openCases\":16"), fired);
        System.out.printf("override committed to alert on the gateway's stream: %.1f ms%n", (onScreen - committed) / 1e6);
        await().atMost(WAIT).until(() -> webhook.received(worker.toString(), "\"kind\":\"FIRED\""));

        assertEquals(200, allocate(sixteenth, colleague, manager, null).status());
        assertNotNull(next(screen, worker, "RESOLVED"), "the reallocation resolved the alert");
        await().atMost(WAIT).until(() -> webhook.received(worker.toString(), "\"kind\":\"RESOLVED\""));
        // the override is in the gateway's audit log, with who made it and why
        var audit = api.get(stack.gateway().resolve("/api/v1/audit?action=LIMIT_OVERRIDE&subjectId=" + sixteenth),
                tokens.hrOfficer()).body();
        assertEquals(1, audit.path("total").asInt(), audit.toString());
        assertTrue(audit.path("items").get(0).path("detail").asText().endsWith(": Sibling of a child she holds"),
                audit.toString());
        assertEquals("senior-manager", audit.path("items").get(0).path("actorRole").asText());
    }

    private static UUID hire(UUID team, String fte) throws Exception {
        Answer hired = api.post(stack.gateway().resolve("/api/v1/workers"), stack.tokens().hrOfficer(),
                Map.of("name", "Worker", "role", "SOCIAL_WORKER", "teamId", team, "fte", fte,
                        "employment", "PERMANENT", "startDate", "2024-01-01"));
        assertEquals(201, hired.status(), hired.body().toString());
        return UUID.fromString(hired.text("id"));
    }

    private static String open(UUID team, String token) throws Exception {
        Answer opened = api.post(stack.gateway().resolve("/api/v1/cases"), token,
                Map.of("reference", "C-" + UUID.randomUUID().toString().substring(0, 12), "category", "CIN",
                        "teamId", team, "openedOn", LocalDate.now(ZoneId.of("Europe/London")).toString()));
        assertEquals(201, opened.status(), opened.body().toString());
        return opened.text("id");
    }

    private static Answer allocate(String kase, UUID worker, String token, String overrideReason) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("workerId", worker);
        if (overrideReason != null) {
            body.put("overrideReason", overrideReason);
        }
        return api.post(stack.gateway().resolve("/api/v1/cases/" + kase + "/allocation"), token, body);
    }

    /** Opens the gateway's live stream of alerts as a senior manager's dashboard does. */
    private static BlockingQueue<String> subscribe() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(stack.gateway().resolve("/api/v1/alerts/stream"))
                .header("Authorization", "Bearer " + stack.tokens().seniorManager()).build();
        HttpResponse<Stream<String>> response = api.http().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(30, TimeUnit.SECONDS);
        CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
        return lines;
    }

    private static String next(BlockingQueue<String> lines, UUID subject, String status) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(subject.toString()) && line.contains("\"status\":\"" + status + "\"")) {
                return line;
            }
        }
        return null;
    }
}
