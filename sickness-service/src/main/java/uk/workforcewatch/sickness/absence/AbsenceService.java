package uk.workforcewatch.sickness.absence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.events.absence.AbsenceEpisodeEvent;
import uk.workforcewatch.events.absence.AbsenceTopics;
import uk.workforcewatch.outbox.Outbox;
import uk.workforcewatch.problem.CalendarDates;
import uk.workforcewatch.problem.ProblemException;
import uk.workforcewatch.problem.Versions;
import uk.workforcewatch.sickness.api.Page;
import uk.workforcewatch.sickness.audit.AuditLog;
import uk.workforcewatch.sickness.security.Caller;
import uk.workforcewatch.sickness.staff.KnownWorker;
import uk.workforcewatch.sickness.staff.RowLock;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records absence episodes and their changes. Each command is one transaction that first locks the worker's
 * row, so commands on one worker's episodes take turns: two overlapping episodes recorded at once never both
 * go through, and the worker's absence status is published in order. The episode's event, and the worker's
 * status when it changes, are written to the outbox in the same transaction.
 */
@ApplicationScoped
public class AbsenceService {

    /** Stands in for "no end yet" in the overlap query: later than any real date, within PostgreSQL's range. */
    private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    private final EpisodeRules rules;
    private final EpisodeAsOf episodeAsOf;
    private final WorkerAbsence workerAbsence;
    private final AbsenceViews views;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;

    AbsenceService(EpisodeRules rules, EpisodeAsOf episodeAsOf, WorkerAbsence workerAbsence,
                   AbsenceViews views, AuditLog audit, Outbox outbox, Clock clock) {
        this.rules = rules;
        this.episodeAsOf = episodeAsOf;
        this.workerAbsence = workerAbsence;
        this.views = views;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @WithTransaction
    public Uni<AbsenceApi.AbsenceView> record(AbsenceApi.RecordAbsence request, Caller caller) {
        CalendarDates.require("startDate", request.startDate());
        CalendarDates.require("endDate", request.endDate());
        if (request.returnInterview() != null) {
            CalendarDates.require("returnInterview.heldOn", request.returnInterview().heldOn());
        }
        refuse("endDate", EpisodeRules.beforeStart(request.startDate(), request.endDate()));
        refuse("startDate", rules.tooFarAhead(request.startDate()));
        refuse("endDate", rules.tooFarAhead(request.endDate()));
        if (request.returnInterview() != null) {
            if (request.endDate() == null) {
                throw ProblemException.invalid("returnInterview", EpisodeRules.OPEN_WITH_INTERVIEW);
            }
            refuse("returnInterview.heldOn", rules.interviewDay(request.endDate(), request.returnInterview().heldOn()));
        }
        return RowLock.lockAndLoad(request.workerId()).chain(worker -> {
            if (worker == null) {
                throw ProblemException.invalid("workerId", "no worker has id " + request.workerId());
            }
            UUID team = worker.periodOn(request.startDate()).map(period -> period.teamId).orElse(worker.teamId);
            caller.scope().require(team);
            if (!worker.employedOn(request.startDate())) {
                throw ProblemException.conflict("Worker " + worker.id + " is not employed on " + request.startDate());
            }
            AbsenceEpisode episode = new AbsenceEpisode();
            episode.id = UUID.randomUUID();
            episode.workerId = worker.id;
            episode.teamId = team;
            episode.startDate = request.startDate();
            episode.endDate = request.endDate();
            episode.reason = request.reason();
            episode.certification = request.certification();
            if (request.returnInterview() != null) {
                episode.returnInterviewOn = request.returnInterview().heldOn();
                episode.returnInterviewBy = request.returnInterview().heldBy().strip();
            }
            episode.recordedBy = caller.name();
            episode.publishedAsOf = today();
            return requireNoOverlap(episode)
                    .chain(() -> episode.persistAndFlush())
                    .chain(() -> publish(AbsenceEpisodeEvent.STARTED, episode))
                    .call(() -> workerAbsence.publishIfChanged(worker))
                    .map(recorded -> views.of(recorded, worker, today(), caller.seesReasons()));
        });
    }

    /** Corrects the reason or the certification; a change that changes nothing publishes nothing. */
    @WithTransaction
    public Uni<AbsenceApi.AbsenceView> change(UUID id, AbsenceApi.ChangeAbsence request, Caller caller) {
        if (request.reason() == null && request.certification() == null) {
            throw ProblemException.invalid("reason", "a change must name a reason or a certification");
        }
        return lock(id, request.version(), caller).chain(locked -> {
            AbsenceEpisode episode = locked.episode();
            long unchanged = episode.version;
            if (request.reason() != null) {
                episode.reason = request.reason();
            }
            if (request.certification() != null) {
                episode.certification = request.certification();
            }
            return Panache.flush().chain(() -> episode.version == unchanged ? Uni.createFrom().item(episode)
                    : publish(AbsenceEpisodeEvent.CHANGED, episode))
                    .map(changed -> views.of(changed, locked.worker(), today(), caller.seesReasons()));
        });
    }

    @WithTransaction
    public Uni<AbsenceApi.AbsenceView> end(UUID id, AbsenceApi.EndAbsence request, Caller caller) {
        CalendarDates.require("endDate", request.endDate());
        return lock(id, request.version(), caller).chain(locked -> {
            AbsenceEpisode episode = locked.episode();
            if (!episode.isOpen()) {
                throw ProblemException.conflict("Absence episode " + id + " ended on " + episode.endDate + " already");
            }
            refuse("endDate", EpisodeRules.beforeStart(episode.startDate, request.endDate()));
            refuse("endDate", rules.tooFarAhead(request.endDate()));
            episode.endDate = request.endDate();
            return Panache.flush().chain(() -> publish(AbsenceEpisodeEvent.ENDED, episode))
                    .call(() -> workerAbsence.publishIfChanged(locked.worker()))
                    .map(ended -> views.of(ended, locked.worker(), today(), caller.seesReasons()));
        });
    }

    /** Records (or corrects) the return-to-work interview of an ended episode. */
    @WithTransaction
    public Uni<AbsenceApi.AbsenceView> recordReturnInterview(UUID id, AbsenceApi.ReturnInterview request, Caller caller) {
        CalendarDates.require("heldOn", request.heldOn());
        return lock(id, request.version(), caller).chain(locked -> {
            AbsenceEpisode episode = locked.episode();
            if (episode.isOpen()) {
                throw ProblemException.conflict("Absence episode " + id
                        + " is still open: the return-to-work interview follows its end");
            }
            refuse("heldOn", rules.interviewDay(episode.endDate, request.heldOn()));
            long unchanged = episode.version;
            episode.returnInterviewOn = request.heldOn();
            episode.returnInterviewBy = request.heldBy().strip();
            return Panache.flush().chain(() -> episode.version == unchanged ? Uni.createFrom().item(episode)
                    : publish(AbsenceEpisodeEvent.RETURN_INTERVIEW_RECORDED, episode))
                    .map(recorded -> views.of(recorded, locked.worker(), today(), caller.seesReasons()));
        });
    }

    /** A 400 naming the field, when a rule found a fault. */
    private static void refuse(String field, String fault) {
        if (fault != null) {
            throw ProblemException.invalid(field, fault);
        }
    }

    /** One episode with its figures; the read is audited in the same transaction. */
    @WithTransaction
    public Uni<AbsenceApi.AbsenceView> get(UUID id, LocalDate asOf, Caller caller) {
        return AbsenceEpisode.<AbsenceEpisode>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Absence episode", id))
                .chain(episode -> {
                    caller.scope().require(episode.teamId);
                    return KnownWorker.<KnownWorker>findById(episode.workerId)
                            .map(worker -> views.of(episode, worker, asOf, caller.seesReasons()))
                            .call(() -> audit.record(caller, episode.workerId, "absence episode " + id));
                });
    }

    /** Episodes, latest first; a list of one worker's episodes is a read of their record, and audited. */
    @WithTransaction
    public Uni<Page<AbsenceApi.AbsenceView>> list(AbsenceFilter filter, int page, int size, Caller caller) {
        LocalDate today = today();
        return AbsenceEpisode.<AbsenceEpisode>find(filter.query(), Sort.descending("startDate").and("id"),
                        filter.parameters()).page(page, size).list()
                .chain(items -> AbsenceEpisode.count(filter.query(), filter.parameters())
                        .chain(total -> workers(items).map(workers -> new Page<>(items.stream()
                                .map(e -> views.of(e, workers.get(e.workerId), today, caller.seesReasons()))
                                .toList(), page, size, total))))
                .call(listed -> filter.workerId() == null || listed.items().isEmpty() ? Uni.createFrom().voidItem()
                        : audit.record(caller, filter.workerId(), "absence episodes of worker"));
    }

    /** The episode and its worker, the worker's row locked first; refuses another team's or a stale version. */
    private Uni<Locked> lock(UUID id, Long version, Caller caller) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("select worker_id from absence_episode where id = :id", UUID.class)
                        .setParameter("id", id).getResultList())
                .chain(owners -> {
                    if (owners.isEmpty()) {
                        throw ProblemException.notFound("Absence episode", id);
                    }
                    // the worker never changes, so their lock guards the episode read after it
                    return RowLock.lockAndLoad(owners.get(0));
                })
                .chain(worker -> AbsenceEpisode.<AbsenceEpisode>findById(id).map(episode -> {
                    caller.scope().require(episode.teamId);
                    Versions.requireCurrent("Absence episode " + id, version, episode.version);
                    return new Locked(worker, episode);
                }));
    }

    private record Locked(KnownWorker worker, AbsenceEpisode episode) {
    }

    /** Refuses (409) an episode that overlaps another of the worker's, naming the other. */
    private static Uni<Void> requireNoOverlap(AbsenceEpisode episode) {
        LocalDate last = episode.endDate == null ? OPEN_END : episode.endDate;
        return AbsenceEpisode.<AbsenceEpisode>find(
                        "workerId = ?1 and startDate <= ?2 and (endDate is null or endDate >= ?3)",
                        Sort.by("startDate"), episode.workerId, last, episode.startDate)
                .firstResult()
                .invoke(other -> {
                    if (other != null) {
                        throw ProblemException.conflict("Worker " + episode.workerId + " has absence episode "
                                + other.id + " from " + other.startDate + " to "
                                + (other.endDate == null ? "now (open)" : other.endDate)
                                + ", which overlaps: end or correct it first", Map.of("otherEpisodeId", other.id));
                    }
                }).replaceWithVoid();
    }

    /** The workers of these episodes, with their FTE history, in one query. */
    private static Uni<Map<UUID, KnownWorker>> workers(List<AbsenceEpisode> episodes) {
        List<UUID> ids = episodes.stream().map(e -> e.workerId).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return KnownWorker.<KnownWorker>find("select distinct w from KnownWorker w left join fetch w.periods"
                        + " where w.id in ?1", ids).list()
                .map(found -> found.stream().collect(Collectors.toMap(w -> w.id, Function.identity())));
    }

    private Uni<AbsenceEpisode> publish(String type, AbsenceEpisode episode) {
        return outbox.publish(AbsenceTopics.EPISODES, episodeAsOf.event(type, episode, today())).replaceWith(episode);
    }
}
