package uk.workforcewatch.sickness.trends;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.Certification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BradfordFactorsTest {

    private final BradfordFactors bradford = new BradfordFactors(WorkingDays.englandAndWales());
    private static final LocalDate AS_OF = LocalDate.parse("2025-06-30");

    static Spell spell(UUID worker, String start, String end) {
        return new Spell(UUID.randomUUID(), worker, UUID.randomUUID(), LocalDate.parse(start),
                end == null ? null : LocalDate.parse(end), AbsenceReason.OTHER, Certification.SELF_CERTIFIED, null);
    }

    @Test
    void oneSpellOfTenDaysScoresTenAndTenSpellsOfOneDayAThousand() {
        UUID once = UUID.randomUUID();
        UUID often = UUID.randomUUID();
        List<Spell> spells = new ArrayList<>();
        spells.add(spell(once, "2025-03-03", "2025-03-14"));
        for (int week = 0; week < 10; week++) {
            String tuesday = LocalDate.parse("2025-03-04").plusWeeks(week).toString();
            spells.add(spell(often, tuesday, tuesday));
        }
        var scores = bradford.scores(AS_OF, spells);
        assertEquals(List.of(new BradfordFactors.Score(often, 10, 10, 1000), new BradfordFactors.Score(once, 1, 10, 10)),
                scores);
    }

    @Test
    void workersWithNoSpellInTheWindowAreLeftOut() {
        UUID worker = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        // 24 June to 5 July 2024: only 2-5 July (4 working days) inside; 23-30 June 2025 open: 23-27, 30 = 6
        var scores = bradford.scores(AS_OF, List.of(spell(worker, "2024-06-24", "2024-07-05"),
                spell(worker, "2025-06-23", null), spell(before, "2024-06-03", "2024-07-01")));
        assertEquals(List.of(new BradfordFactors.Score(worker, 2, 10, 40)), scores);
    }
}
