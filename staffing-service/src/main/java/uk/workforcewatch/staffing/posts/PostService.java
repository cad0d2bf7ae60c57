package uk.workforcewatch.staffing.posts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uk.workforcewatch.events.staffing.PostEvent;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.outbox.Outbox;
import uk.workforcewatch.problem.ProblemException;
import uk.workforcewatch.staffing.persistence.RowLock;
import uk.workforcewatch.staffing.api.Fte;
import uk.workforcewatch.staffing.asof.PublishedAsOf;
import uk.workforcewatch.problem.Versions;
import uk.workforcewatch.staffing.teams.Team;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The establishment of posts and recruitment to them; every change and its event commit together. */
@ApplicationScoped
public class PostService implements PublishedAsOf {

    private static final Logger LOG = Logger.getLogger(PostService.class);
    /** Posts a date of which has come since the day they were published as of: marked, one version more. */
    private static final String DUE = "update post set version = version + 1, published_as_of = :today"
            + " where id in (select p.id from post p where p.published_as_of < :today and ("
            + PublishedAsOf.came("p.established_on", "p.published_as_of")
            + " or " + PublishedAsOf.came("p.removed_on + 1", "p.published_as_of")
            + " or exists (select 1 from recruitment r where r.post_id = p.id and ("
            + PublishedAsOf.came("r.advertised_on", "p.published_as_of")
            + " or " + PublishedAsOf.came("r.offer_made_on", "p.published_as_of")
            + " or " + PublishedAsOf.came("r.starts_on", "p.published_as_of")
            + " or " + PublishedAsOf.came("r.withdrawn_on", "p.published_as_of") + ")))"
            + " order by p.id limit :limit for update) returning id";

    private final Outbox outbox;
    private final Clock clock;

    PostService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Post> establish(PostApi.EstablishPost request) {
        Post post = new Post();
        post.id = UUID.randomUUID();
        post.teamId = request.teamId();
        post.role = request.role();
        post.fte = Fte.of(request.fte());
        post.establishedOn = request.establishedOn();
        post.postNumber = request.postNumber();
        post.publishedAsOf = LocalDate.now(clock);
        return Team.findById(request.teamId()).invoke(team -> {
            if (team == null) {
                throw ProblemException.invalid("teamId", "no team has id " + request.teamId());
            }
        }).chain(() -> request.postNumber() == null ? Uni.createFrom().item(0L)
                : Post.count("postNumber", request.postNumber())).invoke(taken -> {
            if (taken > 0) {
                throw ProblemException.conflict("A post numbered " + request.postNumber() + " exists already");
            }
        }).chain(() -> post.persistAndFlush()).chain(() -> publish(PostEvent.ESTABLISHED, post));
    }

    @WithTransaction
    public Uni<Post> remove(UUID id, PostApi.RemovePost request) {
        return lockForChange(id).chain(post -> {
            Versions.requireCurrent("Post " + id, request.version(), post.version);
            if (post.removedOn != null) {
                throw ProblemException.conflict("Post " + id + " was removed on " + post.removedOn);
            }
            if (request.removedOn().isBefore(post.establishedOn)) {
                throw ProblemException.invalid("removedOn", "must not be before " + post.establishedOn
                        + ", when the post was established");
            }
            post.removedOn = request.removedOn();
            return Panache.flush().chain(() -> publish(PostEvent.REMOVED, post));
        });
    }

    @WithTransaction
    public Uni<Post> advertise(UUID id, PostApi.Advertise request) {
        return lockForChange(id).chain(post -> {
            Versions.requireCurrent("Post " + id, request.version(), post.version);
            if (post.openRecruitment().isPresent()) {
                throw ProblemException.conflict("Post " + id + " already has an open round of recruitment");
            }
            if (post.removedOn != null) {
                throw ProblemException.conflict("Post " + id + " was removed on " + post.removedOn);
            }
            if (request.advertisedOn().isBefore(post.establishedOn)) {
                throw ProblemException.invalid("advertisedOn", "must not be before the post was established on "
                        + post.establishedOn);
            }
            Recruitment round = new Recruitment();
            round.id = UUID.randomUUID();
            round.advertisedOn = request.advertisedOn();
            post.recruitment.add(round);
            return Panache.flush().chain(() -> publish(PostEvent.RECRUITMENT_CHANGED, post));
        });
    }

    @WithTransaction
    public Uni<Post> progress(UUID id, UUID roundId, PostApi.RecruitmentProgress request) {
        return lockForChange(id).chain(post -> {
            Versions.requireCurrent("Post " + id, request.version(), post.version);
            Recruitment round = post.recruitment(roundId)
                    .orElseThrow(() -> ProblemException.notFound("Recruitment round", roundId));
            if (!round.open()) {
                throw ProblemException.conflict("The round has ended (started or withdrawn): open a new one");
            }
            if (request.offerMadeOn() == null && request.startsOn() == null && request.withdrawnOn() == null) {
                throw ProblemException.invalid("offerMadeOn", "name an offerMadeOn, startsOn or withdrawnOn");
            }
            if (request.startsOn() != null && request.withdrawnOn() != null) {
                throw ProblemException.invalid("withdrawnOn", "a round that starts is not withdrawn");
            }
            LocalDate offer = request.offerMadeOn() != null ? request.offerMadeOn() : round.offerMadeOn;
            LocalDate starts = request.startsOn() != null ? request.startsOn() : round.startsOn;
            if (offer != null && offer.isBefore(round.advertisedOn)) {
                throw ProblemException.invalid("offerMadeOn", "must not be before the advert on " + round.advertisedOn);
            }
            if (starts != null && offer == null) {
                throw ProblemException.invalid("startsOn", "needs the date the offer was made");
            }
            if (starts != null && starts.isBefore(offer)) {
                throw ProblemException.invalid("startsOn", "must not be before the offer on " + offer);
            }
            if (request.withdrawnOn() != null && request.withdrawnOn().isBefore(round.advertisedOn)) {
                throw ProblemException.invalid("withdrawnOn", "must not be before the advert on " + round.advertisedOn);
            }
            round.offerMadeOn = offer;
            round.startsOn = starts;
            if (request.withdrawnOn() != null) {
                round.withdrawnOn = request.withdrawnOn();
            }
            return Panache.flush().chain(() -> publish(PostEvent.RECRUITMENT_CHANGED, post));
        });
    }

    /**
     * A date of the post changes what is true of it when it comes: its establishment (it counts in the structure,
     * vacant until filled), the day after its removal (it no longer counts), a round's milestone recorded ahead.
     * Publishes again the posts one of whose dates has come since their state was published as of, with a new
     * version: the update finds, locks, counts and marks them in one statement.
     */
    @Override
    public Uni<Integer> republishDue(LocalDate today, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DUE, UUID.class)
                        .setParameter("today", today).setParameter("limit", limit).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Post>of())
                        : Post.<Post>find("select distinct p from Post p left join fetch p.recruitment where p.id in ?1",
                                ids).list())
                .chain(posts -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Post post : posts) {
                        all = all.chain(() -> publish(PostEvent.CHANGED, post, today).replaceWithVoid());
                    }
                    return all.replaceWith(posts.size());
                });
    }

    @WithSession
    public Uni<Post> get(UUID id) {
        return find(id);
    }

    @WithSession
    public Uni<List<Post>> ofTeam(UUID teamId) {
        return Post.<Post>find("select distinct p from Post p left join fetch p.recruitment where p.teamId = ?1"
                + " order by p.establishedOn, p.id", teamId).list();
    }

    private static Uni<Post> find(UUID id) {
        return Post.<Post>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Post", id));
    }

    /** Reads the post to change it, locking its row so concurrent changes take turns. */
    private static Uni<Post> lockForChange(UUID id) {
        return RowLock.lock("post", id).chain(() -> find(id));
    }

    private Uni<Post> publish(String type, Post post) {
        return publish(type, post, LocalDate.now(clock));
    }

    /** Publishes the post as of the day, which becomes its marker. */
    private Uni<Post> publish(String type, Post post, LocalDate asOf) {
        post.publishedAsOf = asOf;
        PostEvent event = new PostEvent(UUID.randomUUID(), type, post.id, post.version, clock.instant(), post.state(asOf));
        LOG.infof("%s post=%s version=%d", type, post.id, post.version);
        return outbox.publish(StaffingTopics.POSTS, event).replaceWith(post);
    }
}
