package uk.workforcewatch.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The decisions and reads that reach a service through the gateway and belong in its audit log: a caseload limit
 * overridden by an allocation, and a read of one worker's absence record. Taken from what the service answered
 * with success, its own record of the act, so nothing a caller only asked for is logged. The service has committed
 * by then: an entry that cannot be written is logged as an error (caseload-service keeps every override in the
 * case's history, sickness-service every absence read in its own audit), and the caller still gets the answer.
 */
@ApplicationScoped
public class ForwardedDecisions {

    private static final Logger LOG = Logger.getLogger(ForwardedDecisions.class);
    private static final String UUID_PATTERN = "([0-9a-fA-F-]{36})";
    private static final Pattern ALLOCATION = Pattern.compile("/api/v1/cases/" + UUID_PATTERN + "/allocation");
    private static final Pattern ABSENCE = Pattern.compile("/api/v1/absences/" + UUID_PATTERN);
    private static final Pattern WORKER_FILTER = Pattern.compile("(?:^|&)workerId=" + UUID_PATTERN + "(?:&|$)");

    private final AuditLog audit;
    private final ObjectMapper json;

    ForwardedDecisions(AuditLog audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    /** Writes what the answer shows, if anything; never fails. */
    public Uni<Void> record(SecurityIdentity caller, HttpMethod method, String path, String query, int status,
                            Buffer body) {
        if (status < 200 || status > 299 || body == null || caller == null || caller.isAnonymous()) {
            return Uni.createFrom().voidItem();
        }
        Optional<Entry> entry;
        try {
            entry = entryFor(method, path, query, body);
        } catch (IOException | RuntimeException unreadable) {
            LOG.errorf("Audit: the answer to %s %s could not be read: %s", method, path, unreadable.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (entry.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Entry e = entry.get();
        return Panache.withTransaction(() -> audit.record(caller, e.action(), e.subjectType(), e.subjectId(),
                        e.teamId(), e.detail()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "Audit entry not written: %s %s %s by %s", e.action(), e.subjectType(),
                            e.subjectId(), caller.getPrincipal().getName());
                    return null;
                });
    }

    private record Entry(AuditAction action, String subjectType, UUID subjectId, UUID teamId, String detail) {
    }

    private Optional<Entry> entryFor(HttpMethod method, String path, String query, Buffer body) throws IOException {
        if (HttpMethod.POST.equals(method) && (ALLOCATION.matcher(path).matches() || path.equals("/api/v1/cases"))) {
            return override(json.readTree(body.getBytes()));
        }
        if (HttpMethod.GET.equals(method)) {
            if (ABSENCE.matcher(path).matches()) {
                JsonNode episode = json.readTree(body.getBytes());
                return Optional.of(new Entry(AuditAction.ABSENCE_RECORD_READ, "WORKER", uuid(episode, "workerId"),
                        uuid(episode, "teamId"), "absence episode " + episode.path("id").asText()));
            }
            Matcher worker = WORKER_FILTER.matcher(query == null ? "" : query);
            if (path.equals("/api/v1/absences") && worker.find()) {
                JsonNode page = json.readTree(body.getBytes());
                if (page.path("items").isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Entry(AuditAction.ABSENCE_RECORD_READ, "WORKER", UUID.fromString(worker.group(1)),
                        uuid(page.path("items").get(0), "teamId"), page.path("items").size() + " absence episodes listed"));
            }
        }
        return Optional.empty();
    }

    /** The case's newest allocation, when it went through over a limit. */
    private Optional<Entry> override(JsonNode kase) {
        return StreamSupport.stream(kase.path("history").spliterator(), false)
                .max(Comparator.comparing(a -> Instant.parse(a.path("recordedAt").asText())))
                .filter(newest -> newest.hasNonNull("overridden"))
                .map(newest -> new Entry(AuditAction.LIMIT_OVERRIDE, "CASE", uuid(kase, "id"), uuid(kase, "teamId"),
                        "to worker " + newest.path("workerId").asText() + " over " + newest.path("overridden").asText()
                                + ": " + newest.path("overrideReason").asText()));
    }

    private static UUID uuid(JsonNode node, String field) {
        return node.hasNonNull(field) ? UUID.fromString(node.get(field).asText()) : null;
    }
}
