package uk.workforcewatch.stack.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the demo council holds once loaded, and the subjects of its story with their ids, so the launcher
 * can point at them and a test can look for their alerts: the team whose manager's token the demo prints
 * ({@code managedTeam}), the workers over their limit of 15, the worker holding 12 CP cases of 15, the ASYE
 * worker over their protected 12, the CP case nobody holds, the team short of staff, and the year's absence
 * with the worker off holding CP cases, the one off long-term and the interview never held.
 *
 * @param workers          everyone ever hired, leavers included
 * @param workersInPost    employed today, agency workers included
 * @param unallocatedCases open cases with no worker, the story's CP case included
 * @param absences         the last 12 months' sickness absence; empty in a story kept by an older launcher
 * @param took             how long the load took
 */
public record DemoStory(int teams, int workers, int workersInPost, int leavers, int agencyWorkers, int posts,
                        int vacantPosts, int openCases, int unallocatedCases, UUID managedTeam,
                        String managedTeamName, List<Worker> overLimit, Worker cpMix, Worker asyeOverLimit,
                        Case unallocatedCp, ShortStaffedTeam highVacancy, Absences absences, Duration took) {

    /** A worker of the story, with the caseload figures the gateway's rule sees. */
    public record Worker(UUID id, String name, String role, BigDecimal fte, UUID teamId, String teamName,
                         int openCases, int cpCases, int limit, int cpLimit) {
    }

    /** A case by its pseudonymous reference: no child is ever named. */
    public record Case(UUID id, String reference, String category, UUID teamId, String teamName,
                       LocalDate openedOn) {
    }

    /** A team's staffing by the census definitions: vacancy rate = vacant FTE ÷ (vacant FTE + permanent FTE). */
    public record ShortStaffedTeam(UUID id, String name, BigDecimal vacancyRate, BigDecimal vacantFte,
                                   BigDecimal permanentFte, BigDecimal agencyRate) {
    }

    /**
     * The last 12 months' sickness absence: episodes, working days lost (times FTE; Monday to Friday, so a little
     * above sickness-service's count, which takes bank holidays out too) and days lost per FTE; the worker off
     * holding CP cases, the one off long-term, the ended episode whose interview was never held, and the worker
     * whose Bradford factor reached the trigger (empty in a story kept by an older launcher).
     */
    public record Absences(int episodes, int longTermEpisodes, BigDecimal daysLost, BigDecimal daysLostPerFte,
                           Absent withCpCases, Absent longTerm, Absent interviewOverdue,
                           FrequentlyAbsent bradfordTriggered) {
    }

    /**
     * A worker's Bradford factor over the 52 weeks to the day the demo was loaded, and sickness-service's trigger
     * it reached (empty in a story kept by an older launcher).
     */
    public record FrequentlyAbsent(Worker worker, int spells, int daysAbsent, long bradfordFactor, Integer trigger) {
    }

    /** A worker of the absence story and the episode: for one that has ended, {@code returnDay} is set. */
    public record Absent(Worker worker, UUID episodeId, LocalDate since, LocalDate returnDay, boolean fitNote) {
    }

    /** Human-readable lines for the launcher to print: ids, figures and references, never a child's name. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%d teams; %d workers in post (%d agency), %d left this year; %d posts, %d vacant;"
                        + " %,d open cases, %d unallocated (loaded in %.1f s)", teams, workersInPost, agencyWorkers,
                leavers, posts, vacantPosts, openCases, unallocatedCases, took.toMillis() / 1000.0));
        for (Worker worker : overLimit) {
            lines.add(String.format("%s: worker %s (id %s) holds %d cases, over the limit of %d",
                    worker.teamName(), worker.name(), worker.id(), worker.openCases(), worker.limit()));
        }
        lines.add(String.format("%s: worker %s (id %s) holds %d CP cases of %d, over the CP limit of %d",
                cpMix.teamName(), cpMix.name(), cpMix.id(), cpMix.cpCases(), cpMix.openCases(), cpMix.cpLimit()));
        lines.add(String.format("%s: ASYE worker %s (id %s) holds %d cases, over the protected limit of %d",
                asyeOverLimit.teamName(), asyeOverLimit.name(), asyeOverLimit.id(), asyeOverLimit.openCases(),
                asyeOverLimit.limit()));
        lines.add(String.format("%s: %s case %s (id %s) has waited for a worker since it was opened on %s",
                unallocatedCp.teamName(), unallocatedCp.category(), unallocatedCp.reference(), unallocatedCp.id(),
                unallocatedCp.openedOn()));
        lines.add(String.format("%s (id %s): vacancy rate %s (%s vacant FTE, %s permanent FTE), over 20%%",
                highVacancy.name(), highVacancy.id(), percent(highVacancy.vacancyRate()),
                highVacancy.vacantFte().stripTrailingZeros().toPlainString(),
                highVacancy.permanentFte().stripTrailingZeros().toPlainString()));
        if (absences != null) {
            lines.add(String.format("Sickness absence over the last 12 months: %d episodes (%d long-term), about %s"
                            + " working days lost, %s per FTE", absences.episodes(), absences.longTermEpisodes(),
                    absences.daysLost().setScale(0, RoundingMode.HALF_UP).toPlainString(),
                    absences.daysLostPerFte().toPlainString()));
            Absent off = absences.withCpCases();
            lines.add(String.format("%s: worker %s (id %s) absent since %s, still holding %d cases, %d of them CP",
                    off.worker().teamName(), off.worker().name(), off.worker().id(), off.since(),
                    off.worker().openCases(), off.worker().cpCases()));
            Absent longTerm = absences.longTerm();
            lines.add(String.format("%s: %s %s (id %s) off long-term since %s%s", longTerm.worker().teamName(),
                    longTerm.worker().role().toLowerCase().replace('_', ' '), longTerm.worker().name(),
                    longTerm.worker().id(), longTerm.since(), longTerm.fitNote() ? ", covered by a fit note" : ""));
            Absent overdue = absences.interviewOverdue();
            lines.add(String.format("%s: worker %s (id %s) back on %s, no return-to-work interview (episode %s)",
                    overdue.worker().teamName(), overdue.worker().name(), overdue.worker().id(), overdue.returnDay(),
                    overdue.episodeId()));
            FrequentlyAbsent frequent = absences.bradfordTriggered();
            if (frequent != null) {
                lines.add(String.format("%s: worker %s (id %s) off %d times in 52 weeks, %d working days:"
                                + " Bradford factor %d, at the trigger%s", frequent.worker().teamName(),
                        frequent.worker().name(), frequent.worker().id(), frequent.spells(), frequent.daysAbsent(),
                        frequent.bradfordFactor(), frequent.trigger() == null ? "" : " of " + frequent.trigger()));
            }
        }
        return lines;
    }

    private static String percent(BigDecimal rate) {
        return rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
