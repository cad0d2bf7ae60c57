package uk.workforcewatch.gateway.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.gateway.view.AbsenceEpisodeView;
import uk.workforcewatch.gateway.view.CaseView;
import uk.workforcewatch.gateway.view.PostView;
import uk.workforcewatch.gateway.view.WorkerView;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A team manager stays inside their own team at the gateway too, before anything reaches a service (which
 * checks again): the teams a request names are those of the record in its path (a team, worker, case, post or
 * absence episode, as the gateway's view knows it), every {@code teamId} of its query string, and the
 * {@code teamId} and the worker's team of a JSON body. A record the view does not know yet, and an absence
 * episode whose worker has moved team since, are left to the service. Senior managers and HR officers are not
 * held to a team here.
 */
@ApplicationScoped
public class TeamGuard {

    private static final Pattern RECORD = Pattern.compile(
            "/api/v1/(teams|workers|cases|posts|absences)/([0-9a-fA-F-]{36})(?:/.*)?");
    private static final Pattern TEAM_PARAMETER = Pattern.compile("(?:^|&)teamId=([^&]*)");

    private final ObjectMapper json;

    TeamGuard(ObjectMapper json) {
        this.json = json;
    }

    /** Why the request may not go on, or empty when it may. */
    public Uni<Optional<String>> refusal(SecurityIdentity caller, String path, String query, Buffer body) {
        if (caller == null || !caller.hasRole(Roles.TEAM_MANAGER) || caller.hasRole(Roles.SENIOR_MANAGER)
                || caller.hasRole(Roles.HR_OFFICER)) {
            return Uni.createFrom().item(Optional.empty());
        }
        Optional<UUID> own = ownTeam(caller);
        if (own.isEmpty()) {
            return Uni.createFrom().item(Optional.of("a team manager's token must name their team"));
        }
        Set<UUID> named = new HashSet<>(teamParameters(query));
        List<UUID> workers = new ArrayList<>();
        JsonNode content = read(body);
        uuid(content.path("teamId")).ifPresent(named::add);
        uuid(content.path("workerId")).ifPresent(workers::add);
        Matcher record = RECORD.matcher(path);
        Uni<Set<UUID>> teams = Uni.createFrom().item(named);
        if (record.matches()) {
            UUID id = UUID.fromString(record.group(2));
            if (record.group(1).equals("teams")) {
                named.add(id);
            } else {
                teams = Panache.withSession(() -> teamsOf(record.group(1), id)).map(found -> union(named, found));
            }
        }
        return teams.chain(found -> workers.isEmpty() ? Uni.createFrom().item(found)
                        : Panache.withSession(() -> WorkerView.<WorkerView>list("id in ?1", workers))
                        .map(known -> union(found, known.stream().map(w -> w.teamId).toList())))
                .map(found -> found.stream().filter(team -> !team.equals(own.get())).findFirst()
                        .map(other -> "a team manager acts only inside their own team, not team " + other));
    }

    /** The team of the record, as the view knows it. */
    private static Uni<List<UUID>> teamsOf(String kind, UUID id) {
        return switch (kind) {
            case "workers" -> WorkerView.<WorkerView>findById(id).map(w -> w == null ? List.of() : List.of(w.teamId));
            case "cases" -> CaseView.<CaseView>findById(id).map(c -> c == null ? List.of() : List.of(c.teamId));
            case "posts" -> PostView.<PostView>findById(id).map(p -> p == null ? List.of() : List.of(p.teamId));
            default -> AbsenceEpisodeView.<AbsenceEpisodeView>findById(id).chain(e -> e == null
                    ? Uni.createFrom().item(List.<UUID>of())
                    : WorkerView.<WorkerView>findById(e.workerId).map(w -> w == null || w.teamId.equals(e.teamId)
                    ? List.of(e.teamId) : List.of()));
        };
    }

    private static Set<UUID> union(Set<UUID> teams, List<UUID> more) {
        Set<UUID> all = new HashSet<>(teams);
        more.stream().filter(t -> t != null).forEach(all::add);
        return all;
    }

    private static Optional<UUID> ownTeam(SecurityIdentity caller) {
        if (!(caller.getPrincipal() instanceof JsonWebToken token) || token.getClaim(Roles.TEAM_CLAIM) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(token.getClaim(Roles.TEAM_CLAIM).toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<UUID> teamParameters(String query) {
        List<UUID> teams = new ArrayList<>();
        Matcher parameter = TEAM_PARAMETER.matcher(query == null ? "" : query);
        while (parameter.find()) {
            try {
                teams.add(UUID.fromString(URLDecoder.decode(parameter.group(1), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException malformed) {
                // the service answers a malformed id with 400
            }
        }
        return teams;
    }

    private JsonNode read(Buffer body) {
        if (body == null || body.length() == 0) {
            return json.missingNode();
        }
        try {
            return json.readTree(body.getBytes());
        } catch (IOException notJson) {
            return json.missingNode();
        }
    }

    private static Optional<UUID> uuid(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(node.asText()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
