package uk.workforcewatch.staffing.workers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uk.workforcewatch.events.staffing.LeaverDestination;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.outbox.Outbox;
import uk.workforcewatch.problem.ProblemException;
import uk.workforcewatch.staffing.persistence.RowLock;
import uk.workforcewatch.staffing.api.Page;
import uk.workforcewatch.staffing.asof.PublishedAsOf;
import uk.workforcewatch.problem.Versions;
import uk.workforcewatch.staffing.posts.Post;
import uk.workforcewatch.staffing.teams.Team;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Hires workers and records their changes and leaving; every change and its event commit together. */
@ApplicationScoped
public class WorkerService implements PublishedAsOf {

    private static final Logger LOG = Logger.getLogger(WorkerService.class);
    /** Workers a date of whom has come since the day they were published as of: marked, one version more. */
    private static final String DUE = "update worker set version = version + 1, published_as_of = :today"
            + " where id in (select w.id from worker w where w.published_as_of < :today and ("
            + PublishedAsOf.came("w.start_date", "w.published_as_of")
            + " or " + PublishedAsOf.came("w.left_on + 1", "w.published_as_of")
            + " or exists (select 1 from worker_period p where p.worker_id = w.id and "
            + PublishedAsOf.came("p.effective_from", "w.published_as_of") + "))"
            + " order by w.id limit :limit for update) returning id";

    private final Outbox outbox;
    private final Clock clock;

    WorkerService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @WithTransaction
    public Uni<Worker> hire(WorkerApi.HireWorker request) {
        Worker worker = new Worker();
        worker.id = UUID.randomUUID();
        worker.staffNumber = request.staffNumber();
        worker.name = request.name().strip();
        worker.employment = request.employment();
        worker.startDate = request.startDate();
        worker.registrationNumber = request.registrationNumber();
        worker.origin = request.origin();
        if (request.qualification() != null) {
            worker.qualification(request.qualification().toQualification());
        }
        worker.censusRole = request.censusRole();
        worker.careerStage = request.careerStage();
        worker.publishedAsOf = today();
        worker.periods.add(new Period(request.startDate(), request.role(), request.teamId(), request.fte(),
                request.postId()));
        return requireTeam(request.teamId())
                .chain(() -> requirePost(request.postId(), request.teamId(), request.role(), request.startDate()))
                .chain(() -> requireStaffNumberFree(request.staffNumber(), worker.id))
                .chain(() -> worker.persistAndFlush())
                .chain(() -> publish(WorkerEvent.HIRED, worker));
    }

    @WithTransaction
    public Uni<Worker> change(UUID id, WorkerApi.ChangeWorker request) {
        if (request.namesNothing()) {
            throw ProblemException.invalid("effectiveFrom", "a change must name a role, teamId, fte, postId or vacatePost");
        }
        return lockForChange(id).chain(worker -> {
            Versions.requireCurrent("Worker " + id, request.version(), worker.version);
            LocalDate from = request.effectiveFrom();
            if (from.isBefore(worker.startDate)) {
                throw ProblemException.invalid("effectiveFrom", "must not be before the start date " + worker.startDate);
            }
            if (worker.leftOn != null && from.isAfter(worker.leftOn)) {
                throw ProblemException.invalid("effectiveFrom", "must not be after the leaving date " + worker.leftOn);
            }
            LocalDate latest = worker.periods.get(worker.periods.size() - 1).effectiveFrom;
            if (latest.isAfter(from)) {
                // a later period would silently undo this one from its own date on
                throw ProblemException.conflict("Worker " + id + " has a change recorded from " + latest
                        + ": record changes in date order");
            }
            Period before = worker.periodOn(from).orElseThrow();
            UUID team = request.teamId() != null ? request.teamId() : before.teamId;
            Role role = request.role() != null ? request.role() : before.role;
            boolean keepsPost = team.equals(before.teamId) && role == before.role;
            boolean vacate = request.vacatePost() || (!keepsPost && request.postId() == null);
            worker.change(from, request.role(), request.teamId(), request.fte(), request.postId(), vacate);
            long unchanged = worker.version;
            return requireTeam(team)
                    .chain(() -> requirePost(request.postId(), team, role, from))
                    .chain(Panache::flush)
                    .chain(() -> publishIfChanged(WorkerEvent.CHANGED, worker, unchanged));
        });
    }

    @WithTransaction
    public Uni<Worker> changeDetails(UUID id, WorkerApi.ChangeDetails request) {
        if (request.namesNothing()) {
            throw ProblemException.invalid("name", "a correction must name at least one of staffNumber, name, registrationNumber,"
                    + " origin, qualification, censusRole, careerStage, leavingReason, leavingDestination");
        }
        return lockForChange(id).chain(worker -> {
            long unchanged = worker.version;
            Versions.requireCurrent("Worker " + id, request.version(), worker.version);
            if (worker.leftOn == null && (request.leavingReason() != null || request.leavingDestination() != null)) {
                throw ProblemException.conflict("Worker " + id + " has not left: record their leaving first");
            }
            if (request.name() != null) {
                worker.name = request.name().strip();
            }
            if (request.staffNumber() != null) {
                worker.staffNumber = request.staffNumber();
            }
            if (request.registrationNumber() != null) {
                worker.registrationNumber = request.registrationNumber();
            }
            if (request.origin() != null) {
                worker.origin = request.origin();
            }
            if (request.qualification() != null) {
                worker.qualification(request.qualification().toQualification());
            }
            if (request.censusRole() != null) {
                worker.censusRole = request.censusRole();
            }
            if (request.careerStage() != null) {
                worker.careerStage = request.careerStage();
            }
            if (request.leavingReason() != null) {
                worker.leavingReason = request.leavingReason();
            }
            if (request.leavingDestination() != null) {
                worker.leavingDestination = request.leavingDestination();
            }
            return requireStaffNumberFree(request.staffNumber(), worker.id).chain(Panache::flush)
                    .chain(() -> publishIfChanged(WorkerEvent.CHANGED, worker, unchanged));
        });
    }

    @WithTransaction
    public Uni<Worker> recordLeaving(UUID id, WorkerApi.RecordLeaving request) {
        return lockForChange(id).chain(worker -> {
            Versions.requireCurrent("Worker " + id, request.version(), worker.version);
            if (worker.leftOn != null) {
                throw ProblemException.conflict("Worker " + id + " already left on " + worker.leftOn);
            }
            if (request.leftOn().isBefore(worker.startDate)) {
                throw ProblemException.invalid("leftOn", "must not be before the start date " + worker.startDate);
            }
            if (worker.periods.get(worker.periods.size() - 1).effectiveFrom.isAfter(request.leftOn())) {
                throw ProblemException.conflict("Worker " + id + " has changes recorded after " + request.leftOn());
            }
            worker.leftOn = request.leftOn();
            worker.leavingReason = request.reason();
            // every leaver carries a census destination: one HR has not learnt yet is "not yet collected"
            worker.leavingDestination = request.destination() != null ? request.destination()
                    : LeaverDestination.NOT_YET_COLLECTED;
            return Panache.flush().chain(() -> publish(WorkerEvent.LEFT, worker));
        });
    }

    /**
     * A date recorded ahead changes what is true of the worker when it comes: their start (they are in post), a
     * period's first day (its role, team, FTE and post are current: a cover starts or ends), the day after their
     * last (they are no longer in post: the post they filled falls vacant). Publishes again the workers one of whose
     * dates has come since their state was published as of, with a new version: the update finds, locks, counts and
     * marks them in one statement, and a replica that comes second finds them marked.
     */
    @Override
    public Uni<Integer> republishDue(LocalDate today, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DUE, UUID.class)
                        .setParameter("today", today).setParameter("limit", limit).getResultList())
                .chain(ids -> load(ids).chain(workers -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Worker worker : workers) {
                        all = all.chain(() -> publish(WorkerEvent.CHANGED, worker, today).replaceWithVoid());
                    }
                    return all.replaceWith(ids.size());
                }));
    }

    @WithSession
    public Uni<Worker> get(UUID id) {
        return find(id);
    }

    /** Workers by their team and status today, by name. */
    @WithSession
    public Uni<Page<Worker>> list(UUID teamId, WorkerStatus status, int page, int size) {
        WorkerQuery query = new WorkerQuery(teamId, status, today());
        return Panache.getSession().chain(session -> query.bind(session.createNativeQuery(query.count(), Long.class))
                .getSingleResult()
                .chain(total -> query.bind(session.createNativeQuery(query.page(size, page * size), UUID.class))
                        .getResultList()
                        .chain(ids -> load(ids))
                        .map(workers -> new Page<>(workers, page, size, total))));
    }

    /** The workers with these ids, their periods fetched in the same query, in the order given. */
    private static Uni<List<Worker>> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Worker.<Worker>find("select distinct w from Worker w left join fetch w.periods where w.id in ?1", ids)
                .list().map(found -> {
                    Map<UUID, Worker> byId = found.stream().collect(Collectors.toMap(w -> w.id, Function.identity()));
                    List<Worker> ordered = new ArrayList<>(ids.size());
                    ids.forEach(id -> ordered.add(byId.get(id)));
                    return ordered;
                });
    }

    private static Uni<Worker> find(UUID id) {
        return Worker.<Worker>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Worker", id));
    }

    /** Reads the worker to change it, locking its row so concurrent changes take turns. */
    private static Uni<Worker> lockForChange(UUID id) {
        return RowLock.lock("worker", id).chain(() -> find(id));
    }

    /** A staff number is the key of one worker only. */
    private static Uni<Void> requireStaffNumberFree(String staffNumber, UUID workerId) {
        if (staffNumber == null) {
            return Uni.createFrom().voidItem();
        }
        return Worker.count("staffNumber = ?1 and id <> ?2", staffNumber, workerId).invoke(taken -> {
            if (taken > 0) {
                throw ProblemException.conflict("Another worker has staff number " + staffNumber);
            }
        }).replaceWithVoid();
    }

    private static Uni<Void> requireTeam(UUID teamId) {
        return Team.findById(teamId).invoke(team -> {
            if (team == null) {
                throw ProblemException.invalid("teamId", "no team has id " + teamId);
            }
        }).replaceWithVoid();
    }

    private static Uni<Void> requirePost(UUID postId, UUID teamId, Role role, LocalDate on) {
        if (postId == null) {
            return Uni.createFrom().voidItem();
        }
        return Post.<Post>findById(postId).invoke(post -> {
            if (post == null) {
                throw ProblemException.invalid("postId", "no post has id " + postId);
            }
            if (!post.teamId.equals(teamId)) {
                throw ProblemException.invalid("postId", "the post belongs to another team");
            }
            if (post.role != role) {
                throw ProblemException.invalid("postId", "the post is for a " + post.role + ", not a " + role);
            }
            if (!post.existsOn(on)) {
                throw ProblemException.invalid("postId", "the post is not in the establishment on " + on);
            }
        }).replaceWithVoid();
    }

    /** Publishes only when the flush changed the worker: a change that changes nothing is no event. */
    private Uni<Worker> publishIfChanged(String type, Worker worker, long versionBefore) {
        return worker.version == versionBefore ? Uni.createFrom().item(worker) : publish(type, worker);
    }

    private Uni<Worker> publish(String type, Worker worker) {
        return publish(type, worker, today());
    }

    /** Publishes the worker as of the day, which becomes their marker. */
    private Uni<Worker> publish(String type, Worker worker, LocalDate asOf) {
        worker.publishedAsOf = asOf;
        WorkerEvent event = new WorkerEvent(UUID.randomUUID(), type, worker.id, worker.version, clock.instant(),
                worker.state(worker.publishedAsOf));
        LOG.infof("%s worker=%s version=%d", type, worker.id, worker.version);
        return outbox.publish(StaffingTopics.WORKERS, event).replaceWith(worker);
    }
}
