package uk.workforcewatch.gateway.allocation;

import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.gateway.allocation.AllocationApi.Exclusion;
import uk.workforcewatch.gateway.allocation.AllocationApi.LeftOut;
import uk.workforcewatch.gateway.allocation.AllocationApi.Option;
import uk.workforcewatch.gateway.allocation.AllocationApi.Options;
import uk.workforcewatch.gateway.allocation.AllocationApi.Reason;
import uk.workforcewatch.gateway.view.CaseloadView;
import uk.workforcewatch.gateway.view.WorkerAbsenceView;
import uk.workforcewatch.gateway.view.WorkerView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who in a team could take one more case of a category today, and who is left out and why. Pure: it reads the
 * gateway's view rows it is given and nothing else.
 *
 * <p>Left out, with every reason that applies: support workers and team managers (not offered casework);
 * workers absent now; workers whose last day has come or whose first day has not; ASYE workers for CP and
 * court cases (held only jointly); workers one more case would take over their caseload limit, over their CP
 * limit (a CP case), or over their weighted limit (where weights are configured: only when the weighted load
 * has already reached the limit, since a case's weight is not in the view); workers whose caseload the gateway
 * has not heard of; and workers caseload-service places in the team whom staffing's event has not yet reached.
 *
 * <p>The others are ranked by room under the caseload limit after the allocation, most first; then by room
 * under the CP limit (less difficult work held first), then by weighted room where weights are configured,
 * then by name and id, so the same view always gives the same order.
 */
public final class AllocationOptions {

    /** Most room first; then most CP room, most weighted room; then by name and id. */
    static final Comparator<Option> RANKING = Comparator.comparingInt(Option::roomAfter).reversed()
            .thenComparing(Comparator.comparingInt(Option::cpRoomAfter).reversed())
            .thenComparing(AllocationOptions::weightedRoom,
                    Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(Option::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(Option::workerId);

    private static final Comparator<LeftOut> LEFT_OUT_ORDER = Comparator
            .comparing(LeftOut::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(LeftOut::workerId);

    private AllocationOptions() {
    }

    /**
     * @param workers    the team's workers, and any other worker the view knows of among those in
     *                   {@code caseloads} (so a worker who moved team is not taken for one staffing has not named)
     * @param caseloads  the caseloads of the team's workers, and those caseload-service places in the team
     * @param absences   the absence status of the team's workers (a worker never absent has none)
     */
    public static Options of(UUID teamId, CaseCategory category, LocalDate today, List<WorkerView> workers,
                             List<CaseloadView> caseloads, List<WorkerAbsenceView> absences) {
        Map<UUID, CaseloadView> loads = caseloads.stream()
                .collect(Collectors.toMap(c -> c.workerId, Function.identity(), (a, b) -> a));
        Map<UUID, WorkerAbsenceView> absence = absences.stream()
                .collect(Collectors.toMap(a -> a.workerId, Function.identity(), (a, b) -> a));
        Set<UUID> known = workers.stream().map(w -> w.id).collect(Collectors.toSet());
        List<Option> options = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        for (WorkerView worker : workers) {
            if (!teamId.equals(worker.teamId)) {
                continue;
            }
            CaseloadView load = loads.get(worker.id);
            List<Exclusion> reasons = reasons(worker, load, absence.get(worker.id), category, today);
            if (reasons.isEmpty()) {
                options.add(option(worker, load, category));
            } else {
                leftOut.add(new LeftOut(worker.id, worker.name, worker.role, worker.fte,
                        load == null ? null : load.openCases, load == null ? null : load.cpCases,
                        load == null ? null : load.limit, load == null ? null : load.cpLimit, reasons));
            }
        }
        caseloads.stream().filter(c -> teamId.equals(c.teamId) && !known.contains(c.workerId))
                .forEach(c -> leftOut.add(new LeftOut(c.workerId, null, null, null, c.openCases, c.cpCases, c.limit,
                        c.cpLimit, List.of(new Exclusion(Reason.STAFFING_NOT_KNOWN,
                        "caseload-service places this worker in the team; staffing's record has not arrived yet")))));
        options.sort(RANKING);
        leftOut.sort(LEFT_OUT_ORDER);
        return new Options(teamId, category, today, List.copyOf(options), List.copyOf(leftOut));
    }

    /** Every reason the worker may not take the case; empty when they may. */
    static List<Exclusion> reasons(WorkerView worker, CaseloadView load, WorkerAbsenceView absence,
                                   CaseCategory category, LocalDate today) {
        List<Exclusion> reasons = new ArrayList<>();
        if (worker.role == Role.SUPPORT_WORKER) {
            reasons.add(new Exclusion(Reason.ROLE_DOES_NOT_HOLD_CASES,
                    "support workers are not qualified social workers and do not hold statutory cases"));
        } else if (worker.role == Role.TEAM_MANAGER) {
            reasons.add(new Exclusion(Reason.ROLE_DOES_NOT_HOLD_CASES,
                    "team managers allocate and supervise the team's cases rather than hold them"));
        }
        if (worker.leftOn != null && !worker.leftOn.isAfter(today)) {
            reasons.add(new Exclusion(Reason.LEFT, worker.leftOn.isEqual(today) ? "today is their last day"
                    : "left on " + worker.leftOn));
        }
        if (worker.startDate != null && worker.startDate.isAfter(today)) {
            reasons.add(new Exclusion(Reason.NOT_STARTED, "starts on " + worker.startDate));
        }
        if (absence != null && absence.absent) {
            reasons.add(new Exclusion(Reason.ABSENT,
                    absence.since == null ? "absent now" : "absent since " + absence.since));
        }
        if (worker.role == Role.ASYE && category.isHighRisk()) {
            reasons.add(new Exclusion(Reason.ASYE_HIGH_RISK_CASE,
                    "newly qualified (ASYE): " + category + " cases are held only jointly"));
        }
        if (load == null) {
            reasons.add(new Exclusion(Reason.NO_CASELOAD_YET,
                    "caseload-service's figures for this worker have not arrived yet"));
            return reasons;
        }
        if (load.openCases + 1 > load.limit) {
            reasons.add(new Exclusion(Reason.OVER_CASELOAD_LIMIT,
                    load.openCases + " cases held, limit " + load.limit));
        }
        if (category == CaseCategory.CP && load.cpCases + 1 > load.cpLimit) {
            reasons.add(new Exclusion(Reason.OVER_CP_LIMIT,
                    load.cpCases + " CP cases held, CP limit " + load.cpLimit));
        }
        if (load.weightsConfigured && load.weightedLoad.compareTo(load.weightedLimit) >= 0) {
            reasons.add(new Exclusion(Reason.OVER_WEIGHTED_LIMIT,
                    "weighted load " + load.weightedLoad + " already at or over its limit " + load.weightedLimit));
        }
        return reasons;
    }

    private static Option option(WorkerView worker, CaseloadView load, CaseCategory category) {
        int cpAfter = load.cpCases + (category == CaseCategory.CP ? 1 : 0);
        return new Option(worker.id, worker.name, worker.role, worker.employment, worker.fte, load.openCases,
                load.cpCases, load.limit, load.cpLimit, load.limit - load.openCases - 1, load.cpLimit - cpAfter,
                load.weightsConfigured ? load.weightedLoad : null, load.weightsConfigured ? load.weightedLimit : null);
    }

    private static BigDecimal weightedRoom(Option option) {
        return option.weightedLimit() == null ? null : option.weightedLimit().subtract(option.weightedLoad());
    }
}
