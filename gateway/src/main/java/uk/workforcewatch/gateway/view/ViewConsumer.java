package uk.workforcewatch.gateway.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import uk.workforcewatch.consuming.Retry;
import uk.workforcewatch.events.DomainEvent;
import uk.workforcewatch.events.EventJson;
import uk.workforcewatch.events.absence.AbsenceEpisodeEvent;
import uk.workforcewatch.events.absence.AbsenceEpisodeState;
import uk.workforcewatch.events.absence.WorkerAbsenceEvent;
import uk.workforcewatch.events.absence.WorkerAbsenceState;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseEvent;
import uk.workforcewatch.events.caseload.CaseState;
import uk.workforcewatch.events.caseload.WorkerCaseload;
import uk.workforcewatch.events.caseload.WorkerCaseloadEvent;
import uk.workforcewatch.events.staffing.PostEvent;
import uk.workforcewatch.events.staffing.PostState;
import uk.workforcewatch.events.staffing.TeamEvent;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.events.staffing.WorkerState;
import uk.workforcewatch.gateway.alerts.Evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the gateway's view from every staffing, caseload and absence topic. Each record is applied only
 * when its version is newer than the one held, and the rules for its subject are evaluated, all in one
 * transaction: repeats, duplicates and replays change nothing. A change that fails is tried again with back-off
 * ({@link Retry}); a record that cannot be read, or whose change keeps failing, goes to the dead-letter topic with the
 * reason, and the consumer carries on.
 */
@ApplicationScoped
public class ViewConsumer {

    private static final Logger LOG = Logger.getLogger(ViewConsumer.class);
    private static final Supplier<Uni<Void>> NOTHING_TO_EVALUATE = () -> Uni.createFrom().voidItem();

    private final Evaluation evaluation;
    private final ObjectMapper json;
    private final Retry retry;

    ViewConsumer(Evaluation evaluation, ObjectMapper json, Retry retry) {
        this.evaluation = evaluation;
        this.json = json;
        this.retry = retry;
    }

    @Incoming("teams")
    public Uni<Void> onTeam(byte[] record) {
        TeamEvent event = EventJson.read(record, TeamEvent.class);
        return apply(event, id -> TeamView.<TeamView>findById(id), TeamView::new, view -> view.version, (TeamView view) -> {
            view.id = event.aggregateId();
            view.name = event.team().name();
            view.serviceArea = event.team().serviceArea() == null ? null : event.team().serviceArea().name();
            view.managerId = event.team().managerId();
            view.version = event.version();
            return NOTHING_TO_EVALUATE;
        });
    }

    @Incoming("workers")
    public Uni<Void> onWorker(byte[] record) {
        WorkerEvent event = EventJson.read(record, WorkerEvent.class);
        // a row from before the view kept events whole takes the same version again, to keep it
        return apply(event, id -> WorkerView.<WorkerView>findById(id), WorkerView::new,
                view -> view.lastEvent == null ? -1L : view.version, (WorkerView view) -> {
            UUID formerTeam = view.teamId;
            WorkerState state = event.worker();
            view.id = event.aggregateId();
            view.teamId = state.teamId();
            view.name = state.name();
            view.role = state.role();
            view.fte = fte(state.fte());
            view.employment = state.employment();
            view.postId = state.postId();
            view.startDate = state.startDate();
            view.leftOn = state.leftOn();
            view.version = event.version();
            view.lastEvent = EventJson.write(event);
            if (formerTeam == null || formerTeam.equals(view.teamId)) {
                return () -> evaluation.teams(Set.of(view.teamId));
            }
            // the teams' locks are the last a transaction takes
            return () -> evaluation.workerMoved(view.id, view.teamId)
                    .chain(() -> evaluation.teams(Set.of(view.teamId, formerTeam)));
        });
    }

    @Incoming("posts")
    public Uni<Void> onPost(byte[] record) {
        PostEvent event = EventJson.read(record, PostEvent.class);
        return apply(event, id -> PostView.<PostView>findById(id), PostView::new,
                view -> view.lastEvent == null ? -1L : view.version, (PostView view) -> {
            PostState state = event.post();
            view.id = event.aggregateId();
            view.teamId = state.teamId();
            view.role = state.role();
            view.fte = fte(state.fte());
            view.establishedOn = state.establishedOn();
            view.removedOn = state.removedOn();
            view.version = event.version();
            view.lastEvent = EventJson.write(event);
            return () -> evaluation.team(view.teamId);
        });
    }

    @Incoming("cases")
    public Uni<Void> onCase(byte[] record) {
        CaseEvent event = EventJson.read(record, CaseEvent.class);
        return apply(event, id -> CaseView.<CaseView>findById(id), CaseView::new, view -> view.version, (CaseView view) -> {
            CaseState state = event.caseState();
            view.id = event.aggregateId();
            view.teamId = state.teamId();
            view.reference = state.reference();
            view.category = state.category();
            view.status = state.status();
            view.workerId = state.workerId();
            view.unallocatedSince = state.unallocatedSince();
            view.version = event.version();
            return () -> CaseAllocationView.replace(view.id, state.allocations()).chain(() -> evaluation.kase(view));
        });
    }

    @Incoming("caseloads")
    public Uni<Void> onCaseload(byte[] record) {
        WorkerCaseloadEvent event = EventJson.read(record, WorkerCaseloadEvent.class);
        return apply(event, id -> CaseloadView.<CaseloadView>findById(id), CaseloadView::new, view -> view.version, (CaseloadView view) -> {
            WorkerCaseload state = event.caseload();
            view.workerId = event.aggregateId();
            view.teamId = state.teamId();
            view.openCases = state.openCases();
            view.cpCases = state.byCategory().getOrDefault(CaseCategory.CP, 0);
            view.byCategory = write(state);
            view.weightedLoad = state.weightedLoad();
            view.limit = state.limit();
            view.cpLimit = state.cpLimit();
            view.weightedLimit = state.weightedLimit();
            view.weightsConfigured = state.weightsConfigured();
            view.version = event.version();
            return () -> evaluation.worker(view.workerId);
        });
    }

    @Incoming("worker-absence")
    public Uni<Void> onWorkerAbsence(byte[] record) {
        WorkerAbsenceEvent event = EventJson.read(record, WorkerAbsenceEvent.class);
        return apply(event, id -> WorkerAbsenceView.<WorkerAbsenceView>findById(id), WorkerAbsenceView::new,
                view -> view.version, (WorkerAbsenceView view) -> {
                    WorkerAbsenceState state = event.absence();
                    view.workerId = event.aggregateId();
                    view.teamId = state.teamId();
                    view.absent = state.absent();
                    view.since = state.absent() ? state.since() : null;
                    view.episodeId = state.absent() ? state.episodeId() : null;
                    view.version = event.version();
                    return () -> AbsenceThresholdsView.keep(event.thresholds(), event.occurredAt())
                            .chain(() -> evaluation.worker(view.workerId));
                });
    }

    /**
     * The episode's days, certification and interview day; never its reason (see {@link AbsenceEpisodeView}). Both
     * absence topics bring sickness-service's thresholds, kept before the rules judge by them.
     */
    @Incoming("absence-episodes")
    public Uni<Void> onAbsenceEpisode(byte[] record) {
        AbsenceEpisodeEvent event = EventJson.read(record, AbsenceEpisodeEvent.class);
        return apply(event, id -> AbsenceEpisodeView.<AbsenceEpisodeView>findById(id), AbsenceEpisodeView::new,
                view -> view.version, (AbsenceEpisodeView view) -> {
                    AbsenceEpisodeState state = event.episode();
                    view.id = event.aggregateId();
                    view.workerId = state.workerId();
                    view.teamId = state.teamId();
                    view.startDate = state.startDate();
                    view.endDate = state.endDate();
                    view.certification = state.certification();
                    view.returnInterviewOn = state.returnInterviewOn();
                    view.version = event.version();
                    return () -> AbsenceThresholdsView.keep(event.thresholds(), event.occurredAt())
                            .chain(() -> evaluation.worker(view.workerId)).chain(() -> evaluation.episode(view))
                            .chain(() -> evaluation.teamOf(view.workerId));
                });
    }

    /**
     * Applies the event to the view row in one transaction, only when it is newer than what the row holds:
     * an absent row is created, an older or equal version is ignored. {@code copy} writes the event into
     * the row and says which rules to evaluate once the row is flushed. ({@code find} is a lambda, not a
     * method reference: Panache generates the entity's own static finders.)
     */
    private <V extends PanacheEntityBase> Uni<Void> apply(DomainEvent event,
                                                          Function<UUID, Uni<V>> find,
                                                          Supplier<V> create,
                                                          Function<V, Long> version,
                                                          Function<V, Supplier<Uni<Void>>> copy) {
        return retry.apply(event, () -> Panache.withTransaction(() -> find.apply(event.aggregateId()).chain(held -> {
            if (held != null && version.apply(held) >= event.version()) {
                return Uni.createFrom().voidItem();
            }
            V view = held != null ? held : create.get();
            Supplier<Uni<Void>> evaluate = copy.apply(view);
            return view.persistAndFlush().chain(() -> evaluate.get());
        }))).onFailure().invoke(e -> LOG.warnf(e, "Could not apply %s %s version %d: to the dead-letter topic",
                event.type(), event.aggregateId(), event.version()));
    }

    /** FTE as the database keeps it, so a figure reads the same whether it comes from an event or a row. */
    private static BigDecimal fte(BigDecimal fte) {
        return fte.setScale(6, RoundingMode.HALF_UP);
    }

    private String write(WorkerCaseload caseload) {
        try {
            return json.writeValueAsString(caseload.byCategory());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
