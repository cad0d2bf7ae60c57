package uk.workforcewatch.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import uk.workforcewatch.events.staffing.CareerStage;
import uk.workforcewatch.events.staffing.CensusRole;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.LeaverDestination;
import uk.workforcewatch.events.staffing.LeavingReason;
import uk.workforcewatch.events.staffing.Qualification;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.ServiceArea;
import uk.workforcewatch.events.staffing.StartOrigin;
import uk.workforcewatch.stack.demo.CouncilPlan.Post;
import uk.workforcewatch.stack.demo.CouncilPlan.Recruitment;
import uk.workforcewatch.stack.demo.CouncilPlan.Worker;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sends the plan's staffing to staffing-service as an HR officer: teams, workers, the establishment of
 * posts, leavers, agency cover and recruitment. Teams load side by side, each in its own order, in two
 * rounds: first the teams and their permanent staff, then (once caseload-service, listening to the same
 * workers topic, shows they have been published and read) their posts, leavers, vacancies and agency cover.
 *
 * <p>Why this order: the gateway evaluates a team's vacancy and agency rates on every post and worker event
 * it reads, and reads posts and workers from separate topics, so either may be ahead. A post it sees before
 * its holder counts as vacant; seen while the team has no staff yet, that is a breach that fires and
 * resolves a moment later. So permanent staff are hired first, with no post, and counted; the first post
 * goes out only once caseload-service has read them all (the gateway, slower, most likely has too); each
 * post is then established and its holder moved into it at once, so at most one post at a time waits for
 * its holder; leavers leave next; the never-filled vacancies and their agency cover come last, when the
 * rates only rise to what the plan means them to be.
 */
final class StaffingLoad {

    record CreateTeam(String name, ServiceArea serviceArea) {
    }

    record NameManager(UUID managerId) {
    }

    record HireWorker(String name, Role role, UUID teamId, BigDecimal fte, Employment employment, LocalDate startDate,
                      UUID postId, String registrationNumber, StartOrigin origin, Qualification qualification,
                      CensusRole censusRole, CareerStage careerStage) {
    }

    /** From the first day on: replaces the period the worker was hired with, so their history is one period. */
    record FillPost(LocalDate effectiveFrom, UUID postId) {
    }

    record RecordLeaving(LocalDate leftOn, LeavingReason reason, LeaverDestination destination) {
    }

    record EstablishPost(UUID teamId, Role role, BigDecimal fte, LocalDate establishedOn) {
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

    StaffingLoad(ServiceCalls calls, URI staffing, DemoTokens tokens, CouncilPlan plan, LoadedIds ids) {
        this.calls = calls;
        this.staffing = staffing;
        this.tokens = tokens;
        this.plan = plan;
        this.ids = ids;
    }

    /** Creates the teams, hires their permanent staff (with no post yet) and names each team's manager. */
    void sendTeamsAndStaff(Concurrently concurrently) throws InterruptedException {
        concurrently.forEach(plan.teams(), this::teamAndStaff);
    }

    /** Establishes the posts, moves their holders in, records leavers, hires agency cover, recruits. */
    void sendEstablishment(Concurrently concurrently) throws InterruptedException {
        concurrently.forEach(plan.teams(), this::establishment);
    }

    private void teamAndStaff(CouncilPlan.Team team) throws InterruptedException {
        UUID teamId = calls.create(api("/teams"), hr(), new CreateTeam(team.name(), team.area()));
        ids.put(team.key(), teamId);
        for (Worker worker : permanent(team)) {
            ids.put(worker.key(), calls.create(api("/workers"), hr(), hire(worker, teamId, null)));
        }
        Worker manager = permanent(team).stream().filter(w -> w.role() == Role.TEAM_MANAGER).findFirst()
                .orElseThrow();
        calls.patch(api("/teams/" + teamId), hr(), new NameManager(ids.of(manager.key())));
    }

    private void establishment(CouncilPlan.Team team) throws InterruptedException {
        UUID teamId = ids.of(team.key());
        Set<String> held = permanent(team).stream().map(Worker::postKey).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        for (Post post : plan.postsOf(team.key())) {
            if (held.contains(post.key())) {
                fill(post, teamId);
            }
        }
        for (Worker leaver : permanent(team)) {
            if (leaver.leaving() != null) {
                calls.post(api("/workers/" + ids.of(leaver.key()) + "/leaving"), hr(), new RecordLeaving(
                        leaver.leaving().leftOn(), leaver.leaving().reason(), leaver.leaving().destination()), 200);
            }
        }
        for (Post post : plan.postsOf(team.key())) {
            if (!held.contains(post.key())) {
                establish(post, teamId);
            }
        }
        for (Worker agency : plan.workersOf(team.key())) {
            if (agency.employment() == Employment.AGENCY) {
                UUID covered = ids.of(agency.postKey());
                ids.put(agency.key(), calls.create(api("/workers"), hr(), hire(agency, teamId, covered)));
            }
        }
        for (Recruitment round : plan.recruitment()) {
            if (plan.post(round.postKey()).teamKey().equals(team.key())) {
                recruit(round);
            }
        }
    }

    /** Establishes the post and moves its permanent holders in from their first day, leaver before successor. */
    private void fill(Post post, UUID teamId) throws InterruptedException {
        UUID postId = establish(post, teamId);
        for (Worker holder : plan.holdersOf(post.key())) {
            if (holder.employment() == Employment.PERMANENT) {
                calls.post(api("/workers/" + ids.of(holder.key()) + "/changes"), hr(),
                        new FillPost(holder.startDate(), postId), 200);
            }
        }
    }

    private List<Worker> permanent(CouncilPlan.Team team) {
        return plan.workersOf(team.key()).stream().filter(w -> w.employment() == Employment.PERMANENT).toList();
    }

    private UUID establish(Post post, UUID teamId) throws InterruptedException {
        UUID id = calls.create(api("/posts"), hr(), new EstablishPost(teamId, post.role(), post.fte(),
                post.establishedOn()));
        ids.put(post.key(), id);
        return id;
    }

    /** Advertises the post, then records the offer and start date the round reached, if any. */
    private void recruit(Recruitment round) throws InterruptedException {
        UUID postId = ids.of(round.postKey());
        JsonNode post = calls.post(api("/posts/" + postId + "/recruitment"), hr(), new Advertise(round.advertisedOn()),
                201);
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
        calls.patch(api("/posts/" + postId + "/recruitment/" + roundId), hr(),
                new Progress(round.offerMadeOn(), round.startsOn()));
    }

    private static boolean absent(JsonNode value) {
        return value.isNull() || value.isMissingNode();
    }

    private static HireWorker hire(Worker worker, UUID teamId, UUID postId) {
        return new HireWorker(worker.name(), worker.role(), teamId, worker.fte(), worker.employment(),
                worker.startDate(), postId, worker.registrationNumber(), worker.origin(), worker.qualification(),
                worker.censusRole(), worker.careerStage());
    }

    private String hr() {
        return tokens.hrOfficer();
    }

    private URI api(String path) {
        return staffing.resolve("/api/v1" + path);
    }
}
