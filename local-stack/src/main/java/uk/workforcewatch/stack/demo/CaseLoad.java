package uk.workforcewatch.stack.demo;

import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.stack.demo.CouncilPlan.Case;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Opens the plan's cases in caseload-service, each already allocated to its worker in the same request
 * (one request a case; and a case opened days ago is never seen waiting, which would raise and resolve a
 * CASE_UNALLOCATED alert). Each team's own manager opens its cases; a senior manager opens, with the
 * reason, those that take a worker over a limit. Workers load side by side, but each worker's cases go one
 * after the other in the plan's order, so the ones within the limits all come before the overridden ones
 * and every figure comes out exactly as planned.
 */
final class CaseLoad {

    record OpenCase(String reference, CaseCategory category, UUID teamId, LocalDate openedOn, UUID workerId,
                    String overrideReason) {
    }

    private final ServiceCalls calls;
    private final URI caseload;
    private final DemoTokens tokens;
    private final CouncilPlan plan;
    private final LoadedIds ids;

    CaseLoad(ServiceCalls calls, URI caseload, DemoTokens tokens, CouncilPlan plan, LoadedIds ids) {
        this.calls = calls;
        this.caseload = caseload;
        this.tokens = tokens;
        this.plan = plan;
        this.ids = ids;
    }

    void send(Concurrently concurrently) throws InterruptedException {
        concurrently.forEach(sequences(), sequence -> {
            for (Case kase : sequence) {
                open(kase);
            }
        });
    }

    /** A sequence per worker, and one per team for its cases waiting for a worker. */
    private List<List<Case>> sequences() {
        Map<String, List<Case>> sequences = new LinkedHashMap<>();
        for (Case kase : plan.cases()) {
            String holder = kase.isAllocated() ? kase.workerKey() : "unallocated in " + kase.teamKey();
            sequences.computeIfAbsent(holder, any -> new ArrayList<>()).add(kase);
        }
        return List.copyOf(sequences.values());
    }

    private void open(Case kase) throws InterruptedException {
        UUID teamId = ids.of(kase.teamKey());
        String opener = kase.overrideReason() != null ? tokens.seniorManager() : tokens.teamManager(teamId);
        UUID worker = kase.isAllocated() ? ids.of(kase.workerKey()) : null;
        ids.put(kase.reference(), calls.create(caseload.resolve("/api/v1/cases"), opener, new OpenCase(
                kase.reference(), kase.category(), teamId, kase.openedOn(), worker, kase.overrideReason())));
    }
}
