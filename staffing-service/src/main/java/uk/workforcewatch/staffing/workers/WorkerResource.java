package uk.workforcewatch.staffing.workers;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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
import uk.workforcewatch.staffing.api.Examples;
import uk.workforcewatch.staffing.api.Page;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/workers")
@Tag(name = "Workers")
public class WorkerResource {

    private final WorkerService workers;
    private final TeamAccess access;

    WorkerResource(WorkerService workers, TeamAccess access) {
        this.workers = workers;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Hire a worker: a starter (HR officers, senior managers)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "permanent into a post", summary = "A permanent social worker filling a post",
                    value = Examples.HIRE_PERMANENT),
            @ExampleObject(name = "agency", summary = "A part-time agency senior practitioner, no post",
                    value = Examples.HIRE_AGENCY)}))
    public Uni<Response> hire(@NotNull @Valid WorkerApi.HireWorker request) {
        return workers.hire(request).map(worker -> Response.created(URI.create("/api/v1/workers/" + worker.id))
                .entity(view(worker)).build());
    }

    @GET
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "List workers by team and status today (a team manager sees only their own team)")
    public Uni<Page<WorkerApi.WorkerView>> list(@QueryParam("teamId") UUID teamId,
                                                @QueryParam("status") WorkerStatus status,
                                                @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        TeamScope scope = access.scope();
        UUID team = teamId != null ? teamId : scope.onlyTeam().orElse(null);
        if (team != null) {
            scope.require(team);
        }
        return workers.list(team, status, page, size).map(found -> new Page<>(
                found.items().stream().map(this::view).toList(), found.page(), found.size(), found.total()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "Get a worker with the history of role, team, FTE and post")
    public Uni<WorkerApi.WorkerView> get(@PathParam("id") UUID id) {
        TeamScope scope = access.scope();
        return workers.get(id).map(worker -> {
            scope.require(worker.current(workers.today()).teamId);
            return view(worker);
        });
    }

    @POST
    @Path("/{id}/changes")
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Change role, team, FTE or post from a date on (HR officers, senior managers)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "fewer hours", summary = "Down to 0.8 FTE from a date",
                    value = Examples.CHANGE_FTE),
            @ExampleObject(name = "promoted and moved",
                    summary = "Promoted and moved to another team (its post is left)",
                    value = Examples.CHANGE_TEAM_AND_ROLE)}))
    public Uni<WorkerApi.WorkerView> change(@PathParam("id") UUID id, @NotNull @Valid WorkerApi.ChangeWorker request) {
        return workers.change(id, request).map(this::view);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Correct name, registration number or census details: origin, qualification, census role,"
            + " career stage, and a leaver's reason and destination (HR officers, senior managers)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "registration number", summary = "A mistyped registration number corrected",
                    value = Examples.CORRECT_REGISTRATION),
            @ExampleObject(name = "origin and qualification",
                    summary = "Came from social work in Wales, with a master's from Cardiff",
                    value = Examples.CORRECT_CENSUS_DETAILS),
            @ExampleObject(name = "middle manager",
                    summary = "A team manager whom the census counts as a middle manager, a practice leader",
                    value = Examples.MIDDLE_MANAGER)}))
    public Uni<WorkerApi.WorkerView> changeDetails(@PathParam("id") UUID id,
                                                   @NotNull @Valid WorkerApi.ChangeDetails request) {
        return workers.changeDetails(id, request).map(this::view);
    }

    @POST
    @Path("/{id}/leaving")
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Record that a worker leaves: last day, reason, destination (HR officers, senior managers)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "resigned", summary = "Resigned to work for another council in England", value = Examples.LEAVING)))
    public Uni<WorkerApi.WorkerView> recordLeaving(@PathParam("id") UUID id,
                                                   @NotNull @Valid WorkerApi.RecordLeaving request) {
        return workers.recordLeaving(id, request).map(this::view);
    }

    private WorkerApi.WorkerView view(Worker worker) {
        return WorkerApi.WorkerView.of(worker, workers.today());
    }
}
