package uk.workforcewatch.sickness.trends;

import uk.workforcewatch.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Bradford factor of each worker on a day: S = spells overlapping the 52 weeks (364 days) ending that day,
 * D = working days absent inside that window (not scaled by FTE; an open spell runs to the day), score S² × D.
 * Pure: the spells are given.
 */
public final class BradfordFactors {

    public static final int WINDOW_DAYS = 364;

    private final WorkingDays workingDays;

    public BradfordFactors(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    public record Score(UUID workerId, int spells, int daysAbsent, long score) {
    }

    /** The first day of the window ending {@code asOf}. */
    public static LocalDate windowStart(LocalDate asOf) {
        return asOf.minusDays(WINDOW_DAYS - 1);
    }

    public static long score(int spells, int days) {
        return (long) spells * spells * days;
    }

    /** Every worker with a spell in the window, highest score first (then by worker id). */
    public List<Score> scores(LocalDate asOf, List<Spell> spells) {
        LocalDate first = windowStart(asOf);
        Map<UUID, int[]> byWorker = new LinkedHashMap<>();
        for (Spell spell : spells) {
            if (spell.startDate().isAfter(asOf) || (spell.endDate() != null && spell.endDate().isBefore(first))) {
                continue;
            }
            LocalDate from = spell.startDate().isBefore(first) ? first : spell.startDate();
            int[] tally = byWorker.computeIfAbsent(spell.workerId(), k -> new int[2]);
            tally[0]++;
            tally[1] += workingDays.countInclusive(from, spell.lastCountedBy(asOf));
        }
        return byWorker.entrySet().stream()
                .map(e -> new Score(e.getKey(), e.getValue()[0], e.getValue()[1], score(e.getValue()[0], e.getValue()[1])))
                .sorted(Comparator.comparingLong(Score::score).reversed().thenComparing(s -> s.workerId().toString()))
                .toList();
    }
}
