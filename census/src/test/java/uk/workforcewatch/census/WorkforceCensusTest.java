package uk.workforcewatch.census;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.PostState;
import uk.workforcewatch.events.staffing.RecruitmentState;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.events.staffing.WorkerState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The census figures over published states, worked by hand; staffing's IndicatorsTest checks them over REST. */
class WorkforceCensusTest {

    private static final LocalDate DAY = LocalDate.of(2026, 9, 30);
    private static final UUID TEAM = UUID.randomUUID();
    private static final UUID OTHER_TEAM = UUID.randomUUID();

    @Test
    void theFiguresCountQualifiedSocialWorkersByTheirPeriodOnEachDay() {
        PostState filled = post(Role.SOCIAL_WORKER, "1.0", null);
        PostState covered = post(Role.SOCIAL_WORKER, "1.0", null);
        PostState removed = post(Role.SOCIAL_WORKER, "1.0", LocalDate.of(2026, 6, 30));
        PostState support = post(Role.SUPPORT_WORKER, "1.0", null);
        List<WorkerState> workers = List.of(
                // in post, 1.0 until April, then 0.8
                worker(Employment.PERMANENT, "2020-01-01", null, period("2020-01-01", "1.0", filled.id()),
                        period("2026-04-01", "0.8", filled.id())),
                // a leaver in the year at 0.5 on her last day
                worker(Employment.PERMANENT, "2021-01-01", "2026-03-31", period("2021-01-01", "0.5", null)),
                // a starter in the year
                worker(Employment.PERMANENT, "2026-02-02", null, period("2026-02-02", "1.0", null)),
                // agency, covering the vacant post
                worker(Employment.AGENCY, "2026-01-05", null, period("2026-01-05", "0.6", covered.id())),
                // in another team: out of scope
                workerIn(OTHER_TEAM, Employment.PERMANENT, "2019-01-01", period("2019-01-01", "1.0", null)));

        Indicators team = new WorkforceCensus(DAY, Optional.of(TEAM), workers, List.of(filled, covered, removed, support))
                .indicators();
        assertFigure("1.8", team.fteInPost());                  // 0.8 + 1.0
        assertEquals(2, team.headcountInPost());
        assertFigure("0.6", team.agencyFte());
        assertFigure("1.0", team.starterFte());
        assertFigure("0.5", team.leaverFte());
        assertFigure("1.0", team.vacantFte());                  // the covered post; the removed one is gone
        assertFigure("0.6", team.agencyFteCoveringVacancies());
        assertFigure("0.2778", team.turnoverRate());             // 0.5 ÷ 1.8
        assertFigure("0.2500", team.agencyWorkerRate());         // 0.6 ÷ 2.4
        assertFigure("0.3571", team.vacancyRate());              // 1.0 ÷ 2.8
        assertFigure("0.6000", team.agencyCoverOfVacancies());   // 0.6 ÷ 1.0
        assertNull(team.averageDaysFromOfferToStart());

        Indicators council = new WorkforceCensus(DAY, Optional.empty(), workers, List.of(filled, covered)).indicators();
        assertFigure("2.8", council.fteInPost());
    }

    private static void assertFigure(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", was " + actual);
    }

    private static PostState post(Role role, String fte, LocalDate removedOn) {
        return new PostState(UUID.randomUUID(), TEAM, role, new BigDecimal(fte), LocalDate.of(2019, 1, 1), removedOn,
                List.<RecruitmentState>of());
    }

    private static WorkerPeriod period(String from, String fte, UUID post) {
        return new WorkerPeriod(LocalDate.parse(from), Role.SOCIAL_WORKER, TEAM, new BigDecimal(fte), post);
    }

    private static WorkerState worker(Employment employment, String start, String leftOn, WorkerPeriod... history) {
        return state(TEAM, employment, start, leftOn, history);
    }

    private static WorkerState workerIn(UUID team, Employment employment, String start, WorkerPeriod period) {
        WorkerPeriod moved = new WorkerPeriod(period.effectiveFrom(), period.role(), team, period.fte(), null);
        return state(team, employment, start, null, moved);
    }

    private static WorkerState state(UUID team, Employment employment, String start, String leftOn,
                                     WorkerPeriod... history) {
        WorkerPeriod last = history[history.length - 1];
        return new WorkerState(UUID.randomUUID(), null, "Worker", last.role(), team, last.fte(), last.postId(), employment,
                LocalDate.parse(start), null, null, leftOn == null ? null : LocalDate.parse(leftOn), null, null, null,
                null, null, List.of(history));
    }
}
