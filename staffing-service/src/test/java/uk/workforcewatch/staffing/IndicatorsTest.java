package uk.workforcewatch.staffing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.staffing.Api.establish;
import static uk.workforcewatch.staffing.Api.hire;
import static uk.workforcewatch.staffing.Api.hr;
import static uk.workforcewatch.staffing.Api.newTeam;

/**
 * The census indicators against figures worked by hand. The fixture lives in 2010-2015, a stretch
 * of time no other test touches, so the council-wide figures as of 30 September 2015 are its alone.
 * The year counted runs from 1 October 2014 to 30 September 2015.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class IndicatorsTest {

    private static final String AS_OF = "2015-09-30";
    private static String team;

    /** Once for the class; in @BeforeEach because RestAssured knows the test port only from there. */
    @BeforeEach
    void fixture() {
        if (team != null) {
            return;
        }
        team = newTeam("CHILD_PROTECTION");
        String other = newTeam("CHILD_PROTECTION");
        String p1 = establish(team, "SOCIAL_WORKER", "1.0", "2010-01-01");
        String p2 = establish(team, "SENIOR_PRACTITIONER", "1.0", "2010-01-01");
        String p3 = establish(team, "SOCIAL_WORKER", "1.0", "2010-01-01");
        String p4 = establish(team, "SOCIAL_WORKER", "0.5", "2010-01-01");
        String p5 = establish(team, "SOCIAL_WORKER", "1.0", "2010-01-01");
        establish(team, "SUPPORT_WORKER", "1.0", "2010-01-01");           // not a social worker's post
        String p7 = establish(team, "SOCIAL_WORKER", "1.0", "2010-01-01");
        hr().body(Map.of("removedOn", "2015-05-31")).post("/api/v1/posts/" + p7 + "/removal").then().statusCode(200);
        establish(team, "SOCIAL_WORKER", "1.0", "2015-10-15");            // not yet in the structure

        // A: in post, 1.0, fills P1
        hire(worker("SOCIAL_WORKER", team, "1.0", "PERMANENT", "2010-01-01", p1));
        // B: in post, 0.8 then 0.6 from 1 March 2015, fills P2
        String b = hire(worker("SENIOR_PRACTITIONER", team, "0.8", "PERMANENT", "2012-05-01", p2));
        change(b, Map.of("effectiveFrom", "2015-03-01", "fte", "0.6"));
        // C: a starter at 1.0 on 5 January 2015, 0.5 from June
        String c = hire(worker("ASYE", team, "1.0", "PERMANENT", "2015-01-05", null));
        change(c, Map.of("effectiveFrom", "2015-06-01", "fte", "0.5"));
        // D: 0.5, full time from January 2015, a leaver on 30 June 2015 at 1.0, left P5 vacant
        String d = hire(worker("SOCIAL_WORKER", team, "0.5", "PERMANENT", "2011-01-01", p5));
        change(d, Map.of("effectiveFrom", "2015-01-01", "fte", "1.0"));
        leave(d, "2015-06-30");
        // E: left the day before the year began: not a leaver of this year
        String e = hire(worker("SOCIAL_WORKER", team, "1.0", "PERMANENT", "2013-01-01", null));
        leave(e, "2014-09-30");
        // F: agency, 1.0, covering the vacant P3
        hire(worker("SOCIAL_WORKER", team, "1.0", "AGENCY", "2015-02-01", p3));
        // G: a support worker: not counted anywhere
        hire(worker("SUPPORT_WORKER", team, "1.0", "PERMANENT", "2010-01-01", null));
        // H: agency, 0.5, in no post
        hire(worker("SOCIAL_WORKER", team, "0.5", "AGENCY", "2014-01-01", null));
        // I: started in the other team on 1 November 2014, moved in on 1 April 2015
        String i = hire(worker("SOCIAL_WORKER", other, "1.0", "PERMANENT", "2014-11-01", null));
        change(i, Map.of("effectiveFrom", "2015-04-01", "teamId", team));
        // J: starts after the date
        hire(worker("SOCIAL_WORKER", team, "1.0", "PERMANENT", "2015-10-01", null));
        // K: in post in the other team, 0.8
        hire(worker("SOCIAL_WORKER", other, "0.8", "PERMANENT", "2012-01-01", null));

        // P4: offer on 1 February, start on 3 March 2015: 30 days
        String round = hr().body(Map.of("advertisedOn", "2015-01-10")).post("/api/v1/posts/" + p4 + "/recruitment")
                .then().statusCode(201).extract().path("recruitment[0].id");
        hr().body(Map.of("offerMadeOn", "2015-02-01", "startsOn", "2015-03-03"))
                .patch("/api/v1/posts/" + p4 + "/recruitment/" + round).then().statusCode(200);
        // P5: its start falls after the date, so it does not count yet
        String later = hr().body(Map.of("advertisedOn", "2015-07-01")).post("/api/v1/posts/" + p5 + "/recruitment")
                .then().statusCode(201).extract().path("recruitment[0].id");
        hr().body(Map.of("offerMadeOn", "2015-08-01", "startsOn", "2015-10-01"))
                .patch("/api/v1/posts/" + p5 + "/recruitment/" + later).then().statusCode(200);
    }

    @Test
    void theTeamsFiguresAreTheCensusFormulasWorkedByHand() {
        hr().queryParam("teamId", team).queryParam("asOf", AS_OF).get("/api/v1/indicators").then().statusCode(200)
                // in post: A 1.0 + B 0.6 + C 0.5 + I 1.0
                .body("fteInPost", equalTo(3.1f), "headcountInPost", equalTo(4))
                // agency: F 1.0 + H 0.5
                .body("agencyFte", equalTo(1.5f), "agencyHeadcount", equalTo(2))
                // starters: C at 1.0 on her first day (I started in the other team)
                .body("starterFte", equalTo(1.0f), "starters", equalTo(1))
                // leavers: D at 1.0 on his last day (E left before the year)
                .body("leaverFte", equalTo(1.0f), "leavers", equalTo(1))
                // vacant: P3 1.0 (agency cover is no filling) + P4 0.5 + P5 1.0
                .body("vacantFte", equalTo(2.5f), "vacantPosts", equalTo(3))
                .body("agencyFteCoveringVacancies", equalTo(1.0f))
                // 1.0 / 3.1
                .body("turnoverRate", equalTo(0.3226f))
                // 1.5 / (1.5 + 3.1)
                .body("agencyWorkerRate", equalTo(0.3261f))
                // 2.5 / (2.5 + 3.1)
                .body("vacancyRate", equalTo(0.4464f))
                // 1.0 / 2.5
                .body("agencyCoverOfVacancies", equalTo(0.4f))
                .body("averageDaysFromOfferToStart", equalTo(30.0f));
    }

    @Test
    void theCouncilsFiguresCountEveryTeam() {
        hr().queryParam("asOf", AS_OF).get("/api/v1/indicators").then().statusCode(200)
                // K 0.8 more in post; I is a starter of the council
                .body("fteInPost", equalTo(3.9f), "headcountInPost", equalTo(5))
                .body("starterFte", equalTo(2.0f), "starters", equalTo(2))
                .body("leaverFte", equalTo(1.0f), "leavers", equalTo(1))
                // 1.0 / 3.9, 1.5 / 5.4, 2.5 / 6.4
                .body("turnoverRate", equalTo(0.2564f))
                .body("agencyWorkerRate", equalTo(0.2778f))
                .body("vacancyRate", equalTo(0.3906f));
    }

    @Test
    void aDateBeforeAnyoneStartedHasNoRates() {
        hr().queryParam("teamId", team).queryParam("asOf", "2009-12-31").get("/api/v1/indicators").then()
                .statusCode(200).body("fteInPost", equalTo(0), "turnoverRate", equalTo(null),
                        "vacancyRate", equalTo(null));
    }

    @Test
    void theMonthlySeriesIsTheIndicatorsOfEachMonthEndInOneAnswer() {
        List<Map<String, Object>> series = hr().queryParam("teamId", team).queryParam("to", AS_OF)
                .queryParam("months", 12).get("/api/v1/indicators/monthly").then().statusCode(200)
                .body("size()", equalTo(12), "[0].asOf", equalTo("2014-10-31"), "[1].asOf", equalTo("2014-11-30"),
                        "[11].asOf", equalTo(AS_OF))
                // the hand-worked figures of the last point; on 31 March A 1.0 + B 0.6 + C 1.0 + D 1.0 (I moves in
                // on 1 April), and E's leaving still inside the year to that date
                .body("[11].fteInPost", equalTo(3.1f), "[11].vacancyRate", equalTo(0.4464f))
                .body("[5].asOf", equalTo("2015-03-31"), "[5].fteInPost", equalTo(3.6f), "[5].leavers", equalTo(1))
                .extract().jsonPath().getList("$");
        for (Map<String, Object> point : series) {
            Map<String, Object> single = hr().queryParam("teamId", team).queryParam("asOf", point.get("asOf"))
                    .get("/api/v1/indicators").then().statusCode(200).extract().jsonPath().getMap("$");
            assertEquals(single, point);
        }
    }

    @Test
    void theMonthlySeriesRefusesAPeriodOutOfRange() {
        hr().queryParam("months", 0).get("/api/v1/indicators/monthly").then().statusCode(400)
                .contentType("application/problem+json");
        hr().queryParam("months", 61).get("/api/v1/indicators/monthly").then().statusCode(400);
    }

    private static Map<String, Object> worker(String role, String team, String fte, String employment, String start,
                                              String post) {
        Map<String, Object> worker = WorkersTest.worker(team, start);
        worker.put("role", role);
        worker.put("fte", fte);
        worker.put("employment", employment);
        if (post != null) {
            worker.put("postId", post);
        }
        return worker;
    }

    private static void change(String worker, Map<String, Object> change) {
        hr().body(change).post("/api/v1/workers/" + worker + "/changes").then().statusCode(200);
    }

    private static void leave(String worker, String leftOn) {
        hr().body(Map.of("leftOn", leftOn, "reason", "RESIGNATION")).post("/api/v1/workers/" + worker + "/leaving")
                .then().statusCode(200);
    }
}
