package uk.workforcewatch.sickness.absence;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
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
import uk.workforcewatch.access.TeamScope;
import uk.workforcewatch.problem.CalendarDates;
import uk.workforcewatch.problem.ProblemException;
import uk.workforcewatch.sickness.api.Examples;
import uk.workforcewatch.sickness.api.Page;
import uk.workforcewatch.sickness.security.Caller;
import uk.workforcewatch.sickness.security.Callers;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Absence episodes. HR officers record and read every team's; a team manager their own team's; a senior
 * manager reads the figures but not the reasons, and records nothing. Every read of one worker's record is audited.
 */
@Path("/api/v1/absences")
@Tag(name = "Absence")
public class AbsenceResource {

    private final AbsenceService absences;
    private final Callers callers;

    AbsenceResource(AbsenceService absences, Callers callers) {
        this.absences = absences;
        this.callers = callers;
    }

    @POST
    @RolesAllowed({Roles.HR_OFFICER, Roles.TEAM_MANAGER})
    @Operation(summary = "Record an absence episode (HR officers, or the worker's team manager); with endDate it is "
            + "recorded already over. Answers the episode with its figures as of today, as every command does")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "open", summary = "Off with stress since a date, covered by a fit note: still open",
                    value = Examples.OPEN_ABSENCE),
            @ExampleObject(name = "already over",
                    summary = "Three days' minor illness, over, return-to-work interview held",
                    value = Examples.ABSENCE_OVER)}))
    public Uni<Response> record(@NotNull @Valid AbsenceApi.RecordAbsence request) {
        return absences.record(request, callers.current()).map(view -> Response
                .created(URI.create("/api/v1/absences/" + view.id())).entity(view).build());
    }

    @GET
    @RolesAllowed({Roles.HR_OFFICER, Roles.TEAM_MANAGER, Roles.SENIOR_MANAGER})
    @Operation(summary = "List episodes, latest first, by team, worker, open or not, and overlapping from..to "
            + "(a team manager sees their own team's; senior managers see no reasons); listing one worker's is audited")
    public Uni<Page<AbsenceApi.AbsenceView>> list(@QueryParam("teamId") UUID teamId,
                                                  @QueryParam("workerId") UUID workerId,
                                                  @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                                  @QueryParam("open") Boolean open,
                                                  @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        Caller caller = callers.current();
        TeamScope scope = caller.scope();
        UUID team = teamId != null ? teamId : scope.onlyTeam().orElse(null);
        if (team != null) {
            scope.require(team);
        }
        return absences.list(new AbsenceFilter(team, workerId, from, to, open), page, size, caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.HR_OFFICER, Roles.TEAM_MANAGER, Roles.SENIOR_MANAGER})
    @Operation(summary = "An episode with working days lost, calendar days and whether it is long-term, to its end or "
            + "to asOf (default today); the read is audited")
    public Uni<AbsenceApi.AbsenceView> get(@PathParam("id") UUID id, @QueryParam("asOf") LocalDate asOf) {
        CalendarDates.require("asOf", asOf);
        return absences.get(id, asOf != null ? asOf : absences.today(), callers.current());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.HR_OFFICER, Roles.TEAM_MANAGER})
    @Operation(summary = "Correct the reason or the certification (a fit note arrives)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "fit note arrives", summary = "A fit note arrives for a self-certified episode",
                    value = Examples.FIT_NOTE_ARRIVED),
            @ExampleObject(name = "reason corrected", summary = "The reason corrected",
                    value = Examples.REASON_CORRECTED)}))
    public Uni<AbsenceApi.AbsenceView> change(@PathParam("id") UUID id, @NotNull @Valid AbsenceApi.ChangeAbsence request) {
        return absences.change(id, request, callers.current());
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({Roles.HR_OFFICER, Roles.TEAM_MANAGER})
    @Operation(summary = "End the episode: endDate is the last day absent")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "back at work", summary = "The last day absent", value = Examples.END)))
    public Uni<AbsenceApi.AbsenceView> end(@PathParam("id") UUID id, @NotNull @Valid AbsenceApi.EndAbsence request) {
        return absences.end(id, request, callers.current());
    }

    @POST
    @Path("/{id}/return-interview")
    @RolesAllowed({Roles.HR_OFFICER, Roles.TEAM_MANAGER})
    @Operation(summary = "Record the return-to-work interview of an ended episode: when and who held it")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "interview held", summary = "Held on the first day back, by the team manager",
            value = Examples.RETURN_INTERVIEW)))
    public Uni<AbsenceApi.AbsenceView> returnInterview(@PathParam("id") UUID id,
                                                       @NotNull @Valid AbsenceApi.ReturnInterview request) {
        return absences.recordReturnInterview(id, request, callers.current());
    }
}
