package uk.workforcewatch.caseload.cases;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.access.TeamAccess;
import uk.workforcewatch.access.TeamScope;
import uk.workforcewatch.caseload.api.Examples;
import uk.workforcewatch.caseload.api.Page;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseStatus;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/** Cases: team managers act within their own team, senior managers anywhere; HR officers do not see cases. */
@Path("/api/v1/cases")
@Tag(name = "Cases")
public class CaseResource {

    private final CaseService cases;
    private final HistoryCorrections corrections;
    private final TeamAccess access;
    private final SecurityIdentity identity;

    CaseResource(CaseService cases, HistoryCorrections corrections, TeamAccess access, SecurityIdentity identity) {
        this.cases = cases;
        this.corrections = corrections;
        this.access = access;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.TEAM_MANAGER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Open a case, unallocated (team managers for their team, senior managers)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "unallocated", summary = "A child in need case, opened unallocated",
                    value = Examples.OPEN_CASE),
            @ExampleObject(name = "opened allocated", summary = "A child protection case opened allocated to a worker",
                    value = Examples.OPEN_CASE_ALLOCATED)}))
    public Uni<Response> open(@NotNull @Valid CaseApi.OpenCase request) {
        return cases.open(request, caller()).chain(cases::withHistory)
                .map(view -> Response.created(URI.create("/api/v1/cases/" + view.id())).entity(view).build());
    }

    @GET
    @RolesAllowed({Roles.TEAM_MANAGER, Roles.SENIOR_MANAGER})
    @Operation(summary = "List cases by team, worker, status and category (a team manager sees their own team's)")
    public Uni<Page<CaseApi.CaseView>> list(@QueryParam("teamId") UUID teamId, @QueryParam("workerId") UUID workerId,
                                            @QueryParam("status") CaseStatus status,
                                            @QueryParam("category") CaseCategory category,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        TeamScope scope = access.scope();
        UUID team = teamId != null ? teamId : scope.onlyTeam().orElse(null);
        if (team != null) {
            scope.require(team);
        }
        return cases.list(new CaseFilter(team, workerId, status, category), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TEAM_MANAGER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Get a case with its allocation history and its categories")
    public Uni<CaseApi.CaseView> get(@PathParam("id") UUID id) {
        return cases.get(id, caller());
    }

    @POST
    @Path("/{id}/category")
    @RolesAllowed({Roles.TEAM_MANAGER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Change the case's category, such as CIN to CP when a child protection plan starts; refused "
            + "(409) when it would break a limit of the worker holding the case, unless a senior manager overrides with "
            + "a reason")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "child protection plan", summary = "CIN to CP: a child protection plan starts",
            value = Examples.RECATEGORISE)))
    public Uni<CaseApi.CaseView> recategorise(@PathParam("id") UUID id, @NotNull @Valid CaseApi.Recategorise request) {
        // with the categories, as GET gives them: the caller sees which limits, if any, were overridden
        return cases.recategorise(id, request, caller()).chain(cases::withCategories);
    }

    @POST
    @Path("/{id}/allocation")
    @RolesAllowed({Roles.TEAM_MANAGER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Allocate or reallocate the case to a worker of its team; refused (409) when it would "
            + "break a limit, unless a senior manager overrides with a reason")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "within the limits", summary = "Allocated to a worker with room, from the day it took effect",
                    value = Examples.ALLOCATE),
            @ExampleObject(name = "limit overridden",
                    summary = "Over a limit: a senior manager overrides, with the reason",
                    value = Examples.ALLOCATE_OVERRIDING)}))
    public Uni<CaseApi.CaseView> allocate(@PathParam("id") UUID id, @NotNull @Valid CaseApi.Allocate request) {
        // with the history, as GET gives it: the caller sees which limits, if any, were overridden
        return cases.allocate(id, request, caller()).chain(cases::withHistory);
    }

    @DELETE
    @Path("/{id}/allocation")
    @RolesAllowed({Roles.TEAM_MANAGER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Unallocate the case, from the day it took effect")
    public Uni<CaseApi.CaseView> unallocate(@PathParam("id") UUID id,
                                            @Parameter(description = "the day it took effect; today when left out")
                                            @QueryParam("effectiveOn") LocalDate effectiveOn,
                                            @QueryParam("version") Long version) {
        return cases.unallocate(id, effectiveOn, version, caller()).map(kase -> CaseApi.CaseView.of(kase, null));
    }

    @POST
    @Path("/{id}/history/{changeId}/correction")
    @RolesAllowed({Roles.TEAM_MANAGER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Correct a change of the case's history recorded in error (its date, its worker, or that it "
            + "never happened), with the reason; the change corrected stays in the history, marked")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "wrong date", summary = "The allocation took effect a week earlier than recorded",
                    value = Examples.CORRECT_DATE),
            @ExampleObject(name = "never happened", summary = "Recorded against the wrong case",
                    value = Examples.STRIKE_OUT)}))
    public Uni<CaseApi.CaseView> correct(@PathParam("id") UUID id, @PathParam("changeId") long changeId,
                                         @NotNull @Valid CaseApi.Correction request) {
        return corrections.correct(id, changeId, request, caller()).chain(cases::withHistory);
    }

    @POST
    @Path("/{id}/closure")
    @RolesAllowed({Roles.TEAM_MANAGER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Close the case: date and reason")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "plan ended", summary = "Closed: the plan ended, stepped down to early help",
            value = Examples.CLOSE)))
    public Uni<CaseApi.CaseView> close(@PathParam("id") UUID id, @NotNull @Valid CaseApi.Close request) {
        return cases.close(id, request, caller()).map(kase -> CaseApi.CaseView.of(kase, null));
    }

    private Caller caller() {
        return new Caller(identity.getPrincipal().getName(), access.scope(), identity.hasRole(Roles.SENIOR_MANAGER));
    }
}
