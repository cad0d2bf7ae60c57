package uk.workforcewatch.caseload;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.caseload.Api.allocate;
import static uk.workforcewatch.caseload.Api.fill;
import static uk.workforcewatch.caseload.Api.openCase;
import static uk.workforcewatch.caseload.Api.senior;

/**
 * The statements one allocation sends to PostgreSQL, as README states them: the same however many cases
 * the worker holds (no N+1).
 */
@QuarkusTest
@TestProfile(AllocationStatementsTest.NoTimers.class)
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class AllocationStatementsTest {

    /**
     * README: lock the case, lock the worker, read the case's holdings, count the worker's cases, end the change in
     * force, history row, case, two outbox rows, worker.
     */
    private static final int FIRST_ALLOCATION = 10;
    /** README: the previous holder is locked, recounted and published too (their outbox row and version). */
    private static final int REALLOCATION = 14;
    /** After the commit the answer reads the case's allocation history. */
    private static final int ANSWER = 1;

    /** Only the requests counted run statements: the leaver sweep's timer is off. */
    public static class NoTimers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    @Test
    void anAllocationRunsTheSameStatementsWhetherTheWorkerHoldsOneCaseOrFourteen() {
        UUID team = Staffing.team();
        UUID holdsOne = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        UUID holdsFourteen = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        fill(team, holdsOne, "CIN", 1);
        fill(team, holdsFourteen, "CIN", 14);
        String toOne = openCase(team, "LAC");
        String toFourteen = openCase(team, "LAC");

        List<String> second = SqlStatements.during(() -> allocate(senior(), toOne, holdsOne, null).statusCode(200));
        List<String> fifteenth = SqlStatements.during(
                () -> allocate(senior(), toFourteen, holdsFourteen, null).statusCode(200));

        assertEquals(FIRST_ALLOCATION + ANSWER, second.size(), String.join("\n", second));
        assertEquals(FIRST_ALLOCATION + ANSWER, fifteenth.size(), String.join("\n", fifteenth));
    }

    @Test
    void aReallocationFromAWorkerHoldingFifteenRunsTheStatedStatements() {
        UUID team = Staffing.team();
        UUID from = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        UUID to = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        fill(team, from, "CIN", 14);
        String id = openCase(team, "CP");
        allocate(senior(), id, from, null).statusCode(200);

        List<String> sent = SqlStatements.during(() -> allocate(senior(), id, to, null).statusCode(200));

        assertEquals(REALLOCATION + ANSWER, sent.size(), String.join("\n", sent));
    }
}
