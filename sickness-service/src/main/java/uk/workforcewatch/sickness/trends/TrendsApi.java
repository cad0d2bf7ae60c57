package uk.workforcewatch.sickness.trends;

import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.Certification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What HR asks, on the wire (the trends report is {@link AbsenceTrends.Report} itself). */
public final class TrendsApi {

    private TrendsApi() {
    }

    /**
     * A long-term episode on {@code asOf}: calendar days and working days lost (times FTE) so far, whether a fit
     * note covers it; {@code reason} empty for readers who may not see health data.
     */
    public record LongTermAbsence(UUID episodeId, UUID workerId, UUID teamId, LocalDate startDate, LocalDate endDate,
                                  boolean open, AbsenceReason reason, Certification certification, boolean fitNote,
                                  long calendarDays, int workingDays, BigDecimal workingDaysLost) {
    }

    public record LongTermAbsences(LocalDate asOf, int longTermAfterDays, List<LongTermAbsence> items) {
    }

    /** A worker's Bradford factor: spells and working days absent in the window, the score, whether it triggers. */
    public record BradfordFactor(UUID workerId, UUID teamId, int spells, int daysAbsent, long score, boolean triggered) {
    }

    public record BradfordFactors(LocalDate asOf, LocalDate windowFrom, int trigger, List<BradfordFactor> items,
                                  int page, int size, long total) {
    }

    /** An ended episode whose worker is back with no interview recorded. */
    public record DueInterview(UUID episodeId, UUID workerId, UUID teamId, LocalDate startDate, LocalDate endDate,
                               LocalDate returnDay, int workingDaysSince, long calendarDaysSince, boolean overdue) {
    }

    public record DueInterviews(LocalDate asOf, int dueWithinWorkingDays, List<DueInterview> items, int page, int size,
                                long total) {
    }
}
