package uk.workforcewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.workforcewatch.stack.GatewayClient.Reply;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole stack, each service a process of its own, under faults while cases are written to caseload-service:
 * processes killed outright (SIGKILL) mid-burst and started again, the broker killed and started again, database
 * connections cut mid-transaction, records sent again out of order and one nobody can read. Afterwards
 * the gateway's view of every worker's caseload equals caseload-service's, and caseload-service holds each case
 * written once: nothing lost, nothing doubled. Each scenario prints its figures for docs/reliability.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    private static final int WORKERS = 6;
    private static final int WRITES = 60;
    private static final String WORKER_CASELOADS = "caseload.worker-caseloads.v1";
    private static final String GATEWAY_DEAD_LETTERS = "gateway.dead-letter.v1";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    private static final AtomicInteger unavailable = new AtomicInteger();
    private static final AtomicInteger unreachable = new AtomicInteger();

    private static Stack stack;
    private static GatewayClient gateway;
    private static GatewayClient caseload;

    @BeforeEach
    void countAfresh() {
        unavailable.set(0);
        unreachable.set(0);
    }

    @BeforeAll
    static void startTheStack() throws Exception {
        StackConfig config = new StackConfig(Path.of(".."), Path.of("target", "fault-suite"), FreePorts.any(), true,
                false, Map.of());
        stack = Stack.start(config);
        gateway = new GatewayClient(stack.gateway());
        caseload = new GatewayClient(stack.caseload());
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theGatewayAndCaseloadServiceKilledMidBurstLoseNothingAndDoubleNothing() throws Exception {
        StaffedTeam staffed = staffedTeam("Killed processes");
        UUID team = staffed.team();
        List<UUID> workers = staffed.workers();
        CompletableFuture<Void> gatewayBack = null;
        CompletableFuture<Void> caseloadBack = null;
        long started = System.nanoTime();
        for (int i = 0; i < WRITES; i++) {
            if (i == WRITES / 4) {
                stack.kill(Service.GATEWAY);
            }
            if (i == WRITES / 2) {
                stack.kill(Service.CASELOAD);
                caseloadBack = inBackground(() -> stack.restart(Service.CASELOAD));
            }
            if (i == 3 * WRITES / 4) {
                gatewayBack = inBackground(() -> stack.restart(Service.GATEWAY));
            }
            write(team, workers.get(i % WORKERS), "K-" + shortId(team) + "-" + i);
        }
        caseloadBack.join();
        gatewayBack.join();
        report("gateway and caseload-service killed (SIGKILL) mid-burst, restarted", team, workers, started);
    }

    @Test
    @Order(2)
    void theBrokerKilledMidBurstDelaysTheViewAndLosesNothing() throws Exception {
        StaffedTeam staffed = staffedTeam("Broker gone");
        UUID team = staffed.team();
        List<UUID> workers = staffed.workers();
        CompletableFuture<Void> brokerBack = null;
        long started = System.nanoTime();
        for (int i = 0; i < WRITES; i++) {
            if (i == WRITES / 6) {
                stack.killBroker();
            }
            if (i == 2 * WRITES / 3) {
                brokerBack = inBackground(stack::restartBroker);
            }
            write(team, workers.get(i % WORKERS), "B-" + shortId(team) + "-" + i);
        }
        brokerBack.join();
        report("the broker killed (SIGKILL) mid-burst, restarted", team, workers, started);
    }

    @Test
    @Order(3)
    void databaseConnectionsCutMidTransactionLoseNothing() throws Exception {
        StaffedTeam staffed = staffedTeam("Connections cut");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger cut = new AtomicInteger();
        // caseload-service's writes and outbox relay, and the gateway's consumers, lose their connections again and
        // again, whatever each is in the middle of
        CompletableFuture<Void> cutter = inBackground(() -> {
            while (writing.get()) {
                cut.addAndGet(stack.cutDatabaseConnections(Service.CASELOAD));
                cut.addAndGet(stack.cutDatabaseConnections(Service.GATEWAY));
                Thread.sleep(300);
            }
        });
        long started = System.nanoTime();
        try {
            for (int i = 0; i < WRITES; i++) {
                write(staffed.team(), staffed.workers().get(i % WORKERS), "C-" + shortId(staffed.team()) + "-" + i);
            }
        } finally {
            writing.set(false);
            cutter.join();
        }
        report("database connections of caseload-service and the gateway cut every 300 ms (" + cut.get()
                + " ended)", staffed.team(), staffed.workers(), started);
    }

    @Test
    @Order(4)
    void duplicatedReorderedAndPoisonRecordsChangeNothing() throws Exception {
        StaffedTeam staffed = staffedTeam("Records sent again");
        long started = System.nanoTime();
        for (int i = 0; i < WRITES; i++) {
            write(staffed.team(), staffed.workers().get(i % WORKERS), "R-" + shortId(staffed.team()) + "-" + i);
        }
        UUID worker = staffed.workers().get(0);
        TopicRecords topics = new TopicRecords(stack.bootstrapServers());
        await().atMost(CATCH_UP).until(() -> snapshots(topics, worker).size() > 1);
        List<ConsumerRecord<String, byte[]>> snapshots = snapshots(topics, worker);
        ConsumerRecord<String, byte[]> first = snapshots.get(0);
        ConsumerRecord<String, byte[]> last = snapshots.get(snapshots.size() - 1);
        byte[] poison = ("{\"not\": \"an event\", \"sent\": \"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        // the worker's oldest snapshot after their newest, the newest again, then a record nobody can read: all on
        // the worker's partition, so once the last is dead-lettered the gateway has been through the other two
        topics.send(List.of(again(first), again(last),
                new ProducerRecord<>(first.topic(), first.partition(), first.key(), poison)));
        await().atMost(CATCH_UP).until(() -> topics.readAll(GATEWAY_DEAD_LETTERS).stream()
                .anyMatch(record -> Arrays.equals(record.value(), poison)));
        report("a stale snapshot, a duplicate and a poison record sent to the gateway's topic", staffed.team(),
                staffed.workers(), started);
        assertEquals(List.of(new String(poison, StandardCharsets.UTF_8)), topics.readAll(GATEWAY_DEAD_LETTERS).stream()
                .map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList(),
                "the poison record is the only one the gateway dead-lettered in the whole suite");
    }

    private static List<ConsumerRecord<String, byte[]>> snapshots(TopicRecords topics, UUID worker) {
        return topics.readAll(WORKER_CASELOADS).stream().filter(record -> worker.toString().equals(record.key()))
                .toList();
    }

    private static ProducerRecord<String, byte[]> again(ConsumerRecord<String, byte[]> record) {
        return new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(), record.headers());
    }

    private static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }

    private record StaffedTeam(UUID team, List<UUID> workers) {
    }

    /** A team of full-time social workers, each known to caseload-service. */
    private static StaffedTeam staffedTeam(String name) {
        TeamFixture fixture = TeamFixture.staff(gateway, stack.tokens(), name);
        List<UUID> workers = new ArrayList<>(List.of(fixture.worker));
        while (workers.size() < WORKERS) {
            workers.add(fixture.hire("1.0", null));
        }
        workers.forEach(fixture::awaitKnownToCaseload);
        // the team comes by a topic of its own, which may lag behind the workers'
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(250)).until(() -> caseload.get(
                "/api/v1/teams/" + fixture.team + "/caseloads", stack.tokens().seniorManager()).status() == 200);
        return new StaffedTeam(fixture.team, workers);
    }

    /**
     * Opens a case held by the worker, as a portal would that tries again until it hears back: a case whose answer
     * was lost to a crash is refused as a duplicate reference the next time (409), which means it was written.
     */
    private static void write(UUID team, UUID worker, String reference) throws InterruptedException {
        Map<String, Object> body = Map.of("reference", reference, "category", "CIN", "teamId", team,
                "openedOn", TODAY, "workerId", worker);
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        boolean retried = false;
        while (System.nanoTime() < deadline) {
            try {
                Reply reply = caseload.post("/api/v1/cases", stack.tokens().seniorManager(), body);
                if (reply.status() == 201 || (retried && reply.status() == 409)) {
                    return;
                }
                // a fault is a 503 to retry, never a 500 or an answer that blames the request
                if (reply.status() != 503) {
                    throw new AssertionError(reference + ": " + reply.status() + " " + reply.excerpt());
                }
                unavailable.incrementAndGet();
            } catch (UncheckedIOException serviceDown) {
                // killed, or starting again
                unreachable.incrementAndGet();
            }
            retried = true;
            Thread.sleep(250);
        }
        throw new AssertionError(reference + " was never written");
    }

    /** Waits until the gateway's view equals caseload-service's, checks each case is held once, and prints figures. */
    private static void report(String fault, UUID team, List<UUID> workers, long started) {
        long written = System.nanoTime();
        int perWorker = WRITES / WORKERS;
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).until(() ->
                gatewayCaseloads(team, workers).equals(serviceCaseloads(team, workers)));
        double catchUp = (System.nanoTime() - written) / 1e9;
        Map<UUID, Integer> held = serviceCaseloads(team, workers);
        workers.forEach(worker -> assertEquals(perWorker, held.get(worker), "cases held by " + worker));
        Reply cases = caseload.get("/api/v1/cases?teamId=" + team + "&size=1", stack.tokens().seniorManager());
        long stored = cases.body().path("total").asLong();
        assertEquals(WRITES, stored, "each case stored once");
        System.out.printf("FAULT SUITE | %s | %d writes in %.1f s, %d tries refused by a service down, %d answered 503"
                        + " | lost %d | duplicates %d | view caught up %.1f s after the last write%n", fault, WRITES,
                (written - started) / 1e9, unreachable.get(), unavailable.get(),
                WRITES - held.values().stream().mapToInt(Integer::intValue).sum(), stored - WRITES, catchUp);
    }

    private static Map<UUID, Integer> gatewayCaseloads(UUID team, List<UUID> workers) {
        Reply picture = gateway.get("/api/v1/monitoring/teams/" + team, stack.tokens().seniorManager());
        Map<UUID, Integer> caseloads = new TreeMap<>();
        for (JsonNode worker : picture.body().path("workers")) {
            UUID id = UUID.fromString(worker.path("id").asText());
            if (workers.contains(id)) {
                caseloads.put(id, worker.path("caseload").path("openCases").asInt());
            }
        }
        return caseloads;
    }

    private static Map<UUID, Integer> serviceCaseloads(UUID team, List<UUID> workers) {
        Reply caseloads = caseload.get("/api/v1/teams/" + team + "/caseloads", stack.tokens().seniorManager());
        Map<UUID, Integer> held = new TreeMap<>();
        for (JsonNode worker : caseloads.body().path("workers")) {
            UUID id = UUID.fromString(worker.path("workerId").asText());
            if (workers.contains(id)) {
                held.put(id, worker.path("openCases").asInt());
            }
        }
        return held;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static CompletableFuture<Void> inBackground(Step step) {
        return CompletableFuture.runAsync(() -> {
            try {
                step.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
