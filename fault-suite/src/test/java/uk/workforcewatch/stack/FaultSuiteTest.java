package uk.workforcewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.workforcewatch.stack.GatewayClient.Reply;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole stack, each service a process of its own, under faults while cases are written to caseload-service:
 * processes killed outright (SIGKILL) mid-burst and started again, the broker killed and started again. Afterwards
 * the gateway's view of every worker's caseload equals caseload-service's, and caseload-service holds each case
 * written once: nothing lost, nothing doubled. Each scenario prints its figures for docs/reliability.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    private static final int WORKERS = 6;
    private static final int WRITES = 60;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    private static Stack stack;
    private static GatewayClient gateway;
    private static GatewayClient caseload;

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
            write(team, workers.get(i % WORKERS), "K-" + team.toString().substring(0, 8) + "-" + i);
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
            write(team, workers.get(i % WORKERS), "B-" + team.toString().substring(0, 8) + "-" + i);
        }
        brokerBack.join();
        report("the broker killed (SIGKILL) mid-burst, restarted", team, workers, started);
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
                if (reply.status() < 500) {
                    throw new AssertionError(reference + ": " + reply.status() + " " + reply.excerpt());
                }
            } catch (UncheckedIOException serviceDown) {
                // killed, or starting again
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
        System.out.printf("FAULT SUITE | %s | %d writes in %.1f s | lost %d | duplicates %d | view caught up %.1f s"
                        + " after the last write%n", fault, WRITES, (written - started) / 1e9,
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
