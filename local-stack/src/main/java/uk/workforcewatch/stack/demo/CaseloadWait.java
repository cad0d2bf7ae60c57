package uk.workforcewatch.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Waits until caseload-service has heard, from staffing's events, of every team and every worker in post
 * with their role and FTE: until then it refuses cases for the team and allocations to the worker. Worker
 * events are keyed per worker and so arrive in any order: every worker is checked, not only the last hired.
 * One read of a team's caseloads lists all the workers caseload-service knows in it, with their limits.
 */
final class CaseloadWait {

    private static final Duration POLL = Duration.ofMillis(200);

    private final ServiceCalls calls;
    private final URI caseload;
    private final DemoTokens tokens;

    CaseloadWait(ServiceCalls calls, URI caseload, DemoTokens tokens) {
        this.calls = calls;
        this.caseload = caseload;
        this.tokens = tokens;
    }

    /** Waits until caseload-service knows every team of the plan and each of these workers. */
    void untilKnown(CouncilPlan plan, List<CouncilPlan.Worker> workers, LoadedIds ids, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Map<UUID, Map<UUID, Integer>> waiting = new LinkedHashMap<>();
        for (CouncilPlan.Team team : plan.teams()) {
            Map<UUID, Integer> limits = new HashMap<>();
            workers.stream().filter(w -> w.teamKey().equals(team.key()))
                    .forEach(w -> limits.put(ids.of(w.key()), w.limit()));
            waiting.put(ids.of(team.key()), limits);
        }
        while (true) {
            List<String> missing = new ArrayList<>();
            for (var team : List.copyOf(waiting.entrySet())) {
                URI uri = caseload.resolve("/api/v1/teams/" + team.getKey() + "/caseloads");
                ServiceCalls.Answer answer = calls.get(uri, tokens.seniorManager());
                if (answer.status() != 200 && answer.status() != 404) {
                    throw new DemoLoadFailed("GET " + uri, answer.status(), answer.body().toString());
                }
                List<UUID> unknown = answer.status() == 404 ? List.copyOf(team.getValue().keySet())
                        : unknown(answer.body(), team.getValue());
                if (unknown.isEmpty()) {
                    waiting.remove(team.getKey());
                } else {
                    missing.add("team " + team.getKey() + (answer.status() == 404 ? " itself" : " workers " + unknown));
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new DemoLoadFailed("GET " + caseload.resolve("/api/v1/teams/{id}/caseloads"), 0,
                        "caseload-service has not heard of everything staffing-service published within "
                                + patience.toSeconds() + " s; still unknown: " + missing);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The workers not listed yet, or listed with another limit than their role and FTE give. */
    private static List<UUID> unknown(JsonNode caseloads, Map<UUID, Integer> limits) {
        Map<UUID, Integer> known = new HashMap<>();
        for (JsonNode worker : caseloads.path("workers")) {
            known.put(UUID.fromString(worker.path("workerId").asText()), worker.path("limit").asInt());
        }
        return limits.entrySet().stream().filter(e -> !e.getValue().equals(known.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
