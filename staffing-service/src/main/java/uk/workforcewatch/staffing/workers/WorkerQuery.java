package uk.workforcewatch.staffing.workers;

import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The SQL that finds a page of workers by their team and status on a date. The team is the one of
 * the period in force that day (the first period for a worker not started yet).
 */
record WorkerQuery(UUID teamId, WorkerStatus status, LocalDate today) {

    String count() {
        return "select count(*) from worker w" + joinCurrentTeam() + where();
    }

    String page(int limit, int offset) {
        return "select w.id from worker w" + joinCurrentTeam() + where()
                + " order by w.name, w.id limit " + limit + " offset " + offset;
    }

    /** Binds the parameters the SQL uses. */
    <Q extends Mutiny.SelectionQuery<?>> Q bind(Q query) {
        if (teamId != null) {
            query.setParameter("team", teamId);
        }
        if (teamId != null || status != null) {
            query.setParameter("today", today);
        }
        return query;
    }

    private String joinCurrentTeam() {
        if (teamId == null) {
            return "";
        }
        return " join lateral (select p.team_id from worker_period p where p.worker_id = w.id"
                + " order by (p.effective_from <= :today) desc,"
                + " case when p.effective_from <= :today then p.effective_from end desc, p.effective_from"
                + " limit 1) now on true";
    }

    private String where() {
        StringBuilder where = new StringBuilder(" where true");
        if (teamId != null) {
            where.append(" and now.team_id = :team");
        }
        if (status != null) {
            where.append(switch (status) {
                case STARTING -> " and w.start_date > :today";
                case ACTIVE -> " and w.start_date <= :today and (w.left_on is null or w.left_on >= :today)";
                case LEFT -> " and w.left_on < :today";
            });
        }
        return where.toString();
    }
}
