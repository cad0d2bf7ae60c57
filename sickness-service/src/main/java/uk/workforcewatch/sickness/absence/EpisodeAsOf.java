package uk.workforcewatch.sickness.absence;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.absence.AbsenceEpisodeEvent;
import uk.workforcewatch.events.absence.AbsenceEpisodeState;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.events.absence.ReturnInterviewStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An episode as of a day: what its dates mean then (long-term yet, a fit note needed yet, where its return-to-work
 * interview stands), and its event, true as of that day. Every way an episode is published (a command, a file, a day
 * coming) takes its event from here, so all say the same of the same day.
 */
@ApplicationScoped
public class EpisodeAsOf {

    private static final Logger LOG = Logger.getLogger(EpisodeAsOf.class);

    /** What an episode's dates mean on a day. */
    public record Progress(boolean longTerm, boolean fitNoteNeeded, ReturnInterviewStatus returnInterview) {
    }

    private final DaysLost daysLost;
    private final WorkingDays workingDays;
    private final AbsenceThresholds thresholds;
    private final Clock clock;
    private final int longestDue;

    EpisodeAsOf(DaysLost daysLost, WorkingDays workingDays, AbsenceThresholds thresholds, Clock clock) {
        this.daysLost = daysLost;
        this.workingDays = workingDays;
        this.thresholds = thresholds;
        this.clock = clock;
        this.longestDue = longestDue(workingDays, thresholds.returnInterviewDueWithinWorkingDays());
    }

    public Progress progress(AbsenceEpisode episode, LocalDate day) {
        boolean selfCertifiedTooLong = episode.certification == Certification.SELF_CERTIFIED
                && daysLost.calendarDays(episode.startDate, episode.endDate, day) > AbsenceEpisodeState.SELF_CERTIFIED_DAYS;
        return new Progress(daysLost.isLongTerm(episode.startDate, episode.endDate, day), selfCertifiedTooLong,
                returnInterview(episode, day));
    }

    /** The return day is the day after the last day absent; the interview is overdue once more working days have passed than it is due within. */
    private ReturnInterviewStatus returnInterview(AbsenceEpisode episode, LocalDate day) {
        if (episode.returnInterviewOn != null) {
            return ReturnInterviewStatus.HELD;
        }
        if (episode.endDate == null || !episode.endDate.isBefore(day)) {
            return ReturnInterviewStatus.NOT_DUE;
        }
        return workingDays.countAfter(episode.endDate.plusDays(1), day) > thresholds.returnInterviewDueWithinWorkingDays()
                ? ReturnInterviewStatus.OVERDUE : ReturnInterviewStatus.DUE;
    }

    /**
     * The longest an interview can stay due: calendar days from a return day to the first day it is overdue, the
     * most over the calendar's years. An episode back longer ago than this was overdue already, if it ever is.
     */
    public int longestDue() {
        return longestDue;
    }

    private static int longestDue(WorkingDays workingDays, int dueWithin) {
        LocalDate last = LocalDate.of(workingDays.supportedYears().last(), 12, 31);
        int longest = 0;
        for (LocalDate back = LocalDate.of(workingDays.supportedYears().first(), 1, 1); ; back = back.plusDays(1)) {
            LocalDate day = back;
            for (int passed = 0; passed <= dueWithin; ) {
                day = day.plusDays(1);
                if (day.isAfter(last)) {
                    return longest;
                }
                passed += workingDays.isWorkingDay(day) ? 1 : 0;
            }
            longest = Math.max(longest, (int) (day.toEpochDay() - back.toEpochDay()));
        }
    }

    /** The episode's event as of the day, at its version; the day becomes its marker. */
    public AbsenceEpisodeEvent event(String type, AbsenceEpisode episode, LocalDate day) {
        episode.publishedAsOf = day;
        LOG.infof("%s episode=%s worker=%s version=%d", type, episode.id, episode.workerId, episode.version);
        return new AbsenceEpisodeEvent(UUID.randomUUID(), type, episode.id, episode.version, clock.instant(),
                episode.state(day, progress(episode, day)), thresholds);
    }
}
