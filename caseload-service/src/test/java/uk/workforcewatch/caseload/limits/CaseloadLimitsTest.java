package uk.workforcewatch.caseload.limits;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limit arithmetic of DOMAIN.md, rounding included, and weights from configuration. */
class CaseloadLimitsTest {

    private static CaseloadConfig config(Map<String, BigDecimal> weights, BigDecimal weightedFullTime) {
        return config(weights, weightedFullTime, null);
    }

    private static CaseloadConfig config(Map<String, BigDecimal> weights, BigDecimal weightedFullTime,
                                         BigDecimal asyeWeightedFullTime) {
        return new CaseloadConfig() {
            public int fullTimeLimit() { return 15; }
            public int asyeFullTimeLimit() { return 12; }
            public int cpLimitNumerator() { return 2; }
            public int cpLimitDenominator() { return 3; }
            public Map<String, BigDecimal> weights() { return weights; }
            public Optional<BigDecimal> weightedFullTimeLimit() { return Optional.ofNullable(weightedFullTime); }
            public Optional<BigDecimal> asyeWeightedFullTimeLimit() { return Optional.ofNullable(asyeWeightedFullTime); }
            public Duration leaverSweepEvery() { return Duration.ofMinutes(15); }
        };
    }

    private final CaseloadLimits plain = new CaseloadLimits(config(Map.of(), null));

    @Test
    void limitsAreProRataByFteAndRoundedDown() {
        assertEquals(15, plain.limit(Role.SOCIAL_WORKER, BigDecimal.ONE));
        assertEquals(10, plain.cpLimit(Role.SOCIAL_WORKER, BigDecimal.ONE));
        assertEquals(7, plain.limit(Role.SOCIAL_WORKER, new BigDecimal("0.5")));
        assertEquals(4, plain.cpLimit(Role.SOCIAL_WORKER, new BigDecimal("0.5")));
        assertEquals(12, plain.limit(Role.ASYE, BigDecimal.ONE));
        assertEquals(8, plain.cpLimit(Role.ASYE, BigDecimal.ONE));
        assertEquals(12, plain.limit(Role.SENIOR_PRACTITIONER, new BigDecimal("0.8")));
        assertEquals(9, plain.limit(Role.SOCIAL_WORKER, new BigDecimal("0.608108")));
    }

    @Test
    void withEveryWeightOneTheWeightedLimitAddsNoSecondBreach() {
        Caseload seven = caseload(CaseCategory.CIN, 7);
        List<Breach> breaches = plain.breachesIfAllocated(Role.SOCIAL_WORKER, new BigDecimal("0.5"), seven,
                CaseCategory.CIN);
        assertEquals(List.of(Limit.CASELOAD_LIMIT), breaches.stream().map(Breach::limit).toList());
    }

    @Test
    void configuredWeightsMakeDifficultWorkCountForMore() {
        CaseloadLimits weighted = new CaseloadLimits(config(Map.of("CP", new BigDecimal("2"), "COURT",
                new BigDecimal("1.5")), new BigDecimal("20")));
        Caseload load = new Caseload(Map.of(CaseCategory.CP, 8, CaseCategory.COURT, 2));
        assertEquals(new BigDecimal("19.00"), weighted.weightedLoad(load));
        List<Breach> breaches = weighted.breachesIfAllocated(Role.SOCIAL_WORKER, BigDecimal.ONE, load, CaseCategory.CP);
        assertEquals(List.of(Limit.WEIGHTED_LOAD_LIMIT), breaches.stream().map(Breach::limit).toList());
        assertEquals(new BigDecimal("21.00"), breaches.get(0).after());
        assertTrue(weighted.breachesIfAllocated(Role.SOCIAL_WORKER, BigDecimal.ONE, load, CaseCategory.CIN).isEmpty());
    }

    @Test
    void aNewlyQualifiedWorkersWeightedLimitIsTheAsyeLimitUnlessConfiguredWhateverTheOthersIs() {
        Map<String, BigDecimal> cpTwo = Map.of("CP", new BigDecimal("2"));
        CaseloadLimits byDefault = new CaseloadLimits(config(cpTwo, new BigDecimal("20")));
        assertEquals(new BigDecimal("20.00"), byDefault.weightedLimit(Role.SOCIAL_WORKER, BigDecimal.ONE));
        assertEquals(new BigDecimal("12.00"), byDefault.weightedLimit(Role.ASYE, BigDecimal.ONE));
        assertEquals(new BigDecimal("6.00"), byDefault.weightedLimit(Role.ASYE, new BigDecimal("0.5")));

        CaseloadLimits configured = new CaseloadLimits(config(cpTwo, new BigDecimal("20"), new BigDecimal("9")));
        assertEquals(new BigDecimal("20.00"), configured.weightedLimit(Role.SOCIAL_WORKER, BigDecimal.ONE));
        assertEquals(new BigDecimal("9.00"), configured.weightedLimit(Role.ASYE, BigDecimal.ONE));
        assertEquals(new BigDecimal("4.50"), configured.weightedLimit(Role.ASYE, new BigDecimal("0.5")));
        // 5 CIN and 2 CP: 9 points of 9, 7 cases of 12; one more CIN would be 10 points
        Caseload held = new Caseload(Map.of(CaseCategory.CIN, 5, CaseCategory.CP, 2));
        assertEquals(List.of(Limit.WEIGHTED_LOAD_LIMIT), configured.breachesIfAllocated(Role.ASYE, BigDecimal.ONE,
                held, CaseCategory.CIN).stream().map(Breach::limit).toList());
        assertTrue(byDefault.breachesIfAllocated(Role.ASYE, BigDecimal.ONE, held, CaseCategory.CIN).isEmpty());
    }

    @Test
    void aCaseChangingCategoryBreaksOnlyTheLimitsWhoseFiguresItRaisesAboveTheirMaximum() {
        BigDecimal half = new BigDecimal("0.5");   // 7 cases, 4 of them CP
        Caseload atLimit = new Caseload(Map.of(CaseCategory.CP, 4, CaseCategory.CIN, 3));
        Caseload over = new Caseload(Map.of(CaseCategory.CP, 5, CaseCategory.CIN, 4));
        assertEquals(List.of(Limit.CP_LIMIT), limits(plain.breachesIfRecategorised(Role.SOCIAL_WORKER, half, atLimit,
                CaseCategory.CIN, CaseCategory.CP)));
        assertEquals(List.of(), limits(plain.breachesIfRecategorised(Role.SOCIAL_WORKER, half, over,
                CaseCategory.CIN, CaseCategory.LAC)));
        assertEquals(List.of(), limits(plain.breachesIfRecategorised(Role.SOCIAL_WORKER, half, over,
                CaseCategory.CP, CaseCategory.CIN)));
        assertEquals(List.of(Limit.ASYE_HIGH_RISK_CASE), limits(plain.breachesIfRecategorised(Role.ASYE,
                BigDecimal.ONE, caseload(CaseCategory.CIN, 1), CaseCategory.CIN, CaseCategory.COURT)));
        assertEquals(List.of(), limits(plain.breachesIfRecategorised(Role.ASYE, BigDecimal.ONE,
                caseload(CaseCategory.COURT, 1), CaseCategory.COURT, CaseCategory.CP)));
        CaseloadLimits cpTwo = new CaseloadLimits(config(Map.of("CP", new BigDecimal("2")), null));
        assertEquals(List.of(Limit.WEIGHTED_LOAD_LIMIT), limits(cpTwo.breachesIfRecategorised(Role.SOCIAL_WORKER,
                BigDecimal.ONE, new Caseload(Map.of(CaseCategory.CP, 5, CaseCategory.CIN, 5)), CaseCategory.CIN,
                CaseCategory.CP)));
    }

    private static List<Limit> limits(List<Breach> breaches) {
        return breaches.stream().map(Breach::limit).toList();
    }

    @Test
    void aWeightForNoCategoryIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class,
                () -> new CaseloadLimits(config(Map.of("CHILD_PROTECTION", BigDecimal.TEN), null)));
    }

    private static Caseload caseload(CaseCategory category, int count) {
        Map<CaseCategory, Integer> counts = new EnumMap<>(CaseCategory.class);
        counts.put(category, count);
        return new Caseload(counts);
    }
}
