package uk.workforcewatch.staffing.posts;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.access.TeamAccess;
import uk.workforcewatch.census.WorkforceCensus;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.PostState;
import uk.workforcewatch.events.staffing.WorkerState;
import uk.workforcewatch.staffing.indicators.CensusService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/vacancies")
@Tag(name = "Posts and recruitment")
public class VacancyResource {

    private final CensusService census;
    private final TeamAccess access;
    private final Clock clock;

    VacancyResource(CensusService census, TeamAccess access, Clock clock) {
        this.census = census;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "Vacant posts as of a date (default today), with agency cover and open recruitment, "
            + "for one team or the whole council (a team manager only their own team)")
    public Uni<List<PostApi.VacancyView>> vacancies(@QueryParam("asOf") LocalDate asOf,
                                                    @QueryParam("teamId") UUID teamId) {
        access.requireTeamOrCouncil(teamId);
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        return census.as(date, Optional.ofNullable(teamId)).map(found -> found.vacantPosts().stream()
                .map(post -> vacancy(found, post, date)).toList());
    }

    private static PostApi.VacancyView vacancy(WorkforceCensus census, PostState post, LocalDate date) {
        List<WorkerState> agency = census.fillers(post).filter(w -> w.employment() == Employment.AGENCY).toList();
        BigDecimal cover = agency.stream().map(w -> WorkforceCensus.fte(w, date))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PostApi.VacancyView(post.id(), post.teamId(), post.role(), post.fte(),
                agency.stream().map(WorkerState::id).toList(), cover,
                post.recruitment().stream().filter(round -> round.startsOn() == null && round.withdrawnOn() == null)
                        .findFirst().orElse(null));
    }
}
