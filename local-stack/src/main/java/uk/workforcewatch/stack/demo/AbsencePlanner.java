package uk.workforcewatch.stack.demo;

import uk.workforcewatch.calendar.BradfordFactor;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.stack.demo.AbsencePlan.Absence;
import uk.workforcewatch.stack.demo.CouncilPlan.Worker;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static uk.workforcewatch.events.absence.AbsenceReason.INFECTION;
import static uk.workforcewatch.events.absence.AbsenceReason.INJURY;
import static uk.workforcewatch.events.absence.AbsenceReason.MINOR_ILLNESS;
import static uk.workforcewatch.events.absence.AbsenceReason.MUSCULOSKELETAL;
import static uk.workforcewatch.events.absence.AbsenceReason.OTHER;
import static uk.workforcewatch.events.absence.AbsenceReason.PREGNANCY_RELATED;
import static uk.workforcewatch.events.absence.AbsenceReason.STRESS_MENTAL_HEALTH;

/**
 * Draws a year of absence for the council's workers, about the 8 working days per FTE a year of children's
 * social workers (DOMAIN.md): mostly short spells of minor illness and infection, some of a week or two, and a
 * few long-term episodes, mostly stress and musculoskeletal, which lose the most days. Every ended episode has
 * its return-to-work interview in time, within three working days of the return (fewer where sickness-service
 * wants them sooner). Then the story: a team manager off long-term with stress for two to four weeks beyond
 * the long-term threshold (six to eight weeks at 28 days), a worker with CP cases off since last week, one
 * short spell from a week or two ago whose interview was never held, and a worker off two days at a time often
 * enough this year (five times at a trigger of 200) to be the only one whose Bradford factor reaches the
 * trigger. The thresholds are sickness-service's, as it answers them. Pure: only the seed, the council and
 * the thresholds decide.
 */
final class AbsencePlanner {

    /** Added to the council's seed: the absence draws from a random source of its own. */
    static final long SEED_OFFSET = 2;
    /** Calendar days kept free between two episodes of one worker: room for the interview. */
    private static final int GAP_DAYS = 7;
    /** Calendar days beyond which a fit note covers an episode. */
    private static final int SELF_CERTIFIED_DAYS = 7;

    private static final int[] SHORT_SPELLS = {0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4};
    private static final int[] SHORT_DAYS = {1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5};
    private static final List<AbsenceReason> SHORT_REASONS = List.of(MINOR_ILLNESS, MINOR_ILLNESS, MINOR_ILLNESS,
            MINOR_ILLNESS, MINOR_ILLNESS, MINOR_ILLNESS, MINOR_ILLNESS, INFECTION, INFECTION, INFECTION, INFECTION,
            INFECTION, MUSCULOSKELETAL, MUSCULOSKELETAL, MUSCULOSKELETAL, STRESS_MENTAL_HEALTH, STRESS_MENTAL_HEALTH,
            OTHER);
    /** A spell of one to three weeks: a bad back, a bereavement that turned to stress, a fall. */
    private static final double MEDIUM_CHANCE = 0.14;
    private static final List<AbsenceReason> MEDIUM_REASONS = List.of(STRESS_MENTAL_HEALTH, STRESS_MENTAL_HEALTH,
            STRESS_MENTAL_HEALTH, STRESS_MENTAL_HEALTH, MUSCULOSKELETAL, MUSCULOSKELETAL, MUSCULOSKELETAL, INFECTION,
            INJURY, OTHER);
    /** The reasons of the year's long-term episodes now over, one a worker. */
    private static final List<AbsenceReason> LONG_TERM_REASONS = List.of(STRESS_MENTAL_HEALTH, MUSCULOSKELETAL,
            STRESS_MENTAL_HEALTH, MUSCULOSKELETAL, STRESS_MENTAL_HEALTH, STRESS_MENTAL_HEALTH, MUSCULOSKELETAL);

    private static final WorkingDays WORKING_DAYS = WorkingDays.englandAndWales();

    private final Random random;
    private final CouncilPlan council;
    private final AbsenceThresholds thresholds;
    private final LocalDate today;
    /** The first day of the year drawn. */
    private final LocalDate from;
    /** Ended episodes, the story's aside, end by then: their interviews, within three working days, are past. */
    private final LocalDate lastEnd;
    private final Map<String, List<Absence>> byWorker = new LinkedHashMap<>();

    AbsencePlanner(long seed, CouncilPlan council, AbsenceThresholds thresholds) {
        this.random = new Random(seed + SEED_OFFSET);
        this.council = council;
        this.thresholds = thresholds;
        this.today = council.today();
        this.from = today.minusYears(1).plusDays(1);
        this.lastEnd = today.minusDays(8);
    }

    AbsencePlan plan() {
        council.workers().forEach(w -> byWorker.put(w.key(), new ArrayList<>()));
        String longTerm = longTermAbsence();
        String withCpCases = absenceWithCpCases();
        String overdue = interviewNeverHeld(longTerm, withCpCases);
        String frequent = frequentShortSpells(longTerm, withCpCases, overdue);
        longTermEpisodesOver();
        for (Worker worker : council.workers()) {
            if (worker.key().equals(frequent)) {
                continue;
            }
            LocalDate first = max(worker.startDate(), from);
            LocalDate last = worker.leaving() == null ? lastEnd
                    : min(worker.leaving().leftOn().minusDays(GAP_DAYS), lastEnd);
            if (ChronoUnit.DAYS.between(first, last) < 28) {
                continue;
            }
            double share = (ChronoUnit.DAYS.between(first, last) + 1) / 365.0;
            if (random.nextDouble() < MEDIUM_CHANCE * share) {
                place(worker, first, last, 6 + random.nextInt(10), pick(MEDIUM_REASONS), false);
            }
            int spells = (int) Math.floor(SHORT_SPELLS[random.nextInt(SHORT_SPELLS.length)] * share
                    + random.nextDouble());
            for (int i = 0; i < spells; i++) {
                place(worker, first, last, SHORT_DAYS[random.nextInt(SHORT_DAYS.length)], pick(SHORT_REASONS), false);
            }
        }
        byWorker.keySet().stream().filter(key -> !key.equals(frequent)).forEach(this::keepBelowBradfordTrigger);
        List<Absence> absences = byWorker.values().stream()
                .flatMap(list -> list.stream().sorted(Comparator.comparing(Absence::startDate))).toList();
        return new AbsencePlan(today, from, absences,
                new AbsencePlan.Story(longTerm, withCpCases, overdue, frequent), thresholds);
    }

    /**
     * Two working days off, S times, each with its interview on the return day: S² × 2S, the fewest spells that
     * reach the trigger (5 for 200: 250, whatever bank holidays fall near). Up to five, every other month back
     * from two months ago; more, evenly over the last eleven months.
     */
    private String frequentShortSpells(String... taken) {
        Worker worker = anyoneElse(taken);
        int spells = spellsToReach(thresholds.bradfordTrigger());
        for (int spell = spells; spell >= 1; spell--) {
            LocalDate first = spells <= 5 ? today.minusMonths(2L * spell) : today.minusDays(330L * spell / spells);
            LocalDate start = workingDayFrom(first);
            LocalDate end = workingDayFrom(start.plusDays(1));
            add(new Absence(worker.key(), start, end, pick(SHORT_REASONS), Certification.SELF_CERTIFIED,
                    workingDayFrom(end.plusDays(1)), interviewer(worker)));
        }
        return worker.key();
    }

    /** The fewest spells of two working days whose Bradford factor, S² × 2S, reaches the trigger. */
    static int spellsToReach(long trigger) {
        int spells = 1;
        while (BradfordFactor.score(spells, 2 * spells) < trigger) {
            spells++;
        }
        if (330 / spells < 2 + GAP_DAYS + 2) {
            throw new IllegalArgumentException("The demo's story cannot reach a Bradford trigger of " + trigger
                    + " with spells of two days in a year");
        }
        return spells;
    }

    /** The day, or the first working day after it (bank holidays are not working days). */
    private static LocalDate workingDayFrom(LocalDate day) {
        LocalDate working = day;
        while (!WORKING_DAYS.isWorkingDay(working)) {
            working = working.plusDays(1);
        }
        return working;
    }

    /** Drops the worker's latest short spells, then longer ones, while their Bradford factor reaches the trigger. */
    private void keepBelowBradfordTrigger(String workerKey) {
        List<Absence> absences = byWorker.get(workerKey);
        while (bradfordFactor(absences) >= thresholds.bradfordTrigger()) {
            Absence dropped = absences.stream().filter(a -> a.interviewOn() != null)
                    .max(Comparator.comparing((Absence a) -> ChronoUnit.DAYS.between(a.startDate(), a.endDate()) + 1
                                    < thresholds.longTermAfterDays())
                            .thenComparing(Absence::startDate))
                    .orElseThrow();
            absences.remove(dropped);
        }
    }

    private long bradfordFactor(List<Absence> absences) {
        BradfordFactor factor = new BradfordFactor(WORKING_DAYS, today);
        absences.forEach(a -> factor.add(a.startDate(), a.endDate()));
        return factor.score();
    }

    /**
     * The long-term episodes of the year, now over: from the long-term threshold to nine weeks beyond it (four to
     * thirteen weeks at 28 days), of workers (not the story's) employed the whole year, one each.
     */
    private void longTermEpisodesOver() {
        List<Worker> candidates = new ArrayList<>(council.workers().stream()
                .filter(w -> w.employment() == Employment.PERMANENT && w.employedOn(from) && w.employedOn(today)
                        && !StoryCast.isInStory(w.key()) && byWorker.get(w.key()).isEmpty())
                .toList());
        for (AbsenceReason reason : LONG_TERM_REASONS) {
            boolean placed = false;
            while (!placed && !candidates.isEmpty()) {
                Worker worker = candidates.remove(random.nextInt(candidates.size()));
                placed = place(worker, max(worker.startDate(), from), lastEnd,
                        thresholds.longTermAfterDays() + random.nextInt(64), reason, true);
            }
        }
    }

    /**
     * The story's team manager, holding no cases, off with stress for two to four weeks beyond the long-term
     * threshold (six to eight weeks at 28 days), a fit note in.
     */
    private String longTermAbsence() {
        Worker manager = council.workersOf(StoryCast.LONG_TERM_ABSENT_TEAM).stream()
                .filter(w -> w.role() == Role.TEAM_MANAGER && w.employedOn(today)).findFirst().orElseThrow();
        LocalDate start = Weekdays.onOrBefore(today.minusDays(thresholds.longTermAfterDays() + 14
                + random.nextInt(15)));
        add(new Absence(manager.key(), start, null, STRESS_MENTAL_HEALTH, Certification.FIT_NOTE, null, null));
        return manager.key();
    }

    /**
     * The social worker of the shown team (outside the rest of the story) holding the most CP cases, off since
     * five to eight working days ago with a bad back, still holding them all.
     */
    private String absenceWithCpCases() {
        Worker worker = council.workersOf(StoryCast.SHOWN_TEAM).stream()
                .filter(w -> w.role() == Role.SOCIAL_WORKER && w.employment() == Employment.PERMANENT
                        && !w.isPartTime() && w.employedOn(from) && w.employedOn(today)
                        && !StoryCast.isInStory(w.key()))
                .max(Comparator.comparingLong(this::cpCasesHeld)).orElseThrow();
        LocalDate start = Weekdays.before(today, 5 + random.nextInt(4));
        add(new Absence(worker.key(), start, null, MUSCULOSKELETAL, certification(start, today), null, null));
        return worker.key();
    }

    /** A permanent worker, not a manager, employed all year, outside the rest of the story; drawn at random. */
    private Worker anyoneElse(String... taken) {
        List<Worker> candidates = council.workers().stream()
                .filter(w -> w.employment() == Employment.PERMANENT && w.employedOn(from) && w.employedOn(today)
                        && w.role() != Role.TEAM_MANAGER && !StoryCast.isInStory(w.key())
                        && !List.of(taken).contains(w.key()))
                .toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    /**
     * A day or two of minor illness, back three to seven working days after the interview fell due (six to ten at
     * three days' grace); nobody has held the interview.
     */
    private String interviewNeverHeld(String... taken) {
        Worker worker = anyoneElse(taken);
        LocalDate returnDay = Weekdays.before(Weekdays.onOrBefore(today),
                thresholds.returnInterviewDueWithinWorkingDays() + 3 + random.nextInt(5));
        LocalDate end = Weekdays.onOrBefore(returnDay.minusDays(1));
        LocalDate start = Weekdays.before(end, random.nextInt(2));
        add(new Absence(worker.key(), start, end, MINOR_ILLNESS, Certification.SELF_CERTIFIED, null, null));
        return worker.key();
    }

    /**
     * An ended episode of the worker between {@code first} and {@code last}: {@code length} working days, or
     * calendar days when {@code calendar}; where it would touch another of theirs, tried elsewhere, and left
     * out after a few tries. Answers whether it was placed.
     */
    private boolean place(Worker worker, LocalDate first, LocalDate last, int length, AbsenceReason reason,
                          boolean calendar) {
        long room = ChronoUnit.DAYS.between(first, last) + 1;
        for (int attempt = 0; attempt < 20; attempt++) {
            LocalDate start = Weekdays.onOrAfter(first.plusDays(random.nextInt((int) room)));
            LocalDate end = calendar ? start.plusDays(length - 1) : Weekdays.after(start, length - 1);
            if (end.isAfter(last) || clashes(worker.key(), start, end)) {
                continue;
            }
            LocalDate interview = Weekdays.after(Weekdays.onOrAfter(end.plusDays(1)), random.nextInt(interviewDays()));
            add(new Absence(worker.key(), start, end, reason, certification(start, end), interview,
                    interviewer(worker)));
            return true;
        }
        return false;
    }

    /** Interviews are held on the return day or up to two weekdays after, and never later than they fall due. */
    private int interviewDays() {
        return Math.max(1, Math.min(3, thresholds.returnInterviewDueWithinWorkingDays()));
    }

    private boolean clashes(String workerKey, LocalDate start, LocalDate end) {
        return byWorker.get(workerKey).stream().anyMatch(other ->
                !start.isAfter(other.lastDayBy(today).plusDays(GAP_DAYS))
                        && !end.plusDays(GAP_DAYS).isBefore(other.startDate()));
    }

    private void add(Absence absence) {
        byWorker.get(absence.workerKey()).add(absence);
    }

    /** The worker's team manager holds it; a team manager's own, the head of service. */
    private String interviewer(Worker worker) {
        if (worker.role() == Role.TEAM_MANAGER) {
            return "Head of service";
        }
        return council.workersOf(worker.teamKey()).stream().filter(w -> w.role() == Role.TEAM_MANAGER)
                .map(Worker::name).findFirst().orElse("Team manager");
    }

    private long cpCasesHeld(Worker worker) {
        return council.casesHeldBy(worker.key()).stream().filter(c -> c.category() == CaseCategory.CP).count();
    }

    private static Certification certification(LocalDate start, LocalDate last) {
        return ChronoUnit.DAYS.between(start, last) + 1 > SELF_CERTIFIED_DAYS ? Certification.FIT_NOTE
                : Certification.SELF_CERTIFIED;
    }

    private AbsenceReason pick(List<AbsenceReason> reasons) {
        return reasons.get(random.nextInt(reasons.size()));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
