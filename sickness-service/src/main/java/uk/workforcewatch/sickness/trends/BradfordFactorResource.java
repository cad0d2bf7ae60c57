package uk.workforcewatch.sickness.trends;

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
import uk.workforcewatch.problem.CalendarDates;
import uk.workforcewatch.sickness.security.Caller;
import uk.workforcewatch.sickness.security.Callers;

import java.time.LocalDate;
import java.util.UUID;

/** Bradford factors: no reasons involved, but each worker listed is audited. */
@Path("/api/v1/bradford-factors")
@Tag(name = "What HR asks")
public class BradfordFactorResource {

    private final TrendsService trends;
    private final Callers callers;

    BradfordFactorResource(TrendsService trends, Callers callers) {
        this.trends = trends;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "Each worker's Bradford factor on asOf (default today): S spells overlapping the 364 days "
            + "ending then, D working days absent in them, S² × D, highest first, triggered at the configured level; "
            + "atOrAbove keeps only scores from that level. HR officers, senior managers, a team manager (their own "
            + "team's workers); each worker listed is audited")
    public Uni<TrendsApi.BradfordFactors> list(@QueryParam("asOf") LocalDate asOf, @QueryParam("teamId") UUID teamId,
                                               @QueryParam("atOrAbove") @Min(0) Long atOrAbove,
                                               @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        CalendarDates.require("asOf", asOf);
        Caller caller = callers.current();
        UUID team = Scopes.team(caller, teamId);
        return trends.bradford(asOf != null ? asOf : trends.today(), team, atOrAbove, page, size, caller);
    }
}
