package uk.workforcewatch.staffing.indicators;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.staffing.posts.Post;
import uk.workforcewatch.staffing.workers.Worker;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads what the census figures as of a date need, in two queries whatever the size of the council:
 * the workers employed at some time in the twelve months to the date (with their periods), and the
 * posts with their recruitment.
 */
@ApplicationScoped
public class CensusService {

    @WithSession
    public Uni<Census> as(LocalDate date, Optional<UUID> teamId) {
        LocalDate yearStart = date.minusYears(1).plusDays(1);
        String workersQuery = "select distinct w from Worker w left join fetch w.periods"
                + " where w.startDate <= ?1 and (w.leftOn is null or w.leftOn >= ?2)"
                + (teamId.isPresent()
                ? " and exists (select 1 from Worker x join x.periods p where x = w and p.teamId = ?3)" : "");
        String postsQuery = "select distinct p from Post p left join fetch p.recruitment"
                + " where p.establishedOn <= ?1" + (teamId.isPresent() ? " and p.teamId = ?2" : "");
        Uni<List<Worker>> workers = teamId.isPresent()
                ? Worker.<Worker>find(workersQuery, date, yearStart, teamId.get()).list()
                : Worker.<Worker>find(workersQuery, date, yearStart).list();
        return workers.chain(found -> (teamId.isPresent()
                ? Post.<Post>find(postsQuery, date, teamId.get()).list()
                : Post.<Post>find(postsQuery, date).list())
                .map(posts -> new Census(date, teamId, found, posts)));
    }
}
