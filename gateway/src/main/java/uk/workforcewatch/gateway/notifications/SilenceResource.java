package uk.workforcewatch.gateway.notifications;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.access.TeamAccess;
import uk.workforcewatch.access.TeamScope;
import uk.workforcewatch.events.alerts.Rule;
import uk.workforcewatch.gateway.audit.AuditAction;
import uk.workforcewatch.gateway.audit.AuditLog;
import uk.workforcewatch.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Silences: senior managers anywhere, a team manager for their own team. */
@Path("/api/v1/silences")
@Tag(name = "Alerts")
public class SilenceResource {

    /** The examples in the API document; {@code until} must be in the future when sent. */
    static final String EXAMPLE_TEAM = "{\"rule\": \"CASELOAD_OVER_LIMIT\", "
            + "\"teamId\": \"6f1c2a9e-3b7d-4c1e-9a52-8d0e4b7f2c31\", \"until\": \"2027-01-11T09:00:00Z\", "
            + "\"reason\": \"Two cases move to a new starter on Monday\"}";
    static final String EXAMPLE_WORKER = "{\"rule\": \"LONG_TERM_ABSENCE\", "
            + "\"subjectId\": \"9e4b1f7a-2c6d-4f8e-a3b5-0d7c2e9f4a16\", \"until\": \"2027-01-11T09:00:00Z\", "
            + "\"reason\": \"Phased return agreed with occupational health\"}";

    /** Mutes {@code rule} (or every rule) for {@code teamId} or {@code subjectId} until {@code until}. */
    public record Silencing(Rule rule, UUID teamId, UUID subjectId, @NotNull Instant until,
                            @NotBlank @Size(max = 500) String reason) {
    }

    public record SilenceView(UUID id, Rule rule, UUID teamId, UUID subjectId, Instant until, String reason,
                              String createdBy, Instant createdAt, Instant endedAt) {

        static SilenceView of(Silence s) {
            return new SilenceView(s.id, s.rule, s.teamId, s.subjectId, s.until, s.reason, s.createdBy, s.createdAt,
                    s.endedAt);
        }
    }

    private final TeamAccess access;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final AuditLog audit;

    SilenceResource(TeamAccess access, SecurityIdentity identity, Clock clock, AuditLog audit) {
        this.access = access;
        this.identity = identity;
        this.clock = clock;
        this.audit = audit;
    }

    @POST
    @RolesAllowed({Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "Mute a rule's messages for a team or subject until a time, with a reason")
    @WithTransaction
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "team's caseload alerts", summary = "A team's caseload alerts muted while cases move",
                    value = EXAMPLE_TEAM),
            @ExampleObject(name = "one worker",
                    summary = "One worker's long-term absence alert muted during a phased return",
                    value = EXAMPLE_WORKER)}))
    public Uni<Response> create(@NotNull @Valid Silencing request) {
        TeamScope scope = scope();
        if (scope.onlyTeam().isPresent() && request.teamId() == null) {
            throw ProblemException.invalid("teamId", "a team manager silences their own team's alerts only");
        }
        if (request.teamId() != null) {
            scope.require(request.teamId());
        }
        if (request.rule() == null && request.teamId() == null && request.subjectId() == null) {
            throw ProblemException.invalid("rule", "name a rule, a teamId or a subjectId: a silence of everything is refused");
        }
        if (!request.until().isAfter(clock.instant())) {
            throw ProblemException.invalid("until", "must be in the future");
        }
        Silence silence = new Silence();
        silence.id = UUID.randomUUID();
        silence.rule = request.rule();
        silence.teamId = request.teamId();
        silence.subjectId = request.subjectId();
        silence.until = request.until();
        silence.reason = request.reason();
        silence.createdBy = identity.getPrincipal().getName();
        silence.createdAt = clock.instant();
        return silence.persist()
                .call(() -> audit.record(identity, AuditAction.SILENCE_SET, "SILENCE", silence.id, silence.teamId,
                        describe(silence)))
                .map(saved -> Response.status(201).entity(SilenceView.of(silence)).build());
    }

    @GET
    @RolesAllowed({Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "The silences in force (a team manager sees their own team's)")
    @WithSession
    public Uni<List<SilenceView>> active() {
        TeamScope scope = scope();
        return Silence.inForce(clock.instant())
                .map(found -> found.stream().filter(s -> s.teamId == null ? scope.onlyTeam().isEmpty()
                        : scope.includes(s.teamId)).map(SilenceView::of).toList());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "End a silence now")
    @WithTransaction
    public Uni<SilenceView> end(@PathParam("id") UUID id) {
        TeamScope scope = scope();
        return Silence.<Silence>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Silence", id))
                .chain(silence -> {
                    if (silence.teamId == null ? scope.onlyTeam().isPresent() : !scope.includes(silence.teamId)) {
                        throw ProblemException.forbidden("Not a silence of your team");
                    }
                    if (silence.endedAt != null) {
                        return Uni.createFrom().item(SilenceView.of(silence));
                    }
                    silence.endedAt = clock.instant();
                    return audit.record(identity, AuditAction.SILENCE_ENDED, "SILENCE", silence.id, silence.teamId,
                            describe(silence)).replaceWith(SilenceView.of(silence));
                });
    }

    private static String describe(Silence silence) {
        return (silence.rule == null ? "every rule" : silence.rule.name())
                + (silence.subjectId == null ? "" : " of " + silence.subjectId) + " until " + silence.until + ": "
                + silence.reason;
    }

    private TeamScope scope() {
        return identity.hasRole(Roles.SENIOR_MANAGER) ? TeamScope.ALL : access.scope();
    }
}
