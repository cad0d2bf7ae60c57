package uk.workforcewatch.staffing.teams;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import uk.workforcewatch.staffing.api.Examples;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/teams")
@Tag(name = "Teams")
public class TeamResource {

    private final TeamService teams;
    private final TeamAccess access;

    TeamResource(TeamService teams, TeamAccess access) {
        this.teams = teams;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Create a team (HR officers, senior managers)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "team", summary = "A child protection team, its manager named later", value = Examples.CREATE_TEAM)))
    public Uni<Response> create(@NotNull @Valid TeamApi.CreateTeam request) {
        return teams.create(request).map(team -> Response.created(URI.create("/api/v1/teams/" + team.id))
                .entity(TeamApi.TeamView.of(team)).build());
    }

    @GET
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "List teams: every team, or a team manager's own")
    public Uni<List<TeamApi.TeamView>> list() {
        TeamScope scope = access.scope();
        return teams.list().map(all -> all.stream()
                .filter(team -> scope.includes(team.id))
                .map(TeamApi.TeamView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "Get a team (a team manager only their own)")
    public Uni<TeamApi.TeamView> get(@PathParam("id") UUID id) {
        access.requireTeam(id);
        return teams.get(id).map(TeamApi.TeamView::of);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Rename a team, change its service area or manager (HR officers, senior managers)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "new manager", summary = "A new team manager, at the version last read",
            value = Examples.CHANGE_TEAM_MANAGER)))
    public Uni<TeamApi.TeamView> change(@PathParam("id") UUID id, @NotNull @Valid TeamApi.ChangeTeam request) {
        return teams.change(id, request).map(TeamApi.TeamView::of);
    }
}
