package uk.workforcewatch.caseload.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Every caseload limit and weight; councils differ, so none of them is code. */
@ConfigMapping(prefix = "caseload")
public interface CaseloadConfig {

    /** Cases a full-time worker may hold; pro-rata by FTE, rounded down. */
    @WithDefault("15")
    int fullTimeLimit();

    /** Cases a full-time newly qualified (ASYE) worker may hold: a protected caseload. */
    @WithDefault("12")
    int asyeFullTimeLimit();

    /** The CP limit is this share of the worker's limit, rounded down: numerator ... */
    @WithDefault("2")
    int cpLimitNumerator();

    /** ... over denominator (two thirds by default: 10 of 15). */
    @WithDefault("3")
    int cpLimitDenominator();

    /**
     * Points per case by category ({@code caseload.weights.CP=2}); a category not named weighs 1.
     * The weighted-load limit applies only when some weight is not 1.
     */
    Map<String, BigDecimal> weights();

    /** Points a full-time worker may carry; pro-rata by FTE. Defaults to the full-time limit. */
    Optional<BigDecimal> weightedFullTimeLimit();

    /**
     * Points a full-time newly qualified (ASYE) worker may carry; pro-rata by FTE. Defaults to the ASYE full-time
     * limit: their protected caseload holds for points as for cases.
     */
    Optional<BigDecimal> asyeWeightedFullTimeLimit();

    /** How often cases still held by workers whose leaving date has come are unallocated. */
    @WithDefault("15m")
    Duration leaverSweepEvery();
}
