package uk.workforcewatch.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The services' ids for what the files named by the council's keys, read back through their APIs: teams by name,
 * workers by staff number, posts by post number, cases by reference, the story's absence episodes by first day.
 */
final class ServiceIds {

    private static final int PAGE = 500;

    private final ServiceCalls calls;
    private final URI staffing;
    private final URI caseload;
    private final URI sickness;
    private final DemoTokens tokens;

    ServiceIds(ServiceCalls calls, URI staffing, URI caseload, URI sickness, DemoTokens tokens) {
        this.calls = calls;
        this.staffing = staffing;
        this.caseload = caseload;
        this.sickness = sickness;
        this.tokens = tokens;
    }

    LoadedIds of(CouncilPlan plan, AbsencePlan absence, CouncilFiles files) throws InterruptedException {
        LoadedIds ids = new LoadedIds();
        Map<String, UUID> teams = new HashMap<>();
        for (JsonNode team : get(staffing.resolve("/api/v1/teams"), tokens.hrOfficer())) {
            teams.put(team.path("name").asText(), id(team));
        }
        plan.teams().forEach(team -> ids.put(team.key(), teams.get(team.name())));
        Map<String, UUID> workers = paged(staffing.resolve("/api/v1/workers"), tokens.hrOfficer(), "staffNumber");
        plan.workers().forEach(worker -> ids.put(worker.key(), workers.get(files.staffNumber(worker.key()))));
        Map<String, UUID> posts = new HashMap<>();
        for (CouncilPlan.Team team : plan.teams()) {
            for (JsonNode post : get(staffing.resolve("/api/v1/posts?teamId=" + ids.of(team.key())),
                    tokens.hrOfficer())) {
                posts.put(post.path("postNumber").asText(), id(post));
            }
        }
        plan.posts().forEach(post -> ids.put(post.key(), posts.get(files.postNumber(post.key()))));
        Map<String, UUID> cases = paged(caseload.resolve("/api/v1/cases"), tokens.seniorManager(), "reference");
        plan.cases().forEach(kase -> ids.put(kase.reference(), cases.get(kase.reference())));
        for (String worker : storyWorkers(absence)) {
            for (JsonNode episode : get(sickness.resolve("/api/v1/absences?size=500&workerId=" + ids.of(worker)),
                    tokens.hrOfficer()).path("items")) {
                ids.put("absence of " + worker + " from " + episode.path("startDate").asText(), id(episode));
            }
        }
        return ids;
    }

    private static java.util.List<String> storyWorkers(AbsencePlan absence) {
        AbsencePlan.Story story = absence.story();
        return java.util.stream.Stream.of(story.longTermAbsent(), story.absentWithCpCases(), story.interviewOverdue(),
                story.bradfordTriggered()).distinct().toList();
    }

    /** Every item of a paged list, by the text of one of its fields. */
    private Map<String, UUID> paged(URI list, String token, String key) throws InterruptedException {
        Map<String, UUID> found = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = get(URI.create(list + "?size=" + PAGE + "&page=" + page), token);
            for (JsonNode item : answer.path("items")) {
                found.put(item.path(key).asText(), id(item));
            }
            if ((long) (page + 1) * PAGE >= answer.path("total").asLong()) {
                return found;
            }
        }
    }

    private JsonNode get(URI uri, String token) throws InterruptedException {
        return calls.read(uri, token, JsonNode.class);
    }

    private static UUID id(JsonNode item) {
        return UUID.fromString(item.path("id").asText());
    }
}
