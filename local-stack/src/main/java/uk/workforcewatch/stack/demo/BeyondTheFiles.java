package uk.workforcewatch.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import uk.workforcewatch.stack.demo.CouncilPlan.Recruitment;
import uk.workforcewatch.stack.demo.CouncilPlan.Worker;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the council's files do not carry, sent through staffing-service's API as an HR officer once they are in:
 * each team's manager, and the rounds of recruitment to its posts.
 */
final class BeyondTheFiles {

    record NameManager(UUID managerId) {
    }

    record Advertise(LocalDate advertisedOn) {
    }

    record Progress(LocalDate offerMadeOn, LocalDate startsOn) {
    }

    private final ServiceCalls calls;
    private final URI staffing;
    private final DemoTokens tokens;
    private final CouncilPlan plan;
    private final LoadedIds ids;

    BeyondTheFiles(ServiceCalls calls, URI staffing, DemoTokens tokens, CouncilPlan plan, LoadedIds ids) {
        this.calls = calls;
        this.staffing = staffing;
        this.tokens = tokens;
        this.plan = plan;
        this.ids = ids;
    }

    void send(Concurrently concurrently) throws InterruptedException {
        concurrently.forEach(plan.teams(), this::team);
    }

    private void team(CouncilPlan.Team team) throws InterruptedException {
        Worker manager = plan.workersOf(team.key()).stream().filter(w -> w.employment() == Employment.PERMANENT)
                .filter(w -> w.role() == Role.TEAM_MANAGER).findFirst().orElseThrow();
        calls.patch(api("/teams/" + ids.of(team.key())), tokens.hrOfficer(), new NameManager(ids.of(manager.key())));
        for (Recruitment round : plan.recruitment()) {
            if (plan.post(round.postKey()).teamKey().equals(team.key())) {
                recruit(round);
            }
        }
    }

    /** Advertises the post, then records the offer and start date the round reached, if any. */
    private void recruit(Recruitment round) throws InterruptedException {
        UUID postId = ids.of(round.postKey());
        JsonNode post = calls.post(api("/posts/" + postId + "/recruitment"), tokens.hrOfficer(),
                new Advertise(round.advertisedOn()), 201);
        if (round.offerMadeOn() == null) {
            return;
        }
        String roundId = null;
        for (JsonNode state : post.path("recruitment")) {
            if (state.path("advertisedOn").asText().equals(round.advertisedOn().toString())
                    && absent(state.path("startsOn")) && absent(state.path("withdrawnOn"))) {
                roundId = state.path("id").asText();
            }
        }
        if (roundId == null) {
            throw new DemoLoadFailed("POST " + api("/posts/" + postId + "/recruitment"), 201,
                    "the answer shows no open round advertised on " + round.advertisedOn() + ": " + post);
        }
        calls.patch(api("/posts/" + postId + "/recruitment/" + roundId), tokens.hrOfficer(),
                new Progress(round.offerMadeOn(), round.startsOn()));
    }

    private static boolean absent(JsonNode value) {
        return value.isNull() || value.isMissingNode();
    }

    private URI api(String path) {
        return staffing.resolve("/api/v1" + path);
    }
}
