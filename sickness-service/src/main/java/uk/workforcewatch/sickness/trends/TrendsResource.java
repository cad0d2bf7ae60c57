package uk.workforcewatch.sickness.trends;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.access.TeamScope;
import uk.workforcewatch.problem.CalendarDates;
import uk.workforcewatch.problem.ProblemException;
import uk.workforcewatch.sickness.absence.AbsenceConfig;
import uk.workforcewatch.sickness.security.Callers;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Absence trends: figures only, never an individual's record, so nothing is audited. HR officers and senior
 * managers see every team; a team manager names their own team. Grouping by reason (aggregated health data) is
 * for HR officers and senior managers.
 */
@Path("/api/v1/absence-trends")
@Tag(name = "What HR asks")
public class TrendsResource {

    private final TrendsService trends;
    private final Callers callers;
    private final AbsenceConfig config;

    TrendsResource(TrendsService trends, Callers callers, AbsenceConfig config) {
        this.trends = trends;
        this.callers = callers;
        this.config = config;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, TrendsCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "Working days lost, FTE days available, days lost per FTE, % of working time lost, spells "
            + "short- and long-term, over from..to by MONTH, TEAM, REASON or ROLE, with a total; CSV when Accept is "
            + "text/csv. HR officers and senior managers (every team, by reason too); a team manager their own teamId")
    public Uni<Response> trends(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to,
                                @QueryParam("groupBy") @NotNull String groupBy, @QueryParam("teamId") UUID teamId,
                                @Context HttpHeaders headers) {
        GroupBy by;
        try {
            by = GroupBy.valueOf(groupBy);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("groupBy", "must be one of MONTH, TEAM, REASON, ROLE");
        }
        CalendarDates.require("from", from);
        CalendarDates.require("to", to);
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (!to.isBefore(from.plusYears(config.trendsMaxYears()))) {
            throw ProblemException.invalid("to", "the period may be at most " + config.trendsMaxYears() + " years");
        }
        TeamScope scope = callers.current().scope();
        if (scope.onlyTeam().isPresent()) {
            if (teamId == null) {
                throw ProblemException.forbidden("A team manager asks about their own team: name it in teamId");
            }
            if (by == GroupBy.REASON) {
                throw ProblemException.forbidden("Absence by reason is for HR officers and senior managers");
            }
        }
        if (teamId != null) {
            scope.require(teamId);
        }
        boolean csv = headers.getAcceptableMediaTypes().stream().findFirst()
                .map(type -> type.isCompatible(MediaType.valueOf(TrendsCsv.MEDIA_TYPE)) && !type.isWildcardType()
                        && !type.isWildcardSubtype()).orElse(false);
        return trends.trends(from, to, by, teamId).map(report -> csv
                ? Response.ok(TrendsCsv.of(report), TrendsCsv.MEDIA_TYPE + ";charset=UTF-8").build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build());
    }
}
