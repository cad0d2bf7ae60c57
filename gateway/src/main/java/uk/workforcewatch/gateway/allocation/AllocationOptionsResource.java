package uk.workforcewatch.gateway.allocation;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.access.TeamAccess;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.gateway.view.CaseloadView;
import uk.workforcewatch.gateway.view.TeamView;
import uk.workforcewatch.gateway.view.WorkerAbsenceView;
import uk.workforcewatch.gateway.view.WorkerView;
import uk.workforcewatch.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Helps a manager allocate: the team's workers who could take one more case of a category, most room first, and
 * those left out with why ({@link AllocationOptions}). Allocating is a manager's act: senior managers for any
 * team, a team manager for their own; not HR officers. Read from the gateway's own view, so the answer may lag
 * the services by the time their events take to arrive: caseload-service still checks the limits on allocation.
 */
@Path("/api/v1/allocation-options")
@Tag(name = "Allocation")
public class AllocationOptionsResource {

    /** The team's workers, and the workers of the caseloads caseload-service places in it (one may have moved). */
    private static final String WORKERS =
            "teamId = ?1 or id in (select c.workerId from CaseloadView c where c.teamId = ?1)";
    /** The caseloads of the team's workers, and those caseload-service places in the team. */
    private static final String CASELOADS =
            "teamId = ?1 or workerId in (select w.id from WorkerView w where w.teamId = ?1)";
    /** The absence status of the team's workers. */
    private static final String ABSENCES = "workerId in (select w.id from WorkerView w where w.teamId = ?1)";

    private final TeamAccess access;
    private final Clock clock;

    AllocationOptionsResource(TeamAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "Who in the team could take one more case of the category, most room first, and who is "
            + "left out and why")
    @WithSession
    public Uni<AllocationApi.Options> options(@QueryParam("teamId") @NotNull UUID teamId,
                                              @QueryParam("category") @NotNull CaseCategory category) {
        access.requireTeam(teamId);
        LocalDate today = LocalDate.now(clock);
        // four queries whatever the team's size
        return TeamView.<TeamView>findById(teamId).chain(team -> WorkerView.<WorkerView>list(WORKERS, teamId)
                .chain(workers -> CaseloadView.<CaseloadView>list(CASELOADS, teamId)
                        .chain(caseloads -> WorkerAbsenceView.<WorkerAbsenceView>list(ABSENCES, teamId)
                                .map(absences -> {
                                    if (team == null && workers.isEmpty() && caseloads.isEmpty()) {
                                        throw ProblemException.notFound("Team", teamId);
                                    }
                                    return AllocationOptions.of(teamId, category, today, workers, caseloads,
                                            absences);
                                }))));
    }
}
