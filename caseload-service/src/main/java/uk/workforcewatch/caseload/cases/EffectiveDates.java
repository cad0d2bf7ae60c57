package uk.workforcewatch.caseload.cases;

import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The dates changes take effect on. Records arrive late, so a change may be dated in the past, but never in the
 * future, before the case opened or before the change it follows: history is kept in the order it happened.
 */
@ApplicationScoped
public class EffectiveDates {

    private final Clock clock;

    EffectiveDates(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The date a change of who holds the case took effect: the one given, else today; 400 naming the field when out of bounds. */
    LocalDate ofChange(String field, LocalDate given, Case kase) {
        LocalDate date = given == null ? today() : given;
        notInFuture(field, date);
        notBefore(field, date, kase.openedOn, "the case was opened on " + kase.openedOn);
        notBefore(field, date, kase.changedOn, "the case's last change, which took effect on " + kase.changedOn);
        return date;
    }

    void notInFuture(String field, LocalDate date) {
        if (date.isAfter(today())) {
            throw ProblemException.invalid(field, "must not be in the future (today is " + today() + ")");
        }
    }

    static void notBefore(String field, LocalDate date, LocalDate bound, String what) {
        if (date.isBefore(bound)) {
            throw ProblemException.invalid(field, "must not be before " + what);
        }
    }

    /**
     * Since when a case that became unallocated on the date has waited: since that day began, however late it is
     * recorded; since now for a change that takes effect today.
     */
    Instant waitingSince(LocalDate effectiveOn) {
        return effectiveOn.isBefore(today()) ? effectiveOn.atStartOfDay(clock.getZone()).toInstant() : clock.instant();
    }

    Instant now() {
        return clock.instant();
    }
}
