package uk.workforcewatch.staffing.posts;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/posts")
@Tag(name = "Posts and recruitment")
public class PostResource {

    private final PostService posts;
    private final TeamAccess access;

    PostResource(PostService posts, TeamAccess access) {
        this.posts = posts;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Add a post to a team's establishment (HR officers, senior managers)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "full-time social worker", summary = "A full-time social worker's post",
            value = Examples.ESTABLISH_POST)))
    public Uni<Response> establish(@NotNull @Valid PostApi.EstablishPost request) {
        return posts.establish(request).map(post -> Response.created(URI.create("/api/v1/posts/" + post.id))
                .entity(PostApi.PostView.of(post)).build());
    }

    @GET
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "A team's posts, removed ones included (a team manager only their own team)")
    public Uni<List<PostApi.PostView>> ofTeam(@QueryParam("teamId") @NotNull UUID teamId) {
        access.requireTeam(teamId);
        return posts.ofTeam(teamId).map(found -> found.stream().map(PostApi.PostView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "Get a post with its recruitment")
    public Uni<PostApi.PostView> get(@PathParam("id") UUID id) {
        TeamScope scope = access.scope();
        return posts.get(id).map(post -> {
            scope.require(post.teamId);
            return PostApi.PostView.of(post);
        });
    }

    @POST
    @Path("/{id}/removal")
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Take a post out of the establishment after a date (HR officers, senior managers)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "removed", summary = "The post's last day in the establishment", value = Examples.REMOVE_POST)))
    public Uni<PostApi.PostView> remove(@PathParam("id") UUID id, @NotNull @Valid PostApi.RemovePost request) {
        return posts.remove(id, request).map(PostApi.PostView::of);
    }

    @POST
    @Path("/{id}/recruitment")
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Open a round of recruitment: the post is advertised (HR officers, senior managers)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "advertised", summary = "The post advertised", value = Examples.ADVERTISE)))
    public Uni<Response> advertise(@PathParam("id") UUID id, @NotNull @Valid PostApi.Advertise request) {
        return posts.advertise(id, request).map(post -> Response.status(201).entity(PostApi.PostView.of(post)).build());
    }

    @PATCH
    @Path("/{id}/recruitment/{roundId}")
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Record an offer, a start date or a withdrawal (HR officers, senior managers)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "offer made", summary = "An offer made to the chosen candidate",
                    value = Examples.OFFER_MADE),
            @ExampleObject(name = "start date", summary = "The start date agreed, after the offer",
                    value = Examples.STARTS)}))
    public Uni<PostApi.PostView> progress(@PathParam("id") UUID id, @PathParam("roundId") UUID roundId,
                                          @NotNull @Valid PostApi.RecruitmentProgress request) {
        return posts.progress(id, roundId, request).map(PostApi.PostView::of);
    }
}
