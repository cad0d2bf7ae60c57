package uk.workforcewatch.events.caseload;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One worker's holding of a case, by the dates the changes took effect (not when they were recorded): held from
 * {@code heldFrom} until {@code endedOn}, the day the change that ended it (a reallocation, an unallocation, the
 * worker's leaving or the case's closure) took effect, on which it is no longer theirs; empty while they hold it.
 * A case is held on a day when {@code heldFrom <= day < endedOn}. A holding ended on the day it began was recorded
 * but held on no day.
 */
public record CaseAllocation(UUID workerId, LocalDate heldFrom, LocalDate endedOn) {

    /** Held by the worker on the day. */
    public boolean heldOn(LocalDate day) {
        return !heldFrom.isAfter(day) && (endedOn == null || day.isBefore(endedOn));
    }
}
