package uk.workforcewatch.sickness.trends;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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

/** Who is off long-term: individuals' records, so every worker listed is audited. */
@Path("/api/v1/long-term-absences")
@Tag(name = "What HR asks")
public class LongTermAbsenceResource {

    private final TrendsService trends;
    private final Callers callers;

    LongTermAbsenceResource(TrendsService trends, Callers callers) {
        this.trends = trends;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "Episodes long-term on asOf (default today) and not over before it, oldest first, with "
            + "calendar days and working days lost so far and whether a fit note covers them. HR officers (every team), "
            + "a team manager (their own), senior managers (without reasons); each worker listed is audited")
    public Uni<TrendsApi.LongTermAbsences> list(@QueryParam("asOf") LocalDate asOf, @QueryParam("teamId") UUID teamId) {
        CalendarDates.require("asOf", asOf);
        Caller caller = callers.current();
        UUID team = Scopes.team(caller, teamId);
        return trends.longTerm(asOf != null ? asOf : trends.today(), team, caller);
    }
}
