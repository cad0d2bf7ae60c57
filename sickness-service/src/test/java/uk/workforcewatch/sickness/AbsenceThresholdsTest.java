package uk.workforcewatch.sickness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.absence.AbsenceEpisodeEvent;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.absence.AbsenceTopics;
import uk.workforcewatch.events.absence.WorkerAbsenceEvent;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.sickness.Api.as;
import static uk.workforcewatch.sickness.Api.recorded;
import static uk.workforcewatch.sickness.Api.today;

/**
 * The absence thresholds are this service's configuration, and only its: with a council's own (a profile), the
 * endpoint answers them to every role and every absence event carries them.
 */
@QuarkusTest
@TestProfile(AbsenceThresholdsTest.CouncilsOwn.class)
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class AbsenceThresholdsTest {

    public static class CouncilsOwn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sickness.long-term-after-days", "21", "sickness.bradford-trigger", "125",
                    "sickness.return-interview-due-within-days", "2");
        }
    }

    private static final AbsenceThresholds COUNCILS_OWN = new AbsenceThresholds(21, 125, 2);

    @Test
    void theThresholdsInForceAreAnsweredToEveryRoleAndTravelOnEveryAbsenceEvent() {
        UUID team = Staffing.team();
        for (String token : new String[]{Tokens.hrOfficer(), Tokens.seniorManager(), Tokens.teamManager(team)}) {
            as(token).get("/api/v1/absence-thresholds").then().statusCode(200)
                    .body("longTermAfterDays", equalTo(21), "bradfordTrigger", equalTo(125),
                            "returnInterviewDueWithinWorkingDays", equalTo(2));
        }
        RestAssured.get("/api/v1/absence-thresholds").then().statusCode(401);

        UUID worker = Staffing.worker(team, "1.0");
        String id = recorded(worker, today().minusDays(2), null);
        Duration wait = Duration.ofSeconds(30);
        assertEquals(COUNCILS_OWN, EventLog.awaitRecords(AbsenceTopics.EPISODES, id, 1, AbsenceEpisodeEvent.class, wait)
                .get(0).event().thresholds());
        assertEquals(COUNCILS_OWN, EventLog.awaitRecords(AbsenceTopics.WORKER_ABSENCE, worker.toString(), 1,
                WorkerAbsenceEvent.class, wait).get(0).event().thresholds());
    }
}
