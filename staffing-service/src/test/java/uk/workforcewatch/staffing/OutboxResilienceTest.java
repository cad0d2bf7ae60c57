package uk.workforcewatch.staffing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.events.staffing.TeamEvent;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.testing.EventLog;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.staffing.Api.hire;
import static uk.workforcewatch.staffing.Api.hr;
import static uk.workforcewatch.staffing.Api.newTeam;

/** Kafka goes away while people keep working: every change is kept and published, in order, once it is back. */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class OutboxResilienceTest {

    private static final List<String> FTES = List.of("0.9", "0.8", "0.7", "0.6", "0.5");

    @Test
    void changesMadeWhileKafkaIsUnreachableArePublishedInOrderWhenItReturns() {
        String team = newTeam("LOOKED_AFTER_CHILDREN");
        ServiceTestEnvironment.kafka().disconnect();
        String worker;
        String renamedTeam = "Renamed while Kafka was away " + team;
        try {
            worker = hire(WorkersTest.worker(team, "2024-01-01"));
            for (int i = 0; i < FTES.size(); i++) {
                hr().body(Map.of("effectiveFrom", "2024-0" + (i + 2) + "-01", "fte", FTES.get(i)))
                        .post("/api/v1/workers/" + worker + "/changes").then().statusCode(200);
            }
            hr().body(Map.of("name", renamedTeam)).patch("/api/v1/teams/" + team).then().statusCode(200);
        } finally {
            ServiceTestEnvironment.kafka().reconnect();
        }

        var events = EventLog.awaitRecords(StaffingTopics.WORKERS, worker, 6, WorkerEvent.class, Duration.ofSeconds(90));
        assertEquals(LongStream.range(0, 6).boxed().toList(), events.stream().map(e -> e.event().version()).toList());
        assertEquals(new BigDecimal("0.500000"), events.get(5).event().worker().history().get(5).fte());
        var teamEvents = EventLog.awaitRecords(StaffingTopics.TEAMS, team, 2, TeamEvent.class, Duration.ofSeconds(30));
        assertEquals(renamedTeam, teamEvents.get(teamEvents.size() - 1).event().team().name());
    }
}
