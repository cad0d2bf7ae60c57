package uk.workforcewatch.gateway.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;

/** Every threshold of the breach rules. */
@ConfigMapping(prefix = "rules")
public interface RulesConfig {

    /** A CP case unallocated for longer than this is a breach. */
    @WithDefault("24h")
    Duration cpUnallocatedAfter();

    /** Any other case unallocated for more than this many working days is a breach. */
    @WithDefault("5")
    int otherUnallocatedAfterWorkingDays();

    /** A team's vacancy rate above this fraction is a breach (census definition). */
    @WithDefault("0.20")
    BigDecimal teamVacancyRateThreshold();

    /** A team's agency worker rate above this fraction is a breach (census definition). */
    @WithDefault("0.25")
    BigDecimal teamAgencyRateThreshold();

    /**
     * A worker absent for at least this many working days (from the first day absent to today, both
     * included) who still holds open cases is a breach.
     */
    @WithDefault("3")
    int absentWorkerAfterWorkingDays();

    /** A worker's current absence episode of at least this many calendar days (to today) is long-term. */
    @WithDefault("28")
    int longTermAbsenceAfterDays();

    /**
     * An ended episode with no return-to-work interview recorded more than this many working days after the
     * return day (the day after its last day absent) is a breach.
     */
    @WithDefault("3")
    int returnInterviewOverdueAfterWorkingDays();

    /** A team that lost more than this fraction of its available working time to sickness in the window is a breach. */
    @WithDefault("0.06")
    BigDecimal teamSicknessRateThreshold();

    /** The team sickness rate's window: this many calendar days ending today. */
    @WithDefault("28")
    int teamSicknessWindowDays();

    /** A worker whose Bradford factor (52 weeks to today) is at or above this is a breach. */
    @WithDefault("200")
    long bradfordTrigger();

    /** How often the rules that depend on time are evaluated again. */
    @WithDefault("1m")
    Duration unallocatedCheckEvery();
}
