package uk.workforcewatch.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.events.caseload.CaseAllocation;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseState;
import uk.workforcewatch.events.caseload.CaseStatus;
import uk.workforcewatch.events.staffing.CareerStage;
import uk.workforcewatch.events.staffing.CensusRole;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.LeaverDestination;
import uk.workforcewatch.events.staffing.LeavingReason;
import uk.workforcewatch.events.staffing.PostState;
import uk.workforcewatch.events.staffing.Qualification;
import uk.workforcewatch.events.staffing.QualificationLevel;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.StartOrigin;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.events.staffing.WorkerState;
import uk.workforcewatch.gateway.census.CensusSchema;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The census return of a fixture council, built from events as staffing, caseload and sickness publish them, with
 * every figure worked by hand and the XML checked against the collection's schema. The council lives in 2022-23,
 * a stretch of time no other test touches, inside the working-day calendar's years, and with the weekdays of
 * 2016-17 where it lived before: the reference date is 30 September 2023, the collection year runs from
 * 1 October 2022.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Receivers.class, scope = TestResourceScope.GLOBAL)
class CensusReturnTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String REFERENCE_DATE = "2023-09-30";
    private static final UUID TEAM = UUID.randomUUID();

    private static final PostState FILLED = post(Role.SOCIAL_WORKER, null);
    private static final PostState COVERED = post(Role.SOCIAL_WORKER, null);
    private static final PostState REMOVED = post(Role.SENIOR_PRACTITIONER, LocalDate.of(2023, 6, 30));
    private static final PostState SUPPORT = post(Role.SUPPORT_WORKER, null);

    // Ann: in post all year, 1.0 then 0.8 from March, in the filled post, absent on the date
    private static final WorkerState ANN = worker("Ann", Role.SOCIAL_WORKER, Employment.PERMANENT, "2021-04-01", null,
            "SW0000000001", StartOrigin.SOCIAL_WORK_OTHER_COUNCIL_ENGLAND, leeds(), null, CareerStage.FRONTLINE_PRACTITIONER,
            period("2021-04-01", Role.SOCIAL_WORKER, "1.0", FILLED.id()),
            period("2023-03-01", Role.SOCIAL_WORKER, "0.8", FILLED.id()));
    // Bob: a senior practitioner who left in the year
    private static final WorkerState BOB = leaver(worker("Bob", Role.SENIOR_PRACTITIONER, Employment.PERMANENT,
            "2022-01-04", "2023-06-30", "SW0000000002", StartOrigin.NEWLY_QUALIFIED, leeds(), null, null,
            period("2022-01-04", Role.SENIOR_PRACTITIONER, "1.0", REMOVED.id())));
    // Cat: an ASYE starter in the year, her registration number mistyped
    private static final WorkerState CAT = worker("Cat", Role.ASYE, Employment.PERMANENT, "2023-02-06", null,
            "SW12345", StartOrigin.NEWLY_QUALIFIED, new Qualification("Open University", QualificationLevel.POSTGRADUATE),
            null, null, period("2023-02-06", Role.ASYE, "1.0", null));
    // Dan: agency, half time, covering the vacant post; no qualification recorded
    private static final WorkerState DAN = worker("Dan", Role.SOCIAL_WORKER, Employment.AGENCY, "2023-05-01", null,
            "SW0000000004", StartOrigin.AGENCY_OR_CONSULTANCY_ENGLAND, null, null, null,
            period("2023-05-01", Role.SOCIAL_WORKER, "0.5", COVERED.id()));
    // Ida: a team manager the council counts as a middle manager
    private static final WorkerState IDA = worker("Ida", Role.TEAM_MANAGER, Employment.PERMANENT, "2020-01-06", null,
            "SW0000000009", StartOrigin.SOCIAL_WORK_OTHER_COUNCIL_ENGLAND, leeds(), CensusRole.MIDDLE_MANAGER,
            CareerStage.PRACTICE_LEADER, period("2020-01-06", Role.TEAM_MANAGER, "1.0", null));
    // not in the return: an agency worker gone before the date, a support worker, a leaver before the year, a
    // starter after the date
    private static final List<WorkerState> LEFT_OUT = List.of(
            leaver(worker("Eve", Role.SOCIAL_WORKER, Employment.AGENCY, "2022-11-01", "2023-04-30", "SW0000000005",
                    StartOrigin.AGENCY_OR_CONSULTANCY_ENGLAND, leeds(), null, null,
                    period("2022-11-01", Role.SOCIAL_WORKER, "1.0", null))),
            worker("Fay", Role.SUPPORT_WORKER, Employment.PERMANENT, "2021-01-05", null, null, null, null, null, null,
                    period("2021-01-05", Role.SUPPORT_WORKER, "1.0", SUPPORT.id())),
            leaver(worker("Gus", Role.SOCIAL_WORKER, Employment.PERMANENT, "2021-01-05", "2022-09-30", "SW0000000007",
                    StartOrigin.NOT_KNOWN, leeds(), null, null, period("2021-01-05", Role.SOCIAL_WORKER, "1.0", null))),
            worker("Hal", Role.SOCIAL_WORKER, Employment.PERMANENT, "2023-10-02", null, "SW0000000008",
                    StartOrigin.NEWLY_QUALIFIED, leeds(), null, null, period("2023-10-02", Role.SOCIAL_WORKER, "1.0", null)));

    @Test
    void theReturnIsTheCouncilsFactsOnTheDateInTheDepartmentsCodesAndPutRightKeepsToItsSchema() {
        Events.team(TEAM, "Census fixture team", 0);
        List.of(FILLED, COVERED, REMOVED, SUPPORT).forEach(post -> Events.post(post, 0));
        List.of(ANN, BOB, CAT, DAN, IDA).forEach(worker -> Events.worker(worker, 0));
        LEFT_OUT.forEach(worker -> Events.worker(worker, 0));
        // Ann holds two cases at the end of the date (one given to her that day); a third was taken from her that day
        kase(List.of(held(ANN, "2023-01-03", null)));
        kase(List.of(held(BOB, "2022-10-03", "2023-06-30"), held(ANN, "2023-09-30", null)));
        kase(List.of(held(ANN, "2023-05-01", "2023-09-30")));
        kase(List.of(held(CAT, "2023-03-01", null)));
        for (int i = 0; i < 3; i++) {
            kase(List.of(held(DAN, "2023-05-02", null)));
        }
        // Ann off five working days in January at 1.0, and from Thursday 28 September at 0.8 (two working days
        // before the Saturday of the date, which she is absent on): 5.00 + 1.60
        Events.episode(UUID.randomUUID(), ANN.id(), TEAM, 0, LocalDate.of(2023, 1, 9), LocalDate.of(2023, 1, 13),
                Certification.SELF_CERTIFIED, LocalDate.of(2023, 1, 16));
        Events.episode(UUID.randomUUID(), ANN.id(), TEAM, 0, LocalDate.of(2023, 9, 28), LocalDate.of(2023, 10, 6),
                Certification.FIT_NOTE, LocalDate.of(2023, 10, 9));

        // each kind of record comes on a topic and consumer of its own: wait until every one is in
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath report = report(Tokens.hrOfficer());
            assertEquals(5, report.getInt("workerRecords"));
            assertEquals(6, report.getInt("casesHeldAtReferenceDate"), "Ann 2, Cat 1, Dan 3");
            // 6 cases over the 0.8 + 1.0 + 0.5 FTE of the three who hold any: 2.6
            assertEquals(6, report.getInt("averageCaseload.casesHeld"));
            assertEquals(2.3f, report.getFloat("averageCaseload.caseHolderFte"));
            assertEquals(2.6f, report.getFloat("averageCaseload.average"));
            assertEquals("6.60", ann(xmlText()).getString("WorkingDaysLost"));
            assertEquals("1.00", new XmlPath(xmlText()).getString("Message.LALevelVacancies.NumberOfVacancies"));
        });

        String text = xmlText();
        XmlPath xml = new XmlPath(text);
        assertEquals("CSWW", xml.getString("Message.Header.CollectionDetails.Collection"));
        assertEquals("2023", xml.getString("Message.Header.CollectionDetails.Year"));
        assertEquals(REFERENCE_DATE, xml.getString("Message.Header.CollectionDetails.ReferenceDate"));
        assertEquals("L", xml.getString("Message.Header.Source.SourceLevel"));
        assertEquals("999", xml.getString("Message.Header.Source.LEA"));
        assertEquals("Workforce Watch", xml.getString("Message.Header.Source.SoftwareCode"));
        // vacant: the post only an agency worker covers (the removed one is gone, support posts do not count)
        assertEquals("1.00", xml.getString("Message.LALevelVacancies.NumberOfVacancies"));
        assertEquals("0.50", xml.getString("Message.LALevelVacancies.NoAgencyFTE"));
        assertEquals("1", xml.getString("Message.LALevelVacancies.NoAgencyHeadcount"));

        assertRecord(ann(text), Map.ofEntries(Map.entry("AgencyWorker", "0"), Map.entry("SWENo", "SW0000000001"),
                Map.entry("FTE", "0.800000"), Map.entry("QualInst", "University of Leeds"), Map.entry("QualLevel", "1"),
                Map.entry("OrgRole", "5"), Map.entry("RoleStartDate", "2021-04-01"), Map.entry("StartOrigin", "2"),
                Map.entry("FTE30", "0.800000"), Map.entry("Cases30", "2"), Map.entry("WorkingDaysLost", "6.60"),
                Map.entry("Absat30Sept", "1"), Map.entry("ReasonAbsence", "SIC"), Map.entry("CFKSSstatus", "2")));
        assertRecord(worker(text, "SW0000000002"), Map.ofEntries(Map.entry("AgencyWorker", "0"),
                Map.entry("FTE", "1.000000"), Map.entry("OrgRole", "4"), Map.entry("RoleStartDate", "2022-01-04"),
                Map.entry("StartOrigin", "1"), Map.entry("RoleEndDate", "2023-06-30"),
                Map.entry("LeaverDestination", "1"), Map.entry("ReasonLeave", "1"),
                Map.entry("WorkingDaysLost", "0.00"), Map.entry("FTE30", ""), Map.entry("Cases30", ""),
                Map.entry("Absat30Sept", ""), Map.entry("CFKSSstatus", "")));
        assertRecord(worker(text, "SW12345"), Map.ofEntries(Map.entry("OrgRole", "5"), Map.entry("Cases30", "1"),
                Map.entry("QualLevel", "2"), Map.entry("Absat30Sept", "0"), Map.entry("CFKSSstatus", "1")));
        assertRecord(worker(text, "SW0000000004"), Map.ofEntries(Map.entry("AgencyWorker", "1"),
                Map.entry("FTE", "0.500000"), Map.entry("QualInst", ""), Map.entry("OrgRole", "5"),
                Map.entry("StartOrigin", "4"), Map.entry("Cases30", "3")));
        assertRecord(worker(text, "SW0000000009"), Map.ofEntries(Map.entry("OrgRole", "2"), Map.entry("Cases30", "0"),
                Map.entry("CFKSSstatus", "4")));

        // the figures are the census indicators on the date, worked by hand: in post Ann 0.8 + Cat 1.0 + Ida 1.0
        JsonPath report = report(Tokens.seniorManager());
        assertEquals(REFERENCE_DATE, report.getString("referenceDate"));
        assertEquals("2022-10-01", report.getString("collectionYearFrom"));
        assertEquals(1, report.getInt("agencyWorkerRecords"));
        assertFigure("2.8", report.get("figures.fteInPost"));
        assertFigure("1.0", report.get("figures.leaverFte"));
        assertFigure("0.3571", report.get("figures.turnoverRate"));      // 1.0 ÷ 2.8
        assertFigure("0.1515", report.get("figures.agencyWorkerRate"));  // 0.5 ÷ 3.3
        assertFigure("0.2632", report.get("figures.vacancyRate"));       // 1.0 ÷ 3.8
        // what the department would reject: Cat's number; Dan's missing institution (and query his level)
        assertEquals(List.of("ERROR " + CAT.id() + " registrationNumber",
                        "ERROR " + DAN.id() + " qualification.institution", "QUERY " + DAN.id() + " qualification.level"),
                findings(report));
        List<String> schema = report.getList("schemaViolations");
        assertTrue(schema.stream().anyMatch(v -> v.contains("SW12345")), schema.toString());
        assertEquals(schema, CensusSchema.violations(xmlText()));

        // HR puts the records right in staffing; the corrected return keeps to the schema
        Events.worker(with(CAT, "SW0000000003", CAT.qualification()), 1);
        Events.worker(with(DAN, DAN.registrationNumber(), leeds()), 1);
        await().atMost(WAIT).untilAsserted(() -> assertEquals(0, report(Tokens.hrOfficer()).getInt("errors")));
        assertEquals(List.of(), report(Tokens.hrOfficer()).getList("schemaViolations"));
        assertEquals(List.of(), CensusSchema.violations(xmlText()));

        // who may produce it
        RestAssured.given().auth().oauth2(Tokens.teamManager(TEAM)).accept("application/json")
                .get("/api/v1/census/csww").then().statusCode(403);
        RestAssured.given().accept("application/xml").get("/api/v1/census/csww").then().statusCode(401);
    }

    /** The working-day calendar knows 2018 to 2030: a reference date whose year reaches outside them is refused. */
    @Test
    void aReferenceDateOutsideTheCalendarsYearsIsRefusedNamingTheField() {
        for (String date : List.of("2031-09-30", "2018-09-30")) {
            for (String type : List.of("application/json", "application/xml")) {
                RestAssured.given().auth().oauth2(Tokens.hrOfficer()).accept(type).queryParam("referenceDate", date)
                        .get("/api/v1/census/csww").then().statusCode(400).contentType("application/problem+json")
                        .body("violations[0].field", equalTo("referenceDate"),
                                "violations[0].message", containsString("supported years 2018 to 2030"));
            }
        }
        RestAssured.given().auth().oauth2(Tokens.hrOfficer()).accept("application/json")
                .queryParam("referenceDate", "2018-09-30").get("/api/v1/census/csww").then()
                .body("detail", containsString("collection year, 2017-10-01 to 2018-09-30"));
    }

    private static JsonPath report(String token) {
        return JsonPath.from(RestAssured.given().auth().oauth2(token).accept("application/json")
                .queryParam("referenceDate", REFERENCE_DATE).get("/api/v1/census/csww").then().statusCode(200)
                .extract().asString());
    }

    private static String xmlText() {
        return RestAssured.given().auth().oauth2(Tokens.hrOfficer()).accept("application/xml")
                .queryParam("referenceDate", REFERENCE_DATE).get("/api/v1/census/csww").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"CSWW_999_" + REFERENCE_DATE + ".xml\"")
                .extract().asString();
    }

    private static XmlPath ann(String xml) {
        return worker(xml, "SW0000000001");
    }

    /** The worker's record: a path of its own, since setting a root path changes the path it is set on. */
    private static XmlPath worker(String xml, String registration) {
        XmlPath record = new XmlPath(xml).setRootPath("Message.CSWWWorker.find { it.SWENo == '" + registration + "' }");
        assertEquals(registration, record.getString("SWENo"), "a record for " + registration);
        return record;
    }

    private static void assertRecord(XmlPath record, Map<String, String> expected) {
        List<String> wrong = new ArrayList<>();
        expected.forEach((element, value) -> {
            String actual = record.getString(element);
            if (!value.equals(actual == null ? "" : actual)) {
                wrong.add(element + ": expected '" + value + "', was '" + actual + "'");
            }
        });
        assertEquals(List.of(), wrong);
    }

    private static List<String> findings(JsonPath report) {
        List<Map<String, String>> quality = report.getList("quality");
        return quality.stream().filter(f -> List.of(CAT.id().toString(), DAN.id().toString(), ANN.id().toString(),
                        BOB.id().toString(), IDA.id().toString()).contains(f.get("workerId")))
                .map(f -> f.get("level") + " " + f.get("workerId") + " " + f.get("field")).toList();
    }

    private static void assertFigure(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))),
                "expected " + expected + ", was " + actual);
    }

    private static Qualification leeds() {
        return new Qualification("University of Leeds", QualificationLevel.UNDERGRADUATE);
    }

    private static PostState post(Role role, LocalDate removedOn) {
        return new PostState(UUID.randomUUID(), TEAM, role, BigDecimal.ONE, LocalDate.of(2021, 1, 1), removedOn,
                List.of());
    }

    private static WorkerPeriod period(String from, Role role, String fte, UUID post) {
        return new WorkerPeriod(LocalDate.parse(from), role, TEAM, new BigDecimal(fte), post);
    }

    private static WorkerState worker(String name, Role role, Employment employment, String start, String leftOn,
                                      String registration, StartOrigin origin, Qualification qualification,
                                      CensusRole censusRole, CareerStage stage, WorkerPeriod... history) {
        WorkerPeriod last = history[history.length - 1];
        return new WorkerState(UUID.randomUUID(), null, name, role, TEAM, last.fte(), last.postId(), employment,
                LocalDate.parse(start), registration, origin, leftOn == null ? null : LocalDate.parse(leftOn), null,
                null, qualification, censusRole, stage, List.of(history));
    }

    /** The same worker, left with a resignation to another council's social work. */
    private static WorkerState leaver(WorkerState w) {
        return new WorkerState(w.id(), w.staffNumber(), w.name(), w.role(), w.teamId(), w.fte(), w.postId(), w.employment(),
                w.startDate(), w.registrationNumber(), w.origin(), w.leftOn(), LeavingReason.RESIGNATION,
                LeaverDestination.SOCIAL_WORK_OTHER_COUNCIL_ENGLAND, w.qualification(), w.censusRole(),
                w.careerStage(), w.history());
    }

    private static WorkerState with(WorkerState w, String registration, Qualification qualification) {
        return new WorkerState(w.id(), w.staffNumber(), w.name(), w.role(), w.teamId(), w.fte(), w.postId(), w.employment(),
                w.startDate(), registration, w.origin(), w.leftOn(), w.leavingReason(), w.leavingDestination(),
                qualification, w.censusRole(), w.careerStage(), w.history());
    }

    private static CaseAllocation held(WorkerState worker, String from, String to) {
        return new CaseAllocation(worker.id(), LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    /** A case as caseload publishes it: held by the last allocation's worker unless it ended. */
    private static void kase(List<CaseAllocation> allocations) {
        UUID id = UUID.randomUUID();
        CaseAllocation last = allocations.get(allocations.size() - 1);
        boolean held = last.endedOn() == null;
        Events.kase(new CaseState(id, "C-" + id.toString().substring(0, 8), CaseCategory.CIN, TEAM,
                held ? CaseStatus.OPEN : CaseStatus.CLOSED, held ? last.workerId() : null, LocalDate.of(2022, 10, 3),
                null, held ? null : LocalDate.of(2023, 9, 30), held ? null : "Closed in the fixture",
                allocations.size(), allocations), 0);
    }
}
