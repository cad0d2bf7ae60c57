package uk.workforcewatch.caseload.cases;

import uk.workforcewatch.events.caseload.CaseAllocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A case's holdings, oldest first, as its history in force gives them: worked out in memory alongside the rows a
 * command writes, so that the snapshot it publishes needs no read after the write.
 */
record Holdings(List<CaseAllocation> list) {

    Holdings {
        list = List.copyOf(list);
    }

    /** The holding still open ends on the date: from that day the case is someone else's, nobody's, or closed. */
    Holdings endedOn(LocalDate on) {
        List<CaseAllocation> ended = new ArrayList<>(list);
        ended.replaceAll(held -> held.endedOn() == null ? new CaseAllocation(held.workerId(), held.heldFrom(), on) : held);
        return new Holdings(ended);
    }

    /** The worker holds the case from the date; whoever held it until then stops that day. */
    Holdings heldBy(UUID worker, LocalDate from) {
        List<CaseAllocation> held = new ArrayList<>(endedOn(from).list);
        held.add(new CaseAllocation(worker, from, null));
        return new Holdings(held);
    }

    /** How many workers have held the case: one who held it again counts once. */
    int workers() {
        return (int) list.stream().map(CaseAllocation::workerId).distinct().count();
    }
}
