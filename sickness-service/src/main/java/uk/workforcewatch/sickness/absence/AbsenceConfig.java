package uk.workforcewatch.sickness.absence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The rules of recording absence that councils may set differently. */
@ConfigMapping(prefix = "sickness")
public interface AbsenceConfig {

    /** An episode is long-term from this many calendar days, counted to its end or to the day asked about. */
    @WithDefault("28")
    int longTermAfterDays();

    /** An episode may start at most this many days after today: later starts are mistakes. */
    @WithDefault("30")
    int maxDaysAhead();

    /** How often workers whose absence status changed because a day came are published again. */
    @WithDefault("1h")
    Duration absenceStatusCheckEvery();

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
