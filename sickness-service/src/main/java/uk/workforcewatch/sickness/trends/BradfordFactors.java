package uk.workforcewatch.sickness.trends;

import uk.workforcewatch.calendar.BradfordFactor;
import uk.workforcewatch.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Bradford factor (see {@link BradfordFactor}) of every worker with a spell in the window. Pure: the spells are given. */
public final class BradfordFactors {

    private final WorkingDays workingDays;

    public BradfordFactors(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    public record Score(UUID workerId, int spells, int daysAbsent, long score) {
    }

    /** Every worker with a spell in the window, highest score first (then by worker id). */
    public List<Score> scores(LocalDate asOf, List<Spell> spells) {
        Map<UUID, BradfordFactor> byWorker = new LinkedHashMap<>();
        for (Spell spell : spells) {
            byWorker.computeIfAbsent(spell.workerId(), k -> new BradfordFactor(workingDays, asOf))
                    .add(spell.startDate(), spell.endDate());
        }
        return byWorker.entrySet().stream()
                .filter(e -> e.getValue().spells() > 0)
                .map(e -> new Score(e.getKey(), e.getValue().spells(), e.getValue().daysAbsent(), e.getValue().score()))
                .sorted(Comparator.comparingLong(Score::score).reversed().thenComparing(s -> s.workerId().toString()))
                .toList();
    }
}
