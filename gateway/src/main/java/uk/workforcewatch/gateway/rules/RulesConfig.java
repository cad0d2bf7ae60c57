package uk.workforcewatch.gateway.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Every threshold of the breach rules but the absence thresholds (long-term, Bradford trigger, return-to-work
 * interview), which sickness-service owns and sends on its events.
 */
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

    /** A team that lost more than this fraction of its available working time to sickness in the window is a breach. */
    @WithDefault("0.06")
    BigDecimal teamSicknessRateThreshold();

    /** The team sickness rate's window: this many calendar days ending today. */
    @WithDefault("28")
    int teamSicknessWindowDays();

    /**
     * Rules about an obligation owed after an absence (a return-to-work interview) look back this many calendar
     * days: one whose return day lies further back never fires, so back-filled history raises no alarm about the
     * past, and an alert open for it resolves as it passes out of the window.
     */
    @WithDefault("90")
    int obligationLookBackDays();

    /**
     * How often the timer takes the subjects whose moment to be looked at again has come (a CP case crossing its
     * threshold, the next day of an absence); only those are evaluated.
     */
    @WithDefault("1m")
    Duration dueCheckEvery();
}
