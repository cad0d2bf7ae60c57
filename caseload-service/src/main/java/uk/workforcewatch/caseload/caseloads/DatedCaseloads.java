package uk.workforcewatch.caseload.caseloads;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.caseload.limits.Caseload;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Caseloads as they stood at the end of a past day, from the dated history alone: the changes in force that held
 * each case that day, the category each case had then, and the role, team and FTE each worker had then. A fixed
 * handful of set-based statements whatever the council's size.
 */
@ApplicationScoped
public class DatedCaseloads {

    /** The changes in force that held a case on :day. */
    private static final String HELD_ON = "a.superseded_by is null and a.change <> 'STRUCK_OUT'"
            + " and a.effective_on <= :day and (a.ended_on is null or a.ended_on > :day)";
    /** The category case c had on :day. */
    private static final String CATEGORY_ON = "(select cc.category from case_category cc where cc.case_id = c.id"
            + " and cc.effective_from <= :day order by cc.effective_from desc, cc.id desc limit 1)";
    /** Workers employed on :day (and not yet gone: their cases go on the leaving day) with the period then in force. */
    private static final String STAFF_ON = "select p.worker_id, p.team_id, p.role, p.fte from ("
            + " select distinct on (wp.worker_id) wp.worker_id, wp.team_id, wp.role, wp.fte from worker_period wp"
            + " where wp.effective_from <= :day %s order by wp.worker_id, wp.effective_from desc) p"
            + " join worker w on w.id = p.worker_id"
            + " where w.start_date <= :day and (w.left_on is null or w.left_on > :day) %s";

    /**
     * Cases open on :day that no change in force held, each waiting since the latest change that left it so, or
     * since it opened.
     */
    private static final String WAITING_ON = "select c.id, c.team_id, c.reference, " + CATEGORY_ON
            + ", coalesce((select max(a.effective_on) from allocation a where a.case_id = c.id and a.worker_id is null"
            + " and a.superseded_by is null and a.change <> 'STRUCK_OUT' and a.effective_on <= :day), c.opened_on)"
            + " from case_file c where %s c.opened_on <= :day and (c.closed_on is null or c.closed_on > :day)"
            + " and not exists (select 1 from allocation a where a.case_id = c.id and a.worker_id is not null and "
            + HELD_ON + ") order by 5, 1";

    /** A worker on the day: team, role and FTE then. */
    public record Staffed(UUID workerId, UUID teamId, Role role, BigDecimal fte) {
    }

    /** A case open on the day that nobody held, waiting since the day it became so. */
    public record Waiting(UUID caseId, UUID teamId, String reference, CaseCategory category, LocalDate since) {
    }

    /** The cases each worker held on the day, counted by the category each had then; absent workers held none. */
    public Uni<Map<UUID, Caseload>> heldOn(Collection<UUID> workerIds, LocalDate day) {
        if (workerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return rows("select a.worker_id, " + CATEGORY_ON + ", count(*) from allocation a join case_file c"
                + " on c.id = a.case_id where a.worker_id in (:workers) and " + HELD_ON + " group by 1, 2",
                Map.of("workers", workerIds, "day", day))
                .map(rows -> {
                    Map<UUID, Map<CaseCategory, Integer>> counts = new HashMap<>();
                    for (Object[] row : rows) {
                        counts.computeIfAbsent((UUID) row[0], id -> new EnumMap<>(CaseCategory.class))
                                .put(CaseCategory.valueOf((String) row[1]), ((Number) row[2]).intValue());
                    }
                    Map<UUID, Caseload> caseloads = new HashMap<>();
                    counts.forEach((worker, byCategory) -> caseloads.put(worker, new Caseload(byCategory)));
                    return caseloads;
                });
    }

    /** The team's workers on the day, each with the period then in force; a worker who moved team is in the one they were in. */
    public Uni<List<Staffed>> staffOn(UUID teamId, LocalDate day) {
        return staff(STAFF_ON.formatted(
                "and wp.worker_id in (select t.worker_id from worker_period t where t.team_id = :team)",
                "and p.team_id = :team"), Map.of("day", day, "team", teamId));
    }

    /** Every worker of the council on the day. */
    public Uni<List<Staffed>> staffOn(LocalDate day) {
        return staff(STAFF_ON.formatted("", ""), Map.of("day", day));
    }

    /** The worker on the day, if employed then. */
    public Uni<Staffed> workerOn(UUID workerId, LocalDate day) {
        return staff(STAFF_ON.formatted("and wp.worker_id = :worker", ""), Map.of("day", day, "worker", workerId))
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** The team's cases open on the day that no worker held, with the day each began to wait, longest first. */
    public Uni<List<Waiting>> waitingOn(UUID teamId, LocalDate day) {
        return waiting(WAITING_ON.formatted("c.team_id = :team and"), Map.of("team", teamId, "day", day));
    }

    /** Every such case of the council. */
    public Uni<List<Waiting>> waitingOn(LocalDate day) {
        return waiting(WAITING_ON.formatted(""), Map.of("day", day));
    }

    private static Uni<List<Waiting>> waiting(String sql, Map<String, Object> parameters) {
        return rows(sql, parameters).map(rows -> rows.stream().map(row -> new Waiting((UUID) row[0], (UUID) row[1],
                (String) row[2], CaseCategory.valueOf((String) row[3]), date(row[4]))).toList());
    }

    private static Uni<List<Staffed>> staff(String sql, Map<String, Object> parameters) {
        return rows(sql, parameters).map(rows -> rows.stream().map(row -> new Staffed((UUID) row[0], (UUID) row[1],
                Role.valueOf((String) row[2]), (BigDecimal) row[3])).toList());
    }

    private static Uni<List<Object[]>> rows(String sql, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    private static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
