package uk.workforcewatch.sickness.trends;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The trend figures against hand-worked numbers. The fixture, May and June 2025, one team:
 * <pre>
 * working days: May 2025 = 22 weekdays less 5 and 26 May (bank holidays) = 20; June 2025 = 21; both = 41
 * A 1.0 FTE  2 May (Fri) to 6 May (Tue), MINOR_ILLNESS: 2, 5 (holiday), 6 May      = 2 days, 5 calendar: short
 * B 0.5 FTE 19 May to 20 Jun, STRESS: May 19-23 (5) + 27-30 (4) = 9, June 2-20 = 15; 33 calendar days: long
 *           lost 9 × 0.5 = 4.5 in May, 15 × 0.5 = 7.5 in June
 * C 1.0 FTE 23 Jun, open, MUSCULOSKELETAL: to 30 June (the day asked about) 23-27, 30 = 6 days;
 *           8 calendar days counted to 30 June: short
 * D 1.0 FTE hired 16 June, never absent: employed 11 working days of June
 * available: May 20 + 10 + 20 = 50; June 21 + 10.5 + 21 + 11 = 63.5; total 113.5
 * lost:      May 2 + 4.5 = 6.5;      June 7.5 + 6 = 13.5;              total 20
 * time lost: May 6.5 / 50 = 0.1300;  June 13.5 / 63.5 = 0.2126;        total 20 / 113.5 = 0.1762
 * per FTE (lost ÷ (available ÷ working days)):
 *            May 6.5 × 20 / 50 = 2.60; June 13.5 × 21 / 63.5 = 4.46;   total 20 × 41 / 113.5 = 7.22
 * spells:    May A, B (short 1 of 2.00, long 1 of 4.50); June B, C (short 1 of 6.00, long 1 of 7.50);
 *            total 3 (short 2 of 8.00, long 1 of 12.00)
 * </pre>
 */
class AbsenceTrendsTest {

    static final UUID TEAM = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();
    static final LocalDate FROM = LocalDate.parse("2025-05-01");
    static final LocalDate TO = LocalDate.parse("2025-06-30");
    static final LocalDate HIRED = LocalDate.parse("2020-01-06");

    private final AbsenceTrends trends = new AbsenceTrends(WorkingDays.englandAndWales(), 28);

    private final Staff a = staff(HIRED, "1.0");
    private final Staff b = staff(HIRED, "0.5");
    private final Staff c = staff(HIRED, "1.0");
    private final Staff d = staff(LocalDate.parse("2025-06-16"), "1.0");
    private final List<Staff> staff = List.of(a, b, c, d);
    private final List<Spell> spells = List.of(
            spell(a, "2025-05-02", "2025-05-06", AbsenceReason.MINOR_ILLNESS),
            spell(b, "2025-05-19", "2025-06-20", AbsenceReason.STRESS_MENTAL_HEALTH),
            spell(c, "2025-06-23", null, AbsenceReason.MUSCULOSKELETAL));

    static Staff staff(LocalDate hired, String fte) {
        return new Staff(UUID.randomUUID(), hired, null,
                List.of(new Staff.Post(hired, TEAM, Role.SOCIAL_WORKER, new BigDecimal(fte))));
    }

    static Spell spell(Staff worker, String start, String end, AbsenceReason reason) {
        return new Spell(UUID.randomUUID(), worker.workerId(), TEAM, LocalDate.parse(start),
                end == null ? null : LocalDate.parse(end), reason, Certification.SELF_CERTIFIED, null);
    }

    static void assertRow(AbsenceTrends.Row row, String key, int workingDays, String available, String lost,
                          String perFte, String timeLost, int spells, int shortSpells, String shortLost, int longSpells,
                          String longLost) {
        assertEquals(key, row.key());
        assertEquals(workingDays, row.workingDays(), key);
        assertEquals(new BigDecimal(available), row.availableFteDays(), key);
        assertEquals(new BigDecimal(lost), row.daysLost(), key);
        assertEquals(new BigDecimal(perFte), row.daysLostPerFte(), key);
        assertEquals(new BigDecimal(timeLost), row.timeLost(), key);
        assertEquals(spells, row.spells(), key);
        assertEquals(shortSpells, row.shortTermSpells(), key);
        assertEquals(new BigDecimal(shortLost), row.shortTermDaysLost(), key);
        assertEquals(longSpells, row.longTermSpells(), key);
        assertEquals(new BigDecimal(longLost), row.longTermDaysLost(), key);
    }

    @Test
    void byMonthAsWorkedByHand() {
        var report = trends.report(FROM, TO, GroupBy.MONTH, null, staff, spells);
        assertEquals(2, report.rows().size());
        assertRow(report.rows().get(0), "2025-05", 20, "50.00", "6.50", "2.60", "0.1300", 2, 1, "2.00", 1, "4.50");
        assertEquals(LocalDate.parse("2025-05-31"), report.rows().get(0).to());
        assertRow(report.rows().get(1), "2025-06", 21, "63.50", "13.50", "4.46", "0.2126", 2, 1, "6.00", 1, "7.50");
        assertRow(report.total(), "total", 41, "113.50", "20.00", "7.22", "0.1762", 3, 2, "8.00", 1, "12.00");
    }

    @Test
    void monthsAtTheEdgesAreCutToThePeriod() {
        var report = trends.report(LocalDate.parse("2025-05-27"), LocalDate.parse("2025-06-03"), GroupBy.MONTH, null,
                List.of(b), List.of(spells.get(1)));
        // May 27-30 = 4 working days, June 2-3 = 2; B at 0.5 absent all of them: per FTE, 2.00 ÷ 0.5 = 4 in May
        assertRow(report.rows().get(0), "2025-05", 4, "2.00", "2.00", "4.00", "1.0000", 1, 0, "0.00", 1, "2.00");
        assertRow(report.rows().get(1), "2025-06", 2, "1.00", "1.00", "2.00", "1.0000", 1, 0, "0.00", 1, "1.00");
        assertEquals(LocalDate.parse("2025-05-27"), report.rows().get(0).from());
        assertEquals(LocalDate.parse("2025-06-03"), report.rows().get(1).to());
    }

    @Test
    void byReasonEveryReasonHasTheWholePopulationsAvailableDays() {
        var report = trends.report(FROM, TO, GroupBy.REASON, null, staff, spells);
        assertEquals(AbsenceReason.values().length, report.rows().size());
        var stress = report.rows().stream().filter(r -> r.key().equals("STRESS_MENTAL_HEALTH")).findFirst().orElseThrow();
        // 12 / 113.5 = 0.10573; 12 × 41 / 113.5 = 4.33
        assertRow(stress, "STRESS_MENTAL_HEALTH", 41, "113.50", "12.00", "4.33", "0.1057", 1, 0, "0.00", 1, "12.00");
        var injury = report.rows().stream().filter(r -> r.key().equals("INJURY")).findFirst().orElseThrow();
        assertRow(injury, "INJURY", 41, "113.50", "0.00", "0.00", "0.0000", 0, 0, "0.00", 0, "0.00");
        assertRow(report.total(), "total", 41, "113.50", "20.00", "7.22", "0.1762", 3, 2, "8.00", 1, "12.00");
    }

    @Test
    void byTeamEachDayCountsToTheTeamOfThatDayAndASpellToTheTeamOfItsFirstDay() {
        // E moves from OTHER to TEAM on 1 June, full time; absent 29 May to 3 June (Thu to Tue: 2 + 2 days)
        Staff e = new Staff(UUID.randomUUID(), HIRED, null, List.of(
                new Staff.Post(HIRED, OTHER, Role.SOCIAL_WORKER, BigDecimal.ONE),
                new Staff.Post(LocalDate.parse("2025-06-01"), TEAM, Role.SENIOR_PRACTITIONER, BigDecimal.ONE)));
        var spell = new Spell(UUID.randomUUID(), e.workerId(), OTHER, LocalDate.parse("2025-05-29"),
                LocalDate.parse("2025-06-03"), AbsenceReason.INJURY, Certification.SELF_CERTIFIED, null);
        var report = trends.report(FROM, TO, GroupBy.TEAM, null, List.of(a, e), List.of(spell));
        var rows = report.rows().stream().collect(java.util.stream.Collectors.toMap(AbsenceTrends.Row::key, r -> r));
        // TEAM: A 41 days + E's 21 June days = 62; OTHER: E's 20 May days, and E's spell with its 4 days
        assertEquals(new BigDecimal("62.00"), rows.get(TEAM.toString()).availableFteDays());
        assertEquals(new BigDecimal("0.00"), rows.get(TEAM.toString()).daysLost());
        assertEquals(new BigDecimal("20.00"), rows.get(OTHER.toString()).availableFteDays());
        assertEquals(new BigDecimal("4.00"), rows.get(OTHER.toString()).daysLost());
        assertEquals(1, rows.get(OTHER.toString()).spells());

        var byRole = trends.report(FROM, TO, GroupBy.ROLE, null, List.of(a, e), List.of(spell));
        assertEquals(List.of("SENIOR_PRACTITIONER", "SOCIAL_WORKER"), byRole.rows().stream().map(AbsenceTrends.Row::key).toList());
        assertEquals(new BigDecimal("4.00"), byRole.rows().get(1).daysLost());
        assertEquals(new BigDecimal("61.00"), byRole.rows().get(1).availableFteDays());

        var onlyTeam = trends.report(FROM, TO, GroupBy.TEAM, TEAM, List.of(a, e), List.of(spell));
        assertEquals(List.of(TEAM.toString()), onlyTeam.rows().stream().map(AbsenceTrends.Row::key).toList());
        assertEquals(new BigDecimal("62.00"), onlyTeam.total().availableFteDays());
        assertEquals(0, onlyTeam.total().spells());
    }

    @Test
    void anOpenSpellIsLongTermOnlyOnceItHasRunTheThresholdToTheEndOfThePeriod() {
        var open = spell(c, "2025-06-03", null, AbsenceReason.OTHER);
        // 3 to 30 June is 28 calendar days: long-term; to 29 June, 27: short
        assertEquals(1, trends.report(FROM, TO, GroupBy.MONTH, null, List.of(c), List.of(open)).total().longTermSpells());
        assertEquals(0, trends.report(FROM, LocalDate.parse("2025-06-29"), GroupBy.MONTH, null, List.of(c), List.of(open))
                .total().longTermSpells());
        // an ended spell is long-term by its whole length, even in a period that shows part of it
        var ended = spell(c, "2025-06-03", "2025-07-04", AbsenceReason.OTHER);
        assertEquals(1, trends.report(FROM, LocalDate.parse("2025-06-05"), GroupBy.MONTH, null, List.of(c),
                List.of(ended)).total().longTermSpells());
    }

    @Test
    void nobodyEmployedLeavesTheRatesEmpty() {
        var report = trends.report(FROM, TO, GroupBy.MONTH, null, List.of(), List.of());
        assertNull(report.total().timeLost());
        assertNull(report.total().daysLostPerFte());
        assertEquals(new BigDecimal("0.00"), report.total().daysLost());
    }
}
