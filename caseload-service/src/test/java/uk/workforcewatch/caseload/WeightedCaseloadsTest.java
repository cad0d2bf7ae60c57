package uk.workforcewatch.caseload;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.events.caseload.WorkerCaseload;
import uk.workforcewatch.events.caseload.WorkerCaseloadEvent;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.workforcewatch.caseload.Api.allocate;
import static uk.workforcewatch.caseload.Api.fill;
import static uk.workforcewatch.caseload.Api.openCase;
import static uk.workforcewatch.caseload.Api.problem;
import static uk.workforcewatch.caseload.Api.senior;

/**
 * A council that weights its cases: a CP case counts two points against a weighted limit of 15 × FTE, and a newly
 * qualified worker's points are held to a weighted limit of their own, 10 × FTE.
 */
@QuarkusTest
@TestProfile(WeightedCaseloadsTest.CpWeighsTwo.class)
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class WeightedCaseloadsTest {

    public static class CpWeighsTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("caseload.weights.CP", "2", "caseload.asye-weighted-full-time-limit", "10");
        }
    }

    @Test
    void theWeightedLoadIsShownAndPublishedAndItsLimitRefusesWhatTheCountsAllow() {
        UUID team = Staffing.team();
        UUID worker = Staffing.worker(team, Role.SOCIAL_WORKER, "1.0");
        fill(team, worker, "CP", 7);   // 7 cases of 15, 7 CP of 10: 14 points of 15

        senior().get("/api/v1/workers/" + worker + "/caseload").then().statusCode(200)
                .body("weightsConfigured", equalTo(true), "openCases", equalTo(7),
                        "weightedLoad", equalTo(14.0f), "weightedLimit", equalTo(15.0f));
        var published = EventLog.awaitRecords(CaseloadTopics.WORKER_CASELOADS, worker.toString(), 8,
                WorkerCaseloadEvent.class, Duration.ofSeconds(30));
        WorkerCaseload last = published.get(published.size() - 1).event().caseload();
        assertEquals(7, last.openCases());
        assertEquals(new BigDecimal("14.00"), last.weightedLoad());
        assertEquals(new BigDecimal("15.00"), last.weightedLimit());
        assertTrue(last.weightsConfigured());

        problem(allocate(senior(), openCase(team, "CP"), worker, null), 409)
                .body("breaches.limit", equalTo(List.of("WEIGHTED_LOAD_LIMIT")))
                .body("breaches[0].current", equalTo(14.0f), "breaches[0].after", equalTo(16.0f),
                        "breaches[0].maximum", equalTo(15.0f))
                .body("detail", containsString("WEIGHTED_LOAD_LIMIT"));
        allocate(senior(), openCase(team, "CIN"), worker, null).statusCode(200);   // one point: 15 of 15
        senior().get("/api/v1/workers/" + worker + "/caseload").then().body("weightedLoad", equalTo(15.0f));
    }

    @Test
    void aNewlyQualifiedWorkersWeightedLimitFollowsItsOwnSettingAndRefusesWhatTheCountAllows() {
        UUID team = Staffing.team();
        UUID asye = Staffing.worker(team, Role.ASYE, "1.0");
        UUID partTimeAsye = Staffing.worker(team, Role.ASYE, "0.5");

        senior().get("/api/v1/workers/" + asye + "/caseload").then()
                .body("limit", equalTo(12), "weightedLimit", equalTo(10.0f));
        senior().get("/api/v1/workers/" + partTimeAsye + "/caseload").then()
                .body("limit", equalTo(6), "weightedLimit", equalTo(5.0f));

        fill(team, asye, "CIN", 10);   // 10 cases of 12, 10 points of 10
        senior().queryParam("category", "CIN").get("/api/v1/workers/" + asye + "/allocation-check").then()
                .body("allowed", equalTo(false), "breaches.limit", equalTo(List.of("WEIGHTED_LOAD_LIMIT")));
        problem(allocate(senior(), openCase(team, "CIN"), asye, null), 409)
                .body("breaches.limit", equalTo(List.of("WEIGHTED_LOAD_LIMIT")),
                        "breaches[0].after", equalTo(11.0f), "breaches[0].maximum", equalTo(10.0f));
        var published = EventLog.awaitRecords(CaseloadTopics.WORKER_CASELOADS, asye.toString(), 11,
                WorkerCaseloadEvent.class, Duration.ofSeconds(30));
        assertEquals(new BigDecimal("10.00"), published.get(published.size() - 1).event().caseload().weightedLimit());
    }
}
