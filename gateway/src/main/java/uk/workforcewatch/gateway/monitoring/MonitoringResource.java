package uk.workforcewatch.gateway.monitoring;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.access.TeamAccess;
import uk.workforcewatch.access.TeamScope;
import uk.workforcewatch.events.alerts.AlertState;
import uk.workforcewatch.events.alerts.AlertStatus;
import uk.workforcewatch.events.caseload.CaseStatus;
import uk.workforcewatch.gateway.alerts.Alert;
import uk.workforcewatch.gateway.alerts.AlertBook;
import uk.workforcewatch.gateway.rules.TeamStaffing;
import uk.workforcewatch.gateway.view.CaseView;
import uk.workforcewatch.gateway.view.CaseloadView;
import uk.workforcewatch.gateway.view.PostView;
import uk.workforcewatch.gateway.view.TeamView;
import uk.workforcewatch.gateway.view.WorkerAbsenceView;
import uk.workforcewatch.gateway.view.WorkerView;
import uk.workforcewatch.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The live picture of a worker and of a team, from the gateway's own view: no call to any service. */
@Path("/api/v1/monitoring")
@Tag(name = "Monitoring")
public class MonitoringResource {

    private final TeamAccess access;
    private final AlertBook alerts;
    private final CouncilPicture council;
    private final Clock clock;

    MonitoringResource(TeamAccess access, AlertBook alerts, CouncilPicture council, Clock clock) {
        this.access = access;
        this.alerts = alerts;
        this.council = council;
        this.clock = clock;
    }

    @GET
    @Path("/teams")
    @RolesAllowed({Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER, Roles.HR_OFFICER})
    @Operation(summary = "Every team at a glance: workers over their limit or CP mix, cases waiting (CP and court "
            + "apart), vacancy and agency rates, who is absent, open alerts, the spread of caseloads (a team manager "
            + "sees their own team)")
    @WithSession
    public Uni<Pictures.Council> teams() {
        return council.of(access.scope(), LocalDate.now(clock));
    }

    @GET
    @Path("/workers/{id}")
    @RolesAllowed({Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER, Roles.HR_OFFICER})
    @Operation(summary = "A worker's picture: staffing facts, caseload and limits, absence, open alerts")
    @WithSession
    public Uni<Pictures.Worker> worker(@PathParam("id") UUID id) {
        TeamScope scope = access.scope();
        return WorkerView.<WorkerView>findById(id).chain(worker -> CaseloadView.<CaseloadView>findById(id)
                .chain(caseload -> WorkerAbsenceView.<WorkerAbsenceView>findById(id).chain(absence -> {
                    if (worker == null && caseload == null) {
                        throw ProblemException.notFound("Worker", id);
                    }
                    scope.require(worker != null ? worker.teamId : caseload.teamId);
                    return openAlerts("subjectId", id).map(open -> picture(id, worker, caseload, absence, open));
                })));
    }

    @GET
    @Path("/teams/{id}")
    @RolesAllowed({Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER, Roles.HR_OFFICER})
    @Operation(summary = "A team's picture: its workers with caseloads and limits, cases waiting, open alerts, "
            + "vacancies and agency cover, who is absent")
    @WithSession
    public Uni<Pictures.Team> team(@PathParam("id") UUID id) {
        access.requireTeam(id);
        LocalDate today = LocalDate.now(clock);
        // seven queries whatever the team's size: no query per worker or post
        return TeamView.<TeamView>findById(id).chain(team -> WorkerView.<WorkerView>list("teamId", id)
                .chain(workers -> CaseloadView.<CaseloadView>list("teamId", id)
                        .chain(caseloads -> absences(workers, caseloads)
                                .chain(absences -> PostView.<PostView>list("teamId", id)
                                        .chain(posts -> CaseView.<CaseView>list(
                                                        "teamId = ?1 and status = ?2 and workerId is null",
                                                        Sort.by("unallocatedSince"), id, CaseStatus.OPEN)
                                                .chain(waiting -> openAlerts("teamId", id).map(open -> {
                                                    if (team == null && workers.isEmpty() && caseloads.isEmpty()
                                                            && waiting.isEmpty() && posts.isEmpty()) {
                                                        throw ProblemException.notFound("Team", id);
                                                    }
                                                    List<Pictures.Worker> pictures =
                                                            workerPictures(workers, caseloads, absences, today);
                                                    return new Pictures.Team(id, team == null ? null : team.name,
                                                            pictures, waiting(waiting),
                                                            open.stream().map(alerts::state).toList(),
                                                            staffing(TeamStaffing.of(id, workers, posts, today), today),
                                                            absent(pictures),
                                                            Pictures.averageCaseload(pictures.stream()));
                                                })))))));
    }

    private static List<Pictures.WaitingCase> waiting(List<CaseView> waiting) {
        return waiting.stream().sorted(Comparator.comparing(c -> !c.category.isHighRisk()))
                .map(c -> new Pictures.WaitingCase(c.id, c.reference, c.category, c.unallocatedSince)).toList();
    }

    /** The census figures of {@link TeamStaffing}, with its posts and agency workers named. */
    private static Pictures.Staffing staffing(TeamStaffing staffing, LocalDate today) {
        List<Pictures.Post> posts = staffing.posts().stream().map(p -> {
            WorkerView holder = staffing.permanentHolders().get(p.id);
            List<UUID> cover = staffing.agency().stream().filter(w -> p.id.equals(w.postId)).map(w -> w.id).toList();
            return new Pictures.Post(p.id, p.role, p.fte, staffing.vacantPostIds().contains(p.id),
                    holder == null ? null : holder.id, cover);
        }).toList();
        List<Pictures.AgencyWorker> agency = staffing.agency().stream()
                .map(w -> new Pictures.AgencyWorker(w.id, w.name, w.fte, w.postId,
                        w.postId != null && staffing.vacantPostIds().contains(w.postId)))
                .toList();
        return new Pictures.Staffing(today, posts, staffing.postsFte(), staffing.vacantPostIds().size(),
                staffing.vacantFte(), staffing.permanent().size(), staffing.permanentFte(), agency,
                staffing.agencyFte(), staffing.agencyFteCoveringVacancies(), staffing.vacancyRate().orElse(null),
                staffing.agencyRate().orElse(null), staffing.agencyCoverOfVacancies().orElse(null));
    }

    /** The team's workers absent now, longest first: the same workers as the picture's, never why. */
    private static List<Pictures.AbsentWorker> absent(List<Pictures.Worker> workers) {
        return workers.stream().filter(Pictures.Worker::absent)
                .sorted(Comparator.comparing(Pictures.Worker::absentSince,
                                Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                        .thenComparing(Pictures.Worker::id))
                .map(w -> new Pictures.AbsentWorker(w.id(), w.name(), w.absentSince())).toList();
    }

    /** The absence status of the team's workers, whichever team sickness-service last named. */
    private static Uni<Map<UUID, WorkerAbsenceView>> absences(List<WorkerView> workers, List<CaseloadView> caseloads) {
        Set<UUID> ids = new LinkedHashSet<>();
        workers.forEach(w -> ids.add(w.id));
        caseloads.forEach(c -> ids.add(c.workerId));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return WorkerAbsenceView.<WorkerAbsenceView>list("workerId in ?1", ids)
                .map(rows -> rows.stream().collect(Collectors.toMap(a -> a.workerId, Function.identity())));
    }

    private Uni<List<Alert>> openAlerts(String field, UUID id) {
        return Alert.list(field + " = ?1 and status <> ?2", Sort.by("firedAt"), id, AlertStatus.RESOLVED);
    }

    /** The team's current workers, and any worker whose caseload is published before staffing's event. */
    private List<Pictures.Worker> workerPictures(List<WorkerView> workers, List<CaseloadView> caseloads,
                                                 Map<UUID, WorkerAbsenceView> absences, LocalDate today) {
        Map<UUID, WorkerView> byId = workers.stream().filter(w -> w.leftOn == null || !w.leftOn.isBefore(today))
                .collect(Collectors.toMap(w -> w.id, Function.identity()));
        Map<UUID, CaseloadView> loads = caseloads.stream().collect(Collectors.toMap(c -> c.workerId, Function.identity()));
        Set<UUID> known = workers.stream().map(w -> w.id).collect(Collectors.toSet());
        Set<UUID> ids = new LinkedHashSet<>(byId.keySet());
        loads.keySet().stream().filter(id -> !known.contains(id)).forEach(ids::add);
        return ids.stream().sorted()
                .map(id -> picture(id, byId.get(id), loads.get(id), absences.get(id), List.of())).toList();
    }

    private Pictures.Worker picture(UUID id, WorkerView worker, CaseloadView caseload, WorkerAbsenceView absence,
                                    List<Alert> open) {
        boolean absent = absence != null && absence.absent;
        LocalDate absentSince = absent ? absence.since : null;
        Pictures.Caseload figures = caseload == null ? null : new Pictures.Caseload(caseload.openCases,
                caseload.cpCases, caseload.limit, caseload.cpLimit, caseload.weightedLoad, caseload.weightedLimit,
                caseload.byCategory);
        List<AlertState> states = open.stream().map(alerts::state).toList();
        if (worker == null) {
            return new Pictures.Worker(id, null, null, caseload.teamId, null, null, null, null, figures, absent,
                    absentSince, states);
        }
        return new Pictures.Worker(id, worker.name, worker.role, worker.teamId, worker.fte, worker.employment,
                worker.startDate, worker.leftOn, figures, absent, absentSince, states);
    }
}
