package uk.workforcewatch.stack.demo;

import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.absence.Certification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A year of the demo council's sickness absence: the episodes of the 12 months before {@code today}, each of a
 * worker employed on all its days, never two of one worker overlapping, every ended one with its return-to-work
 * interview but one. Pure and deterministic, like the {@link CouncilPlan} it is drawn for, planned with the
 * thresholds sickness-service judges by. Episodes are listed worker by worker, each worker's in date order: the
 * order the loader sends them.
 */
record AbsencePlan(LocalDate today, LocalDate from, List<Absence> absences, Story story,
                   AbsenceThresholds thresholds) {

    /** The absence of the council for the day, drawn from its own random source of the seed. */
    static AbsencePlan of(long seed, CouncilPlan council, AbsenceThresholds thresholds) {
        return new AbsencePlanner(seed, council, thresholds).plan();
    }

    /**
     * An episode: {@code endDate} empty while it is open, {@code interviewOn} and {@code interviewBy} empty
     * while no return-to-work interview has been held.
     */
    record Absence(String workerKey, LocalDate startDate, LocalDate endDate, AbsenceReason reason,
                   Certification certification, LocalDate interviewOn, String interviewBy) {

        /** The key the loader keeps the episode's id under. */
        String key() {
            return "absence of " + workerKey + " from " + startDate;
        }

        boolean isOpen() {
            return endDate == null;
        }

        /** The day after the last day absent; empty while open. */
        LocalDate returnDay() {
            return endDate == null ? null : endDate.plusDays(1);
        }

        /** The last day absent, or {@code today} while it is open. */
        LocalDate lastDayBy(LocalDate today) {
            return endDate == null ? today : endDate;
        }
    }

    /**
     * The absence the gateway's alerts tell of: a worker off long-term who holds no cases, a worker off a
     * week with CP cases, one ended episode with no interview, and the one worker whose short spells bring their
     * Bradford factor to the trigger. Keys of workers.
     */
    record Story(String longTermAbsent, String absentWithCpCases, String interviewOverdue, String bradfordTriggered) {
    }

    List<Absence> of(String workerKey) {
        return absences.stream().filter(a -> a.workerKey().equals(workerKey)).toList();
    }

    /** The worker's episode open today. */
    Absence openEpisodeOf(String workerKey) {
        return of(workerKey).stream().filter(Absence::isOpen).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no open episode of " + workerKey));
    }

    /** The worker's ended episode with no interview. */
    Absence overdueEpisodeOf(String workerKey) {
        return of(workerKey).stream().filter(a -> !a.isOpen() && a.interviewOn() == null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no episode awaiting an interview of " + workerKey));
    }

    /**
     * Working days lost from {@code from} to today (Monday to Friday, bank holidays not taken out, so a little
     * more than sickness-service counts), each times the worker's FTE.
     */
    BigDecimal daysLost(CouncilPlan council) {
        BigDecimal lost = BigDecimal.ZERO;
        for (Absence absence : absences) {
            BigDecimal fte = council.worker(absence.workerKey()).fte();
            lost = lost.add(fte.multiply(BigDecimal.valueOf(Weekdays.countInclusive(
                    max(absence.startDate(), from), absence.lastDayBy(today)))));
        }
        return lost.setScale(2, RoundingMode.HALF_UP);
    }

    /** Days lost ÷ the average FTE employed from {@code from} to today: the census's "days per FTE". */
    BigDecimal daysLostPerFte(CouncilPlan council) {
        BigDecimal available = BigDecimal.ZERO;
        for (CouncilPlan.Worker worker : council.workers()) {
            LocalDate first = max(worker.startDate(), from);
            LocalDate last = worker.leaving() == null ? today : min(worker.leaving().leftOn(), today);
            available = available.add(worker.fte().multiply(BigDecimal.valueOf(Weekdays.countInclusive(first, last))));
        }
        BigDecimal averageFte = available.divide(BigDecimal.valueOf(Weekdays.countInclusive(from, today)), 6,
                RoundingMode.HALF_UP);
        return daysLost(council).divide(averageFte, 1, RoundingMode.HALF_UP);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return Objects.requireNonNull(a).isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
