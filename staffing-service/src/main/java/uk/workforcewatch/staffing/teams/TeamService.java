package uk.workforcewatch.staffing.teams;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.events.staffing.TeamEvent;
import uk.workforcewatch.outbox.Outbox;
import uk.workforcewatch.problem.ProblemException;
import uk.workforcewatch.staffing.persistence.RowLock;
import uk.workforcewatch.problem.Versions;
import uk.workforcewatch.staffing.workers.Worker;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Creates and changes teams; every change and its event commit together. */
@ApplicationScoped
public class TeamService {

    private static final Logger LOG = Logger.getLogger(TeamService.class);

    private final Outbox outbox;
    private final Clock clock;

    TeamService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Team> create(TeamApi.CreateTeam request) {
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.name = request.name().strip();
        team.serviceArea = request.serviceArea();
        team.managerId = request.managerId();
        return requireNameFree(team.name, team.id)
                .chain(() -> requireWorker(team.managerId))
                .chain(() -> team.persistAndFlush())
                .chain(() -> publish(TeamEvent.CREATED, team));
    }

    @WithTransaction
    public Uni<Team> change(UUID id, TeamApi.ChangeTeam request) {
        if (request.name() == null && request.serviceArea() == null && request.managerId() == null) {
            throw ProblemException.invalid("name", "a change must name a name, serviceArea or managerId");
        }
        return lockForChange(id).chain(team -> {
            Versions.requireCurrent("Team " + id, request.version(), team.version);
            long unchanged = team.version;
            Uni<Void> checks = Uni.createFrom().voidItem();
            if (request.name() != null) {
                team.name = request.name().strip();
                checks = checks.chain(() -> requireNameFree(team.name, team.id));
            }
            if (request.serviceArea() != null) {
                team.serviceArea = request.serviceArea();
            }
            if (request.managerId() != null) {
                team.managerId = request.managerId();
                checks = checks.chain(() -> requireWorker(team.managerId));
            }
            return checks.chain(Panache::flush).chain(() -> team.version == unchanged ? Uni.createFrom().item(team)
                    : publish(TeamEvent.CHANGED, team));
        });
    }

    @WithSession
    public Uni<Team> get(UUID id) {
        return find(id);
    }

    @WithSession
    public Uni<List<Team>> list() {
        return Team.listAll(Sort.by("name"));
    }

    private static Uni<Team> find(UUID id) {
        return Team.<Team>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Team", id));
    }

    /** Reads the team to change it, locking its row so concurrent changes take turns. */
    private static Uni<Team> lockForChange(UUID id) {
        return RowLock.lock("team", id).chain(() -> find(id));
    }

    private Uni<Void> requireNameFree(String name, UUID id) {
        return Team.count("lower(name) = lower(?1) and id <> ?2", name, id).invoke(count -> {
            if (count > 0) {
                throw ProblemException.conflict("A team named '" + name + "' already exists");
            }
        }).replaceWithVoid();
    }

    private static Uni<Void> requireWorker(UUID workerId) {
        if (workerId == null) {
            return Uni.createFrom().voidItem();
        }
        return Worker.findById(workerId).invoke(worker -> {
            if (worker == null) {
                throw ProblemException.invalid("managerId", "no worker has id " + workerId);
            }
        }).replaceWithVoid();
    }

    private Uni<Team> publish(String type, Team team) {
        TeamEvent event = new TeamEvent(UUID.randomUUID(), type, team.id, team.version, clock.instant(), team.state());
        LOG.infof("%s team=%s version=%d", type, team.id, team.version);
        return outbox.publish(StaffingTopics.TEAMS, event).replaceWith(team);
    }
}
