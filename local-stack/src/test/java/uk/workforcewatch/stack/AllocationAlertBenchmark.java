package uk.workforcewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.stack.GatewayClient.Reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 4's end-to-end figure: from an allocation committed in caseload-service to its alert on the gateway's
 * stream, and from the unallocation to the alert's resolution, on a local stack of the packaged services with no
 * demo (nothing else in flight). A part-time worker (FTE 0.2, limit 3) holds three cases; a senior manager
 * overrides a fourth onto them and takes it off again, over and over. Each leg is timed from the command's answer
 * (the commit) and from its sending; the answer comes back a little after the commit, now and then after the alert
 * itself, so the first figure errs low and the second high. Not part of {@code verify}:
 * {@code ./mvnw -pl local-stack verify -Dtest=AllocationAlertBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (the services' jars packaged first).
 */
class AllocationAlertBenchmark {

    private static final int WARM_UP = 20;
    private static final int MEASURED = 200;
    private static final long ALERT_WAIT = TimeUnit.SECONDS.toNanos(30);
    private static final String RULE = "CASELOAD_OVER_LIMIT";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An alert read from the stream, and when (System.nanoTime) it was read. */
    private record Seen(long at, JsonNode alert) {
        String id() {
            return alert.path("id").asText();
        }
    }

    /** A command's sending and the arrival of its answer. */
    private record Sent(long at, long answered) {
    }

    /** One leg's latencies in nanoseconds, from the answer and from the sending. */
    private record Leg(List<Long> fromAnswer, List<Long> fromSending) {
        Leg() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        void add(Sent command, Seen alert) {
            fromAnswer.add(alert.at() - command.answered());
            fromSending.add(alert.at() - command.at());
        }
    }

    @Test
    void anOverriddenAllocationToItsAlertOnTheStreamAndTheUnallocationToItsResolution() throws Exception {
        StackConfig config = new StackConfig(Path.of(".."), Path.of("target", "allocation-alert-benchmark"),
                FreePorts.any(), true, false, Map.of());
        try (Stack stack = Stack.start(config)) {
            GatewayClient gateway = new GatewayClient(stack.gateway());
            String seniorManager = stack.tokens().seniorManager();
            BlockingQueue<Seen> stream = subscribe(stack, seniorManager);

            TeamFixture team = TeamFixture.staff(gateway, stack.tokens(), "Allocation Benchmark");
            UUID worker = team.hire("0.2", null);
            team.awaitKnownToCaseload(worker);
            for (int i = 0; i < 3; i++) {
                team.openCase(TeamFixture.TODAY, "CIN", worker);
            }
            String allocation = "/api/v1/cases/" + team.openCase(TeamFixture.TODAY, "CIN", null) + "/allocation";
            Map<String, Object> override = Map.of("workerId", worker, "overrideReason", "Benchmark: one over");

            Leg fire = new Leg();
            Leg resolve = new Leg();
            String previous = "";
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                Sent allocated = send(() -> gateway.post(allocation, seniorManager, override));
                String before = previous;
                // a new alert each time: the last one is resolved
                Seen fired = next(stream, worker, "FIRING", alert -> !alert.id().equals(before));
                Sent unallocated = send(() -> gateway.call("DELETE", allocation, seniorManager, null));
                Seen resolved = next(stream, worker, "RESOLVED", alert -> alert.id().equals(fired.id()));
                previous = fired.id();
                if (i >= WARM_UP) {
                    fire.add(allocated, fired);
                    resolve.add(unallocated, resolved);
                }
            }
            System.out.printf("allocation to alert on the stream, local stack, %d cycles after %d to warm up:%n",
                    MEASURED, WARM_UP);
            print("FIRING   from the allocation's answer", fire.fromAnswer());
            print("FIRING   from the allocation's sending", fire.fromSending());
            print("RESOLVED from the unallocation's answer", resolve.fromAnswer());
            print("RESOLVED from the unallocation's sending", resolve.fromSending());
        }
    }

    private static Sent send(Supplier<Reply> command) {
        long at = System.nanoTime();
        Reply reply = command.get();
        long answered = System.nanoTime();
        assertEquals(200, reply.status(), reply.excerpt());
        return new Sent(at, answered);
    }

    /** Opens the gateway's live stream as a senior manager's screen does; a thread of its own stamps each alert. */
    private static BlockingQueue<Seen> subscribe(Stack stack, String token) throws Exception {
        BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(stack.gateway().resolve("/api/v1/alerts/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        Thread reader = new Thread(() -> {
            try {
                response.body().filter(line -> line.startsWith("data:")).forEach(line -> {
                    long at = System.nanoTime();
                    try {
                        seen.add(new Seen(at, JSON.readTree(line.substring("data:".length()))));
                    } catch (IOException notJson) {
                        System.err.println("Not an alert: " + line);
                    }
                });
            } catch (UncheckedIOException closed) {
                // the stack stopping ends the stream
            }
        }, "alert-stream");
        reader.setDaemon(true);
        reader.start();
        return seen;
    }

    /** The next change of the worker's caseload alert with this status; others on the stream are passed over. */
    private static Seen next(BlockingQueue<Seen> stream, UUID worker, String status, Predicate<Seen> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + ALERT_WAIT;
        for (long left = ALERT_WAIT; left > 0; left = deadline - System.nanoTime()) {
            Seen seen = stream.poll(left, TimeUnit.NANOSECONDS);
            if (seen != null && seen.alert().path("rule").asText().equals(RULE)
                    && seen.alert().path("subjectId").asText().equals(worker.toString())
                    && seen.alert().path("status").asText().equals(status) && wanted.test(seen)) {
                return seen;
            }
        }
        return fail("No " + status + " " + RULE + " alert for " + worker + " on the stream within 30 s");
    }

    private static void print(String leg, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        // the minimum shows whether an alert ever beat its command's answer back
        System.out.printf("  %-40s n=%d  median %.1f ms, p90 %.1f, p99 %.1f, max %.1f (min %.1f)%n", leg,
                sorted.size(), rank(sorted, 0.5), rank(sorted, 0.9), rank(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6, sorted.get(0) / 1e6);
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double rank(List<Long> sorted, double fraction) {
        return sorted.get((int) Math.ceil(sorted.size() * fraction) - 1) / 1e6;
    }
}
