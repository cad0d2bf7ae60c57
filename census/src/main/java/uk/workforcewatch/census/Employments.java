package uk.workforcewatch.census;

import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.events.staffing.WorkerState;

import java.time.LocalDate;
import java.util.Optional;

/** A published worker's employment read on a date: whether they were employed, and what was in force. */
public final class Employments {

    private Employments() {
    }

    /** Employed on the date: started and not yet past the last day. */
    public static boolean employedOn(WorkerState worker, LocalDate date) {
        return !date.isBefore(worker.startDate()) && (worker.leftOn() == null || !date.isAfter(worker.leftOn()));
    }

    /** The period in force on the date; empty before the first one. */
    public static Optional<WorkerPeriod> periodOn(WorkerState worker, LocalDate date) {
        WorkerPeriod found = null;
        for (WorkerPeriod period : worker.history()) {
            if (period.effectiveFrom().isAfter(date)) {
                break;
            }
            found = period;
        }
        return Optional.ofNullable(found);
    }

    /** The period in force on the date, or the first for a date before it. */
    public static WorkerPeriod periodOrFirst(WorkerState worker, LocalDate date) {
        return periodOn(worker, date).orElse(worker.history().get(0));
    }
}
