package uk.workforcewatch.staffing.indicators;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.access.TeamAccess;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/indicators")
@Tag(name = "Indicators")
public class IndicatorResource {

    private final CensusService census;
    private final TeamAccess access;
    private final Clock clock;

    IndicatorResource(CensusService census, TeamAccess access, Clock clock) {
        this.census = census;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "Census indicators as of a date (default today), for one team or the whole council "
            + "(a team manager only their own team)")
    public Uni<Indicators> indicators(@QueryParam("asOf") LocalDate asOf, @QueryParam("teamId") UUID teamId) {
        access.requireTeamOrCouncil(teamId);
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        return census.as(date, Optional.ofNullable(teamId)).map(Census::indicators);
    }
}
