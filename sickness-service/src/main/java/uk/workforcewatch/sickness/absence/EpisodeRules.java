package uk.workforcewatch.sickness.absence;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The rules an episode's dates keep, the same whether it is recorded through the API or comes in a file: each
 * answers why a date breaks it, or null, and the caller refuses the request or reports the row.
 */
@ApplicationScoped
public class EpisodeRules {

    static final String OPEN_WITH_INTERVIEW = "an episode still open has no return-to-work interview: record it"
            + " with the episode's end date";

    private final AbsenceConfig config;
    private final Clock clock;

    EpisodeRules(AbsenceConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A start or end later than the configured days ahead is a mistake. */
    String tooFarAhead(LocalDate date) {
        return date != null && date.isAfter(today().plusDays(config.maxDaysAhead()))
                ? "must not be more than " + config.maxDaysAhead() + " days after today" : null;
    }

    static String beforeStart(LocalDate startDate, LocalDate endDate) {
        return endDate != null && startDate != null && endDate.isBefore(startDate)
                ? "must not be before the start date " + startDate : null;
    }

    /** An interview is held after the absence is over, and not in the future. */
    String interviewDay(LocalDate endDate, LocalDate heldOn) {
        if (heldOn.isBefore(endDate)) {
            return "must not be before the last day of absence " + endDate;
        }
        return heldOn.isAfter(today()) ? "must not be in the future" : null;
    }
}
