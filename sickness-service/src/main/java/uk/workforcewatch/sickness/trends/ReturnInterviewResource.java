package uk.workforcewatch.sickness.trends;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.problem.CalendarDates;
import uk.workforcewatch.problem.ProblemException;
import uk.workforcewatch.sickness.absence.AbsenceConfig;
import uk.workforcewatch.sickness.security.Caller;
import uk.workforcewatch.sickness.security.Callers;

import java.time.LocalDate;
import java.util.UUID;

/** Return-to-work interviews: those due (individuals, audited) and how many were held in time (figures). */
@Path("/api/v1/return-interviews")
@Tag(name = "What HR asks")
public class ReturnInterviewResource {

    private final TrendsService trends;
    private final Callers callers;
    private final AbsenceConfig config;

    ReturnInterviewResource(TrendsService trends, Callers callers, AbsenceConfig config) {
        this.trends = trends;
        this.callers = callers;
        this.config = config;
    }

    @GET
    @Path("/due")
    @RolesAllowed({Roles.HR_OFFICER, Roles.TEAM_MANAGER})
    @Operation(summary = "Ended episodes whose worker is back by asOf (default today) with no interview recorded, "
            + "longest waiting first, overdue after the configured working days. HR officers, a team manager (their "
            + "own team); each worker listed is audited")
    public Uni<TrendsApi.DueInterviews> due(@QueryParam("asOf") LocalDate asOf, @QueryParam("teamId") UUID teamId,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        CalendarDates.require("asOf", asOf);
        Caller caller = callers.current();
        UUID team = Scopes.team(caller, teamId);
        return trends.dueInterviews(asOf != null ? asOf : trends.today(), team, page, size, caller);
    }

    @GET
    @Path("/timeliness")
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "Of the episodes whose return day falls in from..to: how many, how many had an interview, "
            + "how many within the configured working days, and that share. HR officers, senior managers, a team "
            + "manager (their own team)")
    public Uni<ReturnInterviews.Timeliness> timeliness(@QueryParam("from") @NotNull LocalDate from,
                                                      @QueryParam("to") @NotNull LocalDate to,
                                                      @QueryParam("teamId") UUID teamId) {
        CalendarDates.require("from", from);
        CalendarDates.require("to", to);
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (!to.isBefore(from.plusYears(config.trendsMaxYears()))) {
            throw ProblemException.invalid("to", "the period may be at most " + config.trendsMaxYears() + " years");
        }
        return trends.timeliness(from, to, Scopes.team(callers.current(), teamId));
    }
}
