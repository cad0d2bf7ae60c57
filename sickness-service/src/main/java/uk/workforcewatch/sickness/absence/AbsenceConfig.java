package uk.workforcewatch.sickness.absence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The rules of recording absence that councils may set differently. */
@ConfigMapping(prefix = "sickness")
public interface AbsenceConfig {

    /** An episode is long-term from this many calendar days, counted to its end or to the day asked about. */
    @WithDefault("28")
    int longTermAfterDays();

    /** An episode may start at most this many days after today: later starts are mistakes. */
    @WithDefault("30")
    int maxDaysAhead();

    /**
     * How often episodes and absence statuses a day's coming changed are published again as of today: a duration
     * ({@code 1h}), or {@code off} (tests, which sweep when they move the clock).
     */
    @WithDefault("1h")
    String absenceStatusCheckEvery();

    /** A Bradford factor (S² × D over 52 weeks) at or above this is flagged {@code triggered}. */
    @WithDefault("200")
    int bradfordTrigger();

    /** A return-to-work interview is in time when held within this many working days after the return day. */
    @WithDefault("3")
    int returnInterviewDueWithinDays();

    /** The longest period absence trends are worked out for, in years. */
    @WithDefault("3")
    int trendsMaxYears();
}
