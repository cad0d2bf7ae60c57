package uk.workforcewatch.gateway.audit;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The audit log: senior managers and HR officers, who answer for these decisions. */
@Path("/api/v1/audit")
@Tag(name = "Audit")
public class AuditResource {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    public record Entry(UUID id, Instant at, String actor, String actorRole, AuditAction action, String subjectType,
                        UUID subjectId, UUID teamId, String detail) {

        static Entry of(AuditEntry e) {
            return new Entry(e.id, e.at, e.actor, e.actorRole, e.action, e.subjectType, e.subjectId, e.teamId, e.detail);
        }
    }

    public record Page(List<Entry> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({Roles.SENIOR_MANAGER, Roles.HR_OFFICER})
    @Operation(summary = "The audit log, newest first, by action, actor, subject, team and days (senior managers and"
            + " HR officers)")
    @WithSession
    public Uni<Page> list(@QueryParam("action") AuditAction action, @QueryParam("actor") String actor,
                          @QueryParam("subjectId") UUID subjectId, @QueryParam("teamId") UUID teamId,
                          @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                          @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        List<String> terms = new ArrayList<>(List.of("1 = 1"));
        List<Object> values = new ArrayList<>();
        where(terms, values, "action = ", action);
        where(terms, values, "actor = ", actor);
        where(terms, values, "subjectId = ", subjectId);
        where(terms, values, "teamId = ", teamId);
        where(terms, values, "at >= ", from == null ? null : from.atStartOfDay(LONDON).toInstant());
        where(terms, values, "at < ", to == null ? null : to.plusDays(1).atStartOfDay(LONDON).toInstant());
        var query = AuditEntry.<AuditEntry>find(String.join(" and ", terms), Sort.descending("at", "id"),
                values.toArray());
        return query.page(page, size).list()
                .chain(found -> query.count().map(total ->
                        new Page(found.stream().map(Entry::of).toList(), page, size, total)));
    }

    private static void where(List<String> terms, List<Object> values, String term, Object value) {
        if (value != null) {
            values.add(value);
            terms.add(term + "?" + values.size());
        }
    }
}
