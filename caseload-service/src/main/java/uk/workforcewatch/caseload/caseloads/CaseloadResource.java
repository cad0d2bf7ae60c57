package uk.workforcewatch.caseload.caseloads;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.access.TeamAccess;
import uk.workforcewatch.access.TeamScope;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.WorkerCaseload;

import java.time.LocalDate;
import java.util.UUID;

/** Caseload figures: every role reads them, a team manager for their own team only. */
@Path("/api/v1")
@Tag(name = "Caseloads")
public class CaseloadResource {

    private static final String AS_OF = "a past day (ISO date): the figures at its end, by the dates changes took "
            + "effect; today's when left out";

    private final CaseloadService caseloads;
    private final TeamAccess access;

    CaseloadResource(CaseloadService caseloads, TeamAccess access) {
        this.caseloads = caseloads;
        this.access = access;
    }

    @GET
    @Path("/workers/{id}/caseload")
    @RolesAllowed({Roles.TEAM_MANAGER, Roles.SENIOR_MANAGER, Roles.HR_OFFICER})
    @Operation(summary = "A worker's open cases by category, weighted load, limits and headroom; as they stood at "
            + "the end of a past day with asOf, by the dates changes took effect")
    public Uni<WorkerCaseload> caseload(@PathParam("id") UUID id, @Parameter(description = AS_OF)
                                        @QueryParam("asOf") LocalDate asOf) {
        TeamScope scope = access.scope();
        return caseloads.worker(id).chain(worker -> {
            scope.require(worker.teamId);
            return caseloads.caseload(worker, asOf);
        });
    }

    @GET
    @Path("/workers/{id}/allocation-check")
    @RolesAllowed({Roles.TEAM_MANAGER, Roles.SENIOR_MANAGER, Roles.HR_OFFICER})
    @Operation(summary = "Dry run: would one more case of this category break one of the worker's limits, and which")
    public Uni<CaseloadApi.AllocationCheck> check(@PathParam("id") UUID id,
                                                  @QueryParam("category") @NotNull CaseCategory category) {
        TeamScope scope = access.scope();
        return caseloads.worker(id).chain(worker -> {
            scope.require(worker.teamId);
            return caseloads.check(worker, category);
        });
    }

    @GET
    @Path("/teams/{id}/caseloads")
    @RolesAllowed({Roles.TEAM_MANAGER, Roles.SENIOR_MANAGER, Roles.HR_OFFICER})
    @Operation(summary = "Every worker of the team with caseload and limits, its unallocated cases (CP and court "
            + "first) with how long each has waited, and its average caseload; as they stood on a past day with asOf")
    public Uni<CaseloadApi.TeamCaseloads> team(@PathParam("id") UUID id, @Parameter(description = AS_OF)
                                               @QueryParam("asOf") LocalDate asOf) {
        access.requireTeam(id);
        return caseloads.team(id, asOf);
    }

    @GET
    @Path("/caseloads")
    @RolesAllowed({Roles.SENIOR_MANAGER, Roles.HR_OFFICER})
    @Operation(summary = "Every team's workers, unallocated cases and average caseload, and the council's, today or "
            + "as they stood on a past day with asOf")
    public Uni<CaseloadApi.CouncilCaseloads> council(@Parameter(description = AS_OF)
                                                     @QueryParam("asOf") LocalDate asOf) {
        return caseloads.council(asOf);
    }
}
