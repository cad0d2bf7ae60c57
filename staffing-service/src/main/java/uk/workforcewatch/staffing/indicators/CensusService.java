package uk.workforcewatch.staffing.indicators;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.census.Indicators;
import uk.workforcewatch.census.WorkforceCensus;
import uk.workforcewatch.events.staffing.PostState;
import uk.workforcewatch.events.staffing.WorkerState;
import uk.workforcewatch.staffing.posts.Post;
import uk.workforcewatch.staffing.workers.Worker;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Loads what the census figures need, in two queries whatever the size of the council and however many dates
 * are asked for: the workers employed at some time in the twelve months to a date (with their periods), and the
 * posts with their recruitment. {@link WorkforceCensus} then keeps to each date's own facts, over the states
 * these publish.
 */
@ApplicationScoped
public class CensusService {

    @WithSession
    public Uni<WorkforceCensus> as(LocalDate date, Optional<UUID> teamId) {
        return load(date, date, teamId, facts -> facts.on(date));
    }

    /** The indicators on each of the dates, oldest first. */
    @WithSession
    public Uni<List<Indicators>> on(List<LocalDate> dates, Optional<UUID> teamId) {
        return load(dates.get(0), dates.get(dates.size() - 1), teamId,
                facts -> dates.stream().map(date -> facts.on(date).indicators()).toList());
    }

    private <T> Uni<T> load(LocalDate first, LocalDate last, Optional<UUID> teamId, Function<Facts, T> figures) {
        LocalDate yearStart = first.minusYears(1).plusDays(1);
        String workersQuery = "select distinct w from Worker w left join fetch w.periods"
                + " where w.startDate <= ?1 and (w.leftOn is null or w.leftOn >= ?2)"
                + (teamId.isPresent()
                ? " and exists (select 1 from Worker x join x.periods p where x = w and p.teamId = ?3)" : "");
        String postsQuery = "select distinct p from Post p left join fetch p.recruitment"
                + " where p.establishedOn <= ?1" + (teamId.isPresent() ? " and p.teamId = ?2" : "");
        Uni<List<Worker>> workers = teamId.isPresent()
                ? Worker.<Worker>find(workersQuery, last, yearStart, teamId.get()).list()
                : Worker.<Worker>find(workersQuery, last, yearStart).list();
        return workers.chain(found -> (teamId.isPresent()
                ? Post.<Post>find(postsQuery, last, teamId.get()).list()
                : Post.<Post>find(postsQuery, last).list())
                .map(posts -> figures.apply(new Facts(teamId, found.stream().map(w -> w.state(last)).toList(),
                        posts.stream().map(p -> p.state(last)).toList()))));
    }

    /** A superset of every date's workers and posts: the census keeps to those of its own date. */
    private record Facts(Optional<UUID> teamId, List<WorkerState> workers, List<PostState> posts) {
        WorkforceCensus on(LocalDate date) {
            return new WorkforceCensus(date, teamId, workers, posts);
        }
    }
}
