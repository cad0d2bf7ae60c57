package uk.workforcewatch.gateway.census;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.caseload.CaseAllocation;
import uk.workforcewatch.events.staffing.PostState;
import uk.workforcewatch.events.staffing.WorkerState;
import uk.workforcewatch.gateway.view.AbsenceEpisodeView;
import uk.workforcewatch.gateway.view.CaseAllocationView;
import uk.workforcewatch.gateway.view.PostView;
import uk.workforcewatch.gateway.view.WorkerView;
import uk.workforcewatch.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Produces the census return from the gateway's view alone, in four queries whatever the size of the council: the
 * workers employed at some time in the collection year and the posts in the structure (as staffing last published
 * them), their holdings of cases and their absence episodes in the year. No service is asked.
 */
@ApplicationScoped
public class CensusReturns {

    private final CensusConfig config;
    private final WorkingDays workingDays;
    private final Clock clock;

    CensusReturns(CensusConfig config, WorkingDays workingDays, Clock clock) {
        this.config = config;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** The latest 30 September on or before today: the census's usual reference date. */
    public LocalDate defaultReferenceDate() {
        LocalDate today = LocalDate.now(clock);
        LocalDate thisYear = LocalDate.of(today.getYear(), 9, 30);
        return today.isBefore(thisYear) ? thisYear.minusYears(1) : thisYear;
    }

    @WithSession
    public Uni<CensusAssembler.Census> produce(LocalDate referenceDate) {
        String laCode = config.laCode().orElseThrow(() -> ProblemException.conflict(
                "The council's local authority code is not configured (census.la-code): no return without it"));
        LocalDate yearStart = CensusAssembler.collectionYearStart(referenceDate);
        return WorkerView.<WorkerView>list("lastEvent is not null and startDate <= ?1 and (leftOn is null or leftOn >= ?2)",
                        referenceDate, yearStart)
                .chain(workers -> PostView.<PostView>list("lastEvent is not null and establishedOn <= ?1", referenceDate)
                        .chain(posts -> {
                            List<UUID> ids = workers.stream().map(w -> w.id).toList();
                            return allocations(ids, yearStart, referenceDate)
                                    .chain(allocations -> absences(ids, yearStart, referenceDate)
                                            .map(absences -> new CensusFacts(
                                                    workers.stream().map(WorkerView::published).flatMap(Optional::stream)
                                                            .toList(),
                                                    posts.stream().map(PostView::published).flatMap(Optional::stream)
                                                            .toList(),
                                                    allocations, absences)));
                        }))
                .map(facts -> new CensusAssembler(referenceDate, workingDays)
                        .assemble(facts, laCode, config.softwareCode(), clock.instant()));
    }

    /** The workers' holdings of cases that overlap the year, by worker. */
    private static Uni<Map<UUID, List<CaseAllocation>>> allocations(List<UUID> workers, LocalDate yearStart,
                                                                    LocalDate last) {
        if (workers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return CaseAllocationView.<CaseAllocationView>list(
                        "workerId in ?1 and heldFrom <= ?2 and (endedOn is null or endedOn > ?3)", workers, last,
                        yearStart)
                .map(rows -> rows.stream().collect(Collectors.groupingBy(row -> row.workerId,
                        Collectors.mapping(CaseAllocationView::allocation, Collectors.toList()))));
    }

    /** The workers' absence episodes that overlap the year, by worker. */
    private static Uni<Map<UUID, List<CensusFacts.Spell>>> absences(List<UUID> workers, LocalDate yearStart,
                                                                    LocalDate last) {
        if (workers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return AbsenceEpisodeView.<AbsenceEpisodeView>list(
                        "workerId in ?1 and startDate <= ?2 and (endDate is null or endDate >= ?3)", workers, last,
                        yearStart)
                .map(rows -> rows.stream().collect(Collectors.groupingBy(row -> row.workerId,
                        Collectors.mapping(row -> new CensusFacts.Spell(row.startDate, row.endDate),
                                Collectors.toList()))));
    }
}
