package uk.workforcewatch.gateway.alerts;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.events.alerts.AlertStatus;
import uk.workforcewatch.events.alerts.Rule;
import uk.workforcewatch.events.alerts.Severity;
import uk.workforcewatch.gateway.audit.AuditAction;
import uk.workforcewatch.gateway.audit.AuditLog;
import uk.workforcewatch.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Alerts and the breaches behind them. Senior managers see and act on every alert; a team manager on
 * their own team's; HR officers see staffing alerts.
 */
@Path("/api/v1")
@Tag(name = "Alerts")
public class AlertResource {

    /** The examples in the API document. */
    static final String EXAMPLE_NOTE =
            "{\"note\": \"Reallocating two cases this week; reviewed with the team manager\"}";
    static final String EXAMPLE_NO_NOTE = "{}";
    static final String EXAMPLE_VERSION = "{\"note\": \"Reallocating two cases this week\", \"version\": 0}";

    private final AlertBook alerts;
    private final AlertStream stream;
    private final AlertAccess access;
    private final SecurityIdentity identity;
    private final AuditLog audit;
    private final Duration heartbeat;

    AlertResource(AlertBook alerts, AlertStream stream, AlertAccess access, SecurityIdentity identity, AuditLog audit,
                  @ConfigProperty(name = "alerts.stream-heartbeat", defaultValue = "25s") Duration heartbeat) {
        this.alerts = alerts;
        this.stream = stream;
        this.access = access;
        this.identity = identity;
        this.audit = audit;
        this.heartbeat = heartbeat;
    }

    @GET
    @Path("/alerts")
    @RolesAllowed({Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER, Roles.HR_OFFICER})
    @Operation(summary = "Alerts, newest first, by status, team, rule and time fired (each role sees its own)")
    @WithSession
    public Uni<List<AlertApi.VersionedAlert>> list(@QueryParam("status") AlertStatus status, @QueryParam("teamId") UUID teamId,
                                      @QueryParam("rule") Rule rule, @QueryParam("since") Instant since,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        AlertAccess.Visible visible = access.visible(teamId);
        List<String> terms = new ArrayList<>(List.of("1 = 1"));
        List<Object> values = new ArrayList<>();
        add(terms, values, "status", status);
        add(terms, values, "teamId", visible.teamId());
        add(terms, values, "rule", rule);
        if (since != null) {
            values.add(since);
            terms.add("firedAt >= ?" + values.size());
        }
        if (visible.rules() != null) {
            values.add(visible.rules());
            terms.add("rule in ?" + values.size());
        }
        return Alert.<Alert>find(String.join(" and ", terms), Sort.descending("firedAt").and("id"), values.toArray())
                .page(page, size).list().map(found -> found.stream().map(this::versioned).toList());
    }

    @GET
    @Path("/breaches")
    @RolesAllowed({Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER, Roles.HR_OFFICER})
    @Operation(summary = "The breaches that hold now (the open alerts), by team, rule and severity")
    @WithSession
    public Uni<List<AlertApi.VersionedAlert>> breaches(@QueryParam("teamId") UUID teamId, @QueryParam("rule") Rule rule,
                                          @QueryParam("severity") Severity severity) {
        AlertAccess.Visible visible = access.visible(teamId);
        List<String> terms = new ArrayList<>(List.of("status <> ?1"));
        List<Object> values = new ArrayList<>(List.of(AlertStatus.RESOLVED));
        add(terms, values, "teamId", visible.teamId());
        add(terms, values, "rule", rule);
        add(terms, values, "severity", severity);
        if (visible.rules() != null) {
            values.add(visible.rules());
            terms.add("rule in ?" + values.size());
        }
        return Alert.<Alert>find(String.join(" and ", terms), Sort.ascending("firedAt"), values.toArray()).list()
                .map(found -> found.stream().map(this::versioned)
                        .sorted(Comparator.comparing((AlertApi.VersionedAlert a) -> a.alert().severity()).reversed())
                        .toList());
    }

    @GET
    @Path("/alerts/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER, Roles.HR_OFFICER})
    @Operation(summary = "Server-sent events: every change of an alert the caller may see, as it happens (JSON in "
            + "each event's data); a comment line at once and then every `alerts.stream-heartbeat`")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        AlertAccess.Visible visible = access.visible(null);
        // the answer's headers go out with its first event: a comment at once tells the screen it is connected,
        // and one now and then keeps idle proxies from closing the connection
        Multi<OutboundSseEvent> connected = Multi.createFrom().item(sse.newEventBuilder().comment("connected").build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().startingAfter(heartbeat).every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("still here").build());
        Multi<OutboundSseEvent> changes = stream.changes()
                .filter(change -> visible.allows(change.alert().rule(), change.alert().teamId()))
                .map(change -> sse.newEventBuilder().mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(AlertApi.VersionedAlert.class, change).build());
        return Multi.createBy().merging().streams(connected, changes, heartbeats);
    }

    @POST
    @Path("/alerts/{id}/acknowledgement")
    @RolesAllowed({Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "Acknowledge a firing alert, with an optional note (senior managers; a team manager "
            + "for their own team); with the version read, 409 if the alert has changed since")
    @WithTransaction
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "with a note", summary = "Acknowledged, saying what is being done",
                    value = EXAMPLE_NOTE),
            @ExampleObject(name = "no note", summary = "Acknowledged without a note",
                    value = EXAMPLE_NO_NOTE),
            @ExampleObject(name = "as read", summary = "Acknowledged only if still at the version read",
                    value = EXAMPLE_VERSION)}))
    public Uni<AlertApi.VersionedAlert> acknowledge(@PathParam("id") UUID id, @Valid AlertApi.Acknowledge request) {
        AlertAccess.Visible visible = access.visible(null);
        return Alert.<Alert>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Alert", id))
                .chain(alert -> {
                    visible.require(alert);
                    String note = request == null ? null : request.note();
                    Long version = request == null ? null : request.version();
                    return alerts.acknowledge(alert, identity.getPrincipal().getName(), note, version)
                            .call(acknowledged -> audit.record(identity, AuditAction.ALERT_ACKNOWLEDGED, "ALERT",
                                    alert.id, alert.teamId, alert.rule + (note == null ? "" : ": " + note)));
                })
                .map(this::versioned);
    }

    private AlertApi.VersionedAlert versioned(Alert alert) {
        return new AlertApi.VersionedAlert(alerts.state(alert), alert.version);
    }

    private static void add(List<String> terms, List<Object> values, String field, Object value) {
        if (value != null) {
            values.add(value);
            terms.add(field + " = ?" + values.size());
        }
    }
}
