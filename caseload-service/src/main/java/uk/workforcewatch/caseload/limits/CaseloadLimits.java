package uk.workforcewatch.caseload.limits;

import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.WorkerCaseload;
import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The caseload rules (DOMAIN.md): a worker's limit is floor(15 × FTE), floor(12 × FTE) for ASYE; the
 * CP limit floor(2/3 × limit); the weighted limit, where weights are configured, the weighted full-time
 * limit × FTE (the ASYE weighted full-time limit × FTE for ASYE). All numbers come from {@link CaseloadConfig}.
 */
@ApplicationScoped
public class CaseloadLimits {

    private final CaseloadConfig config;
    private final Map<CaseCategory, BigDecimal> weights = new EnumMap<>(CaseCategory.class);
    private final boolean weighted;

    CaseloadLimits(CaseloadConfig config) {
        this.config = config;
        for (CaseCategory category : CaseCategory.values()) {
            weights.put(category, BigDecimal.ONE);
        }
        config.weights().forEach((name, weight) -> {
            try {
                weights.put(CaseCategory.valueOf(name), weight);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("caseload.weights." + name + " names no case category");
            }
        });
        weighted = weights.values().stream().anyMatch(weight -> weight.compareTo(BigDecimal.ONE) != 0);
    }

    /** The worker's limit: the full-time limit of the role, pro-rata by FTE, rounded down. */
    public int limit(Role role, BigDecimal fte) {
        return fte.multiply(BigDecimal.valueOf(fullTime(role))).setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    public int cpLimit(Role role, BigDecimal fte) {
        return limit(role, fte) * config.cpLimitNumerator() / config.cpLimitDenominator();
    }

    public BigDecimal weightedLimit(Role role, BigDecimal fte) {
        BigDecimal fullTime = role == Role.ASYE
                ? config.asyeWeightedFullTimeLimit().orElse(BigDecimal.valueOf(config.asyeFullTimeLimit()))
                : config.weightedFullTimeLimit().orElse(BigDecimal.valueOf(config.fullTimeLimit()));
        return fullTime.multiply(fte).setScale(2, RoundingMode.HALF_UP);
    }

    public BigDecimal weightedLoad(Caseload caseload) {
        return caseload.byCategory().entrySet().stream()
                .map(entry -> weights.get(entry.getKey()).multiply(BigDecimal.valueOf(entry.getValue())))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    /** The limits that one more case of the category would break for this worker; empty when it is safe. */
    public List<Breach> breachesIfAllocated(Role role, BigDecimal fte, Caseload current, CaseCategory category) {
        return breaches(role, fte, current, current.plus(category));
    }

    /** The limits that one of the worker's cases changing category would break; empty when it is safe. */
    public List<Breach> breachesIfRecategorised(Role role, BigDecimal fte, Caseload current, CaseCategory from,
                                                CaseCategory to) {
        return breaches(role, fte, current, current.recategorised(from, to));
    }

    /**
     * The limits a change of the worker's caseload would break: each one whose figure the change takes above its
     * maximum, or further above it. A figure the change leaves as it is, or lowers, breaks nothing new, however high.
     */
    private List<Breach> breaches(Role role, BigDecimal fte, Caseload current, Caseload after) {
        List<Breach> breaches = new ArrayList<>();
        int limit = limit(role, fte);
        if (after.total() > limit && after.total() > current.total()) {
            breaches.add(breach(Limit.CASELOAD_LIMIT, current.total(), after.total(), limit));
        }
        int cpLimit = cpLimit(role, fte);
        if (after.of(CaseCategory.CP) > cpLimit && after.of(CaseCategory.CP) > current.of(CaseCategory.CP)) {
            breaches.add(breach(Limit.CP_LIMIT, current.of(CaseCategory.CP), after.of(CaseCategory.CP), cpLimit));
        }
        BigDecimal loadAfter = weightedLoad(after);
        if (weighted && loadAfter.compareTo(weightedLimit(role, fte)) > 0
                && loadAfter.compareTo(weightedLoad(current)) > 0) {
            breaches.add(new Breach(Limit.WEIGHTED_LOAD_LIMIT, weightedLoad(current), loadAfter,
                    weightedLimit(role, fte)));
        }
        if (role == Role.ASYE && highRisk(after) > highRisk(current)) {
            breaches.add(breach(Limit.ASYE_HIGH_RISK_CASE, highRisk(current), highRisk(after), 0));
        }
        return breaches;
    }

    private static int highRisk(Caseload caseload) {
        return Arrays.stream(CaseCategory.values()).filter(CaseCategory::isHighRisk).mapToInt(caseload::of).sum();
    }

    /** The caseload snapshot the gateway watches. */
    public WorkerCaseload snapshot(UUID workerId, UUID teamId, Role role, BigDecimal fte, Caseload caseload) {
        int limit = limit(role, fte);
        return new WorkerCaseload(workerId, teamId, caseload.total(), caseload.byCategory(), weightedLoad(caseload),
                limit, cpLimit(role, fte), weightedLimit(role, fte), weighted, limit - caseload.total());
    }

    private int fullTime(Role role) {
        return role == Role.ASYE ? config.asyeFullTimeLimit() : config.fullTimeLimit();
    }

    private static Breach breach(Limit limit, int current, int after, int maximum) {
        return new Breach(limit, BigDecimal.valueOf(current), BigDecimal.valueOf(after), BigDecimal.valueOf(maximum));
    }
}
