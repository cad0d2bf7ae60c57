package uk.workforcewatch.sickness.absence;

import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.sickness.staff.KnownWorker;

import java.time.LocalDate;

/** Builds an episode's view with its figures as of a day, leaving out the reason for readers not entitled to it. */
@ApplicationScoped
public class AbsenceViews {

    private final DaysLost daysLost;

    AbsenceViews(DaysLost daysLost) {
        this.daysLost = daysLost;
    }

    public AbsenceApi.AbsenceView of(AbsenceEpisode episode, KnownWorker worker, LocalDate asOf, boolean seesReason) {
        return new AbsenceApi.AbsenceView(episode.id, episode.workerId, episode.teamId, episode.startDate,
                episode.endDate, episode.isOpen(), seesReason ? episode.reason : null, episode.certification,
                episode.returnInterviewOn, episode.returnInterviewBy, asOf,
                daysLost.workingDays(episode.startDate, episode.endDate, asOf),
                daysLost.workingDaysLost(episode.startDate, episode.endDate, asOf, fteHistory(worker)),
                daysLost.calendarDays(episode.startDate, episode.endDate, asOf),
                daysLost.isLongTerm(episode.startDate, episode.endDate, asOf),
                episode.version);
    }

    /** The worker's FTE day by day, from the periods staffing published. */
    static FteHistory fteHistory(KnownWorker worker) {
        return new FteHistory(worker.startDate, worker.leftOn,
                worker.periods.stream().map(period -> new FteHistory.Change(period.effectiveFrom, period.fte)).toList());
    }
}
