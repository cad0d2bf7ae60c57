package uk.workforcewatch.staffing.indicators;

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
import uk.workforcewatch.access.TeamAccess;
import uk.workforcewatch.census.Indicators;
import uk.workforcewatch.census.WorkforceCensus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
        return census.as(date, Optional.ofNullable(teamId)).map(WorkforceCensus::indicators);
    }

    @GET
    @Path("/monthly")
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "Census indicators over time: on the last day of each of the months before the month of "
            + "`to` (default today), and on `to` itself, oldest first; for one team or the whole council")
    public Uni<List<Indicators>> monthly(@QueryParam("to") LocalDate to,
                                         @QueryParam("months") @DefaultValue("12") @Min(1) @Max(60) int months,
                                         @QueryParam("teamId") UUID teamId) {
        access.requireTeamOrCouncil(teamId);
        return census.on(monthEnds(to != null ? to : LocalDate.now(clock), months), Optional.ofNullable(teamId));
    }

    /** {@code months} dates: the month ends before {@code to}'s month, then {@code to}. */
    static List<LocalDate> monthEnds(LocalDate to, int months) {
        List<LocalDate> dates = new ArrayList<>(months);
        for (int back = months - 1; back > 0; back--) {
            LocalDate month = to.minusMonths(back);
            dates.add(month.withDayOfMonth(month.lengthOfMonth()));
        }
        dates.add(to);
        return dates;
    }
}
