package uk.workforcewatch.sickness.trends;

import uk.workforcewatch.calendar.WorkingDays;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Return-to-work interviews: which are due and how timely they were. The return day is the day after the last
 * day absent (as the gateway's {@code RETURN_TO_WORK_OVERDUE} rule counts it); an interview is in time when held
 * no more than the allowed number of <em>working</em> days after the return day (on the return day, or on the
 * last day absent, is in time). Pure: the spells are given.
 */
public final class ReturnInterviews {

    private final WorkingDays workingDays;
    private final int dueWithinDays;

    public ReturnInterviews(WorkingDays workingDays, int dueWithinDays) {
        this.workingDays = workingDays;
        this.dueWithinDays = dueWithinDays;
    }

    /** A spell whose worker is back with no interview yet: working days since the return day, overdue past the allowance. */
    public record Due(Spell spell, LocalDate returnDay, int workingDaysSince, long calendarDaysSince, boolean overdue) {
    }

    public record Timeliness(LocalDate from, LocalDate to, int returns, int interviewsHeld, int heldInTime,
                             BigDecimal shareHeldInTime, int dueWithinWorkingDays) {
    }

    /** The day after the spell's last day absent; null while it is open. */
    public LocalDate returnDay(Spell spell) {
        return spell.endDate() == null ? null : spell.endDate().plusDays(1);
    }

    /** Ended spells with their return day on or before {@code asOf} and no interview, longest waiting first. */
    public List<Due> due(LocalDate asOf, List<Spell> spells) {
        return spells.stream()
                .filter(s -> s.endDate() != null && s.returnInterviewOn() == null && !returnDay(s).isAfter(asOf))
                .map(s -> {
                    LocalDate back = returnDay(s);
                    int since = workingDays.countAfter(back, asOf);
                    return new Due(s, back, since, asOf.toEpochDay() - back.toEpochDay(), since > dueWithinDays);
                })
                .sorted(Comparator.comparing(Due::returnDay).thenComparing(d -> d.spell().id().toString()))
                .toList();
    }

    public boolean heldInTime(Spell spell) {
        return spell.endDate() != null && spell.returnInterviewOn() != null
                && workingDays.countAfter(returnDay(spell), spell.returnInterviewOn()) <= dueWithinDays;
    }

    /** Of the spells whose return day falls in {@code from}..{@code to}: how many, how many interviewed, how many in time. */
    public Timeliness timeliness(LocalDate from, LocalDate to, List<Spell> spells) {
        List<Spell> returns = spells.stream().filter(s -> s.endDate() != null && !returnDay(s).isBefore(from)
                && !returnDay(s).isAfter(to)).toList();
        int held = (int) returns.stream().filter(s -> s.returnInterviewOn() != null).count();
        int inTime = (int) returns.stream().filter(this::heldInTime).count();
        BigDecimal share = returns.isEmpty() ? null
                : BigDecimal.valueOf(inTime).divide(BigDecimal.valueOf(returns.size()), 4, RoundingMode.HALF_UP);
        return new Timeliness(from, to, returns.size(), held, inTime, share, dueWithinDays);
    }
}
