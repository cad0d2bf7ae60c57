package uk.workforcewatch.sickness;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.testing.ServiceTestEnvironment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.workforcewatch.sickness.Api.episode;
import static uk.workforcewatch.sickness.Api.hr;
import static uk.workforcewatch.sickness.Api.manager;
import static uk.workforcewatch.sickness.Api.senior;

/**
 * What HR asks, through the API on a real database: trends (JSON and CSV), long-term absences, Bradford factors,
 * return-to-work interviews due and their timeliness, and the audit of the lists of individuals. Each test has a
 * team of its own and asks about that team only, since other tests' data share the database.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class WhatHrAsksTest {

    private static String record(UUID worker, String start, String end, String reason, String certification) {
        return hr().body(episode(worker, LocalDate.parse(start), end == null ? null : LocalDate.parse(end), reason,
                certification)).post("/api/v1/absences").then().statusCode(201).extract().path("id");
    }

    private static void interview(String episode, String heldOn) {
        hr().body(Map.of("heldOn", heldOn, "heldBy", "Team manager")).post("/api/v1/absences/" + episode
                + "/return-interview").then().statusCode(200);
    }

    private static UUID hiredOn(UUID team, String day, String fte) {
        UUID id = UUID.randomUUID();
        Staffing.publishWorker(id, 0, team, List.of(Staffing.period(LocalDate.parse(day), team, fte)), null);
        Staffing.awaitVersion(id, 0);
        return id;
    }

    private static RequestSpecification trends(RequestSpecification as, UUID team, String groupBy) {
        return as.queryParam("from", "2025-05-01").queryParam("to", "2025-06-30").queryParam("groupBy", groupBy)
                .queryParam("teamId", team);
    }

    /** The fixture of AbsenceTrendsTest, where its figures are worked by hand: the same numbers must come back. */
    private static UUID trendsFixture() {
        UUID team = Staffing.team();
        UUID a = Staffing.worker(team, "1.0");
        UUID b = Staffing.worker(team, "0.5");
        UUID c = Staffing.worker(team, "1.0");
        hiredOn(team, "2025-06-16", "1.0");
        // A: 2 to 6 May, over the 5 May bank holiday: 2 days; B at 0.5, 19 May to 20 June, long-term: 4.5 + 7.5;
        // C: open from 23 June, 6 days to 30 June, short-term counted to 30 June; D hired 16 June, 11 days in June
        record(a, "2025-05-02", "2025-05-06", "MINOR_ILLNESS", "SELF_CERTIFIED");
        record(b, "2025-05-19", "2025-06-20", "STRESS_MENTAL_HEALTH", "FIT_NOTE");
        record(c, "2025-06-23", null, "MUSCULOSKELETAL", "SELF_CERTIFIED");
        return team;
    }

    @Test
    void trendsByMonthEqualTheFiguresWorkedByHand() {
        UUID team = trendsFixture();
        trends(hr(), team, "MONTH").get("/api/v1/absence-trends").then().log().ifValidationFails().statusCode(200)
                .contentType(containsString("application/json"))
                .body("groupBy", equalTo("MONTH"), "teamId", equalTo(team.toString()))
                .body("rows.key", equalTo(List.of("2025-05", "2025-06")))
                .body("rows.workingDays", equalTo(List.of(20, 21)))
                .body("rows.availableFteDays", equalTo(List.of(50.0f, 63.5f)))
                .body("rows.daysLost", equalTo(List.of(6.5f, 13.5f)))
                .body("rows.daysLostPerFte", equalTo(List.of(2.6f, 4.46f)))
                .body("rows.timeLost", equalTo(List.of(0.13f, 0.2126f)))
                .body("rows.spells", equalTo(List.of(2, 2)))
                .body("rows.shortTermSpells", equalTo(List.of(1, 1)))
                .body("rows.shortTermDaysLost", equalTo(List.of(2.0f, 6.0f)))
                .body("rows.longTermSpells", equalTo(List.of(1, 1)))
                .body("rows.longTermDaysLost", equalTo(List.of(4.5f, 7.5f)))
                .body("total.key", equalTo("total"), "total.availableFteDays", equalTo(113.5f),
                        "total.daysLost", equalTo(20.0f), "total.daysLostPerFte", equalTo(7.22f),
                        "total.timeLost", equalTo(0.1762f), "total.spells", equalTo(3),
                        "total.shortTermDaysLost", equalTo(8.0f), "total.longTermDaysLost", equalTo(12.0f));
    }

    @Test
    void trendsAsCsvWhenAskedForIt() {
        UUID team = trendsFixture();
        String csv = trends(hr(), team, "MONTH").accept("text/csv").get("/api/v1/absence-trends").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertEquals("group,from,to,workingDays,availableFteDays,daysLost,daysLostPerFte,timeLost,spells,"
                + "shortTermSpells,shortTermDaysLost,longTermSpells,longTermDaysLost\r\n"
                + "2025-05,2025-05-01,2025-05-31,20,50.00,6.50,2.60,0.1300,2,1,2.00,1,4.50\r\n"
                + "2025-06,2025-06-01,2025-06-30,21,63.50,13.50,4.46,0.2126,2,1,6.00,1,7.50\r\n"
                + "total,2025-05-01,2025-06-30,41,113.50,20.00,7.22,0.1762,3,2,8.00,1,12.00\r\n", csv);
    }

    @Test
    void trendsByReasonTeamAndRole() {
        UUID team = trendsFixture();
        // every reason against the whole team's 113.5 available days: stress 12 / 113.5 = 0.1057
        trends(senior(), team, "REASON").get("/api/v1/absence-trends").then().statusCode(200)
                .body("rows.size()", equalTo(7))
                .body("rows.find { it.key == 'STRESS_MENTAL_HEALTH' }.daysLost", equalTo(12.0f))
                .body("rows.find { it.key == 'STRESS_MENTAL_HEALTH' }.availableFteDays", equalTo(113.5f))
                .body("rows.find { it.key == 'STRESS_MENTAL_HEALTH' }.timeLost", equalTo(0.1057f))
                .body("rows.find { it.key == 'MINOR_ILLNESS' }.daysLost", equalTo(2.0f))
                .body("rows.find { it.key == 'INJURY' }.spells", equalTo(0));
        trends(manager(team), team, "TEAM").get("/api/v1/absence-trends").then().statusCode(200)
                .body("rows.key", equalTo(List.of(team.toString())), "rows[0].daysLost", equalTo(20.0f));
        trends(hr(), team, "ROLE").get("/api/v1/absence-trends").then().statusCode(200)
                .body("rows.key", equalTo(List.of("SOCIAL_WORKER")), "rows[0].timeLost", equalTo(0.1762f));
    }

    @Test
    void trendsRefuseABadPeriodOrGrouping() {
        UUID team = UUID.randomUUID();
        Api.problem(hr().queryParam("from", "2025-06-01").queryParam("to", "2025-05-01").queryParam("groupBy", "MONTH")
                .get("/api/v1/absence-trends").then(), 400).body("violations[0].field", equalTo("to"));
        Api.problem(hr().queryParam("from", "2022-01-01").queryParam("to", "2025-01-01").queryParam("groupBy", "MONTH")
                .get("/api/v1/absence-trends").then(), 400);
        hr().queryParam("from", "2022-01-01").queryParam("to", "2024-12-31").queryParam("groupBy", "MONTH")
                .queryParam("teamId", team).get("/api/v1/absence-trends").then().statusCode(200)
                .body("rows.size()", equalTo(36));
        Api.problem(trends(hr(), team, "WEEK").get("/api/v1/absence-trends").then(), 400)
                .body("violations[0].field", equalTo("groupBy"));
        Api.problem(hr().queryParam("to", "2025-05-01").queryParam("groupBy", "MONTH")
                .get("/api/v1/absence-trends").then(), 400);
    }

    @Test
    void longTermAbsencesOnADayWithFitNotesAndTheAuditOfEachWorkerListed() {
        UUID team = Staffing.team();
        UUID p = Staffing.worker(team, "0.5");
        UUID q = Staffing.worker(team, "1.0");
        UUID r = Staffing.worker(team, "1.0");
        UUID s = Staffing.worker(team, "1.0");
        // asOf 10 June 2025. P (0.5 FTE): 1 April to 30 June, 71 calendar days so far, 47 working days (less
        // 18 and 21 April, 5 and 26 May) × 0.5 = 23.5; Q: open from 14 May, 28 calendar days (long-term that day),
        // 19 working days; R: long-term but over on 30 May; S: open from 15 May, 27 calendar days, short-term
        String pEpisode = record(p, "2025-04-01", "2025-06-30", "STRESS_MENTAL_HEALTH", "FIT_NOTE");
        String qEpisode = record(q, "2025-05-14", null, "MUSCULOSKELETAL", "SELF_CERTIFIED");
        record(r, "2025-04-01", "2025-05-30", "INJURY", "FIT_NOTE");
        record(s, "2025-05-15", null, "INFECTION", "SELF_CERTIFIED");

        hr().queryParam("asOf", "2025-06-10").queryParam("teamId", team).get("/api/v1/long-term-absences").then()
                .log().ifValidationFails().statusCode(200)
                .body("asOf", equalTo("2025-06-10"), "longTermAfterDays", equalTo(28))
                .body("items.episodeId", equalTo(List.of(pEpisode, qEpisode)))
                .body("items.workerId", equalTo(List.of(p.toString(), q.toString())))
                .body("items.teamId", equalTo(List.of(team.toString(), team.toString())))
                .body("items.calendarDays", equalTo(List.of(71, 28)))
                .body("items.workingDays", equalTo(List.of(47, 19)))
                .body("items.workingDaysLost", equalTo(List.of(23.5f, 19.0f)))
                .body("items.fitNote", equalTo(List.of(true, false)))
                .body("items.open", equalTo(List.of(false, true)))
                .body("items.reason", equalTo(List.of("STRESS_MENTAL_HEALTH", "MUSCULOSKELETAL")));
        manager(team).queryParam("asOf", "2025-06-10").get("/api/v1/long-term-absences").then().statusCode(200)
                .body("items.reason", equalTo(List.of("STRESS_MENTAL_HEALTH", "MUSCULOSKELETAL")));
        senior().queryParam("asOf", "2025-06-10").queryParam("teamId", team).get("/api/v1/long-term-absences").then()
                .statusCode(200).body("items.size()", equalTo(2), "items[0].reason", nullValue(),
                        "items[1].reason", nullValue());

        hr().queryParam("workerId", p).get("/api/v1/absence-audit").then().body("total", equalTo(3))
                .body("items.what", equalTo(List.of("long-term absences as of 2025-06-10",
                        "long-term absences as of 2025-06-10", "long-term absences as of 2025-06-10")))
                .body("items.readerRole", equalTo(List.of("senior-manager", "team-manager", "hr-officer")));
        hr().queryParam("workerId", s).get("/api/v1/absence-audit").then().body("total", equalTo(0));
        hr().queryParam("workerId", r).get("/api/v1/absence-audit").then().body("total", equalTo(0));
    }

    @Test
    void bradfordFactorsOverTheRolling52WeeksHighestFirst() {
        UUID team = Staffing.team();
        UUID once = Staffing.worker(team, "1.0");
        UUID often = Staffing.worker(team, "0.5");
        UUID longAgo = Staffing.worker(team, "1.0");
        // once: 1 spell of 10 days = 1² × 10 = 10; often (part-time, not scaled): 10 Tuesdays = 10² × 10 = 1,000;
        // longAgo: 24 June to 5 July 2024, of which 2 to 5 July (4 days) fall in the window from 2 July 2024 = 4
        record(once, "2025-03-03", "2025-03-14", "INJURY", "FIT_NOTE");
        for (int week = 0; week < 10; week++) {
            String tuesday = LocalDate.parse("2025-03-04").plusWeeks(week).toString();
            record(often, tuesday, tuesday, "MINOR_ILLNESS", "SELF_CERTIFIED");
        }
        record(longAgo, "2024-06-24", "2024-07-05", "INFECTION", "SELF_CERTIFIED");

        hr().queryParam("asOf", "2025-06-30").queryParam("teamId", team).get("/api/v1/bradford-factors").then()
                .log().ifValidationFails().statusCode(200)
                .body("windowFrom", equalTo("2024-07-02"), "trigger", equalTo(200), "total", equalTo(3))
                .body("items.workerId", equalTo(List.of(often.toString(), once.toString(), longAgo.toString())))
                .body("items.spells", equalTo(List.of(10, 1, 1)))
                .body("items.daysAbsent", equalTo(List.of(10, 10, 4)))
                .body("items.score", equalTo(List.of(1000, 10, 4)))
                .body("items.triggered", equalTo(List.of(true, false, false)))
                .body("items.teamId", equalTo(List.of(team.toString(), team.toString(), team.toString())));
        senior().queryParam("asOf", "2025-06-30").queryParam("teamId", team).queryParam("atOrAbove", 10)
                .get("/api/v1/bradford-factors").then().statusCode(200)
                .body("total", equalTo(2), "items.score", equalTo(List.of(1000, 10)));
        manager(team).queryParam("asOf", "2025-06-30").queryParam("page", 1).queryParam("size", 1)
                .get("/api/v1/bradford-factors").then().statusCode(200)
                .body("total", equalTo(3), "items.workerId", equalTo(List.of(once.toString())));

        hr().queryParam("workerId", longAgo).get("/api/v1/absence-audit").then().body("total", equalTo(1))
                .body("items[0].what", equalTo("Bradford factor as of 2025-06-30"));
        hr().queryParam("workerId", often).get("/api/v1/absence-audit").then().body("total", equalTo(2));
        hr().queryParam("workerId", once).get("/api/v1/absence-audit").then().body("total", equalTo(3))
                .body("items.readerRole", equalTo(List.of("team-manager", "senior-manager", "hr-officer")));
    }

    @Test
    void returnInterviewsDueOverdueAndTheShareHeldInTime() {
        UUID team = Staffing.team();
        UUID w1 = Staffing.worker(team, "1.0");
        UUID w2 = Staffing.worker(team, "1.0");
        UUID w3 = Staffing.worker(team, "1.0");
        UUID w4 = Staffing.worker(team, "1.0");
        // asOf Thu 12 June 2025; the return day is the day after the last day absent. e1 ends Mon 9 June: back
        // Tue 10 June, 2 working days since, due but not overdue; e2 ends Thu 5 June: back Fri 6 June, 4 working
        // days since (9 to 12 June), overdue; e3 interviewed; e4 back 13 June, after asOf
        String e1 = record(w1, "2025-06-02", "2025-06-09", "OTHER", "SELF_CERTIFIED");
        String e2 = record(w2, "2025-06-03", "2025-06-05", "OTHER", "SELF_CERTIFIED");
        String e3 = record(w3, "2025-06-02", "2025-06-04", "OTHER", "SELF_CERTIFIED");
        String e4 = record(w4, "2025-06-09", "2025-06-12", "OTHER", "SELF_CERTIFIED");
        interview(e3, "2025-06-05");

        hr().queryParam("asOf", "2025-06-12").queryParam("teamId", team).get("/api/v1/return-interviews/due").then()
                .log().ifValidationFails().statusCode(200)
                .body("dueWithinWorkingDays", equalTo(3), "total", equalTo(2))
                .body("items.episodeId", equalTo(List.of(e2, e1)))
                .body("items.workerId", equalTo(List.of(w2.toString(), w1.toString())))
                .body("items.returnDay", equalTo(List.of("2025-06-06", "2025-06-10")))
                .body("items.workingDaysSince", equalTo(List.of(4, 2)))
                .body("items.calendarDaysSince", equalTo(List.of(6, 2)))
                .body("items.overdue", equalTo(List.of(true, false)));
        hr().queryParam("workerId", w2).get("/api/v1/absence-audit").then().body("total", equalTo(1))
                .body("items[0].what", equalTo("return-to-work interviews due as of 2025-06-12"));

        // e4 interviewed 20 June, 5 working days after its return on 13 June: late. Of 4 returns in June, 1 in time
        interview(e4, "2025-06-20");
        senior().queryParam("from", "2025-06-01").queryParam("to", "2025-06-30").queryParam("teamId", team)
                .get("/api/v1/return-interviews/timeliness").then().log().ifValidationFails().statusCode(200)
                .body("returns", equalTo(4), "interviewsHeld", equalTo(2), "heldInTime", equalTo(1),
                        "shareHeldInTime", equalTo(0.25f), "dueWithinWorkingDays", equalTo(3));
        manager(team).queryParam("from", "2025-06-07").queryParam("to", "2025-06-13")
                .get("/api/v1/return-interviews/timeliness").then().statusCode(200)
                .body("returns", equalTo(2), "heldInTime", equalTo(0), "shareHeldInTime", equalTo(0.0f));
    }
}
