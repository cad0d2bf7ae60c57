package uk.workforcewatch.stack;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the gateway's forwarding costs a caller: the same read (a team, as a team manager's portal asks for it)
 * straight from staffing-service and through the gateway, alternately, on one stack in one run, so the
 * machine's noise falls on both alike. Prints medians, p99 and the ratio. Not part of {@code verify}:
 * {@code ./mvnw -pl local-stack verify -Dtest=ForwardingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (the services' jars packaged first).
 */
class ForwardingBenchmark {

    private static final int WARM_UP = 200;
    private static final int MEASURED = 1000;

    @Test
    void aReadThroughTheGatewayAgainstTheSameReadStraightFromTheService() throws Exception {
        StackConfig config = new StackConfig(Path.of(".."), Path.of("target", "forwarding-benchmark"), FreePorts.any(),
                true, false, Map.of());
        Api api = new Api();
        try (Stack stack = Stack.start(config)) {
            String hr = stack.tokens().hrOfficer();
            Api.Answer team = api.post(stack.gateway().resolve("/api/v1/teams"), hr,
                    Map.of("name", "Front Door", "serviceArea", "INTAKE_AND_ASSESSMENT"));
            assertEquals(201, team.status(), team.body().toString());
            String path = "/api/v1/teams/" + team.text("id");
            String manager = stack.tokens().teamManager(UUID.fromString(team.text("id")));
            URI direct = stack.staffing().resolve(path);
            URI forwarded = stack.gateway().resolve(path);

            for (int i = 0; i < WARM_UP; i++) {
                time(api, direct, manager);
                time(api, forwarded, manager);
            }
            List<Long> straight = new ArrayList<>();
            List<Long> through = new ArrayList<>();
            for (int i = 0; i < MEASURED; i++) {
                straight.add(time(api, direct, manager));
                through.add(time(api, forwarded, manager));
            }
            Collections.sort(straight);
            Collections.sort(through);
            double ratio = (double) median(through) / median(straight);
            System.out.printf("a team read, %d of each, alternately: straight from staffing-service median %.2f ms"
                            + " (p99 %.2f), through the gateway median %.2f ms (p99 %.2f): %.2f times, %.2f ms more%n",
                    MEASURED, median(straight) / 1e6, p99(straight) / 1e6, median(through) / 1e6, p99(through) / 1e6,
                    ratio, (median(through) - median(straight)) / 1e6);
        }
    }

    private static long time(Api api, URI address, String token) throws Exception {
        long start = System.nanoTime();
        Api.Answer answer = api.get(address, token);
        long took = System.nanoTime() - start;
        assertEquals(200, answer.status(), answer.body().toString());
        return took;
    }

    private static long median(List<Long> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    private static long p99(List<Long> sorted) {
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }
}
