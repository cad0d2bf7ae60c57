package uk.workforcewatch.gateway.allocation;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.gateway.allocation.AllocationApi.LeftOut;
import uk.workforcewatch.gateway.allocation.AllocationApi.Option;
import uk.workforcewatch.gateway.allocation.AllocationApi.Options;
import uk.workforcewatch.gateway.allocation.AllocationApi.Reason;
import uk.workforcewatch.gateway.view.CaseloadView;
import uk.workforcewatch.gateway.view.WorkerAbsenceView;
import uk.workforcewatch.gateway.view.WorkerView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllocationOptionsTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-11");
    private static final UUID TEAM = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private final List<WorkerView> workers = new ArrayList<>();
    private final List<CaseloadView> caseloads = new ArrayList<>();
    private final List<WorkerAbsenceView> absences = new ArrayList<>();

    private WorkerView worker(String name, Role role, String fte) {
        WorkerView worker = new WorkerView();
        worker.id = UUID.nameUUIDFromBytes(name.getBytes());
        worker.teamId = TEAM;
        worker.name = name;
        worker.role = role;
        worker.fte = new BigDecimal(fte);
        worker.employment = Employment.PERMANENT;
        worker.startDate = TODAY.minusYears(2);
        workers.add(worker);
        return worker;
    }

    private CaseloadView caseload(WorkerView worker, int cp, int others, int limit) {
        CaseloadView load = new CaseloadView();
        load.workerId = worker.id;
        load.teamId = worker.teamId;
        load.openCases = cp + others;
        load.cpCases = cp;
        load.limit = limit;
        load.cpLimit = limit * 2 / 3;
        load.weightedLoad = BigDecimal.valueOf(cp + others);
        load.weightedLimit = BigDecimal.valueOf(limit);
        caseloads.add(load);
        return load;
    }

    private Options options(CaseCategory category) {
        return AllocationOptions.of(TEAM, category, TODAY, workers, caseloads, absences);
    }

    private static List<String> names(Options options) {
        return options.options().stream().map(Option::name).toList();
    }

    private static Map<String, List<Reason>> reasons(Options options) {
        return options.leftOut().stream().collect(Collectors.toMap(l -> l.name() == null ? l.workerId().toString()
                : l.name(), l -> l.reasons().stream().map(AllocationApi.Exclusion::reason).toList()));
    }

    @Test
    void mostRoomFirstThenMostCpRoomThenNameAndTheRoomIsCountedAfterTheAllocation() {
        caseload(worker("Cara", Role.SOCIAL_WORKER, "1.0"), 0, 3, 15);           // room 11
        caseload(worker("Bea", Role.SOCIAL_WORKER, "1.0"), 6, 5, 15);            // room 3, CP room 4 (CIN) / 3 (CP)
        caseload(worker("Abe", Role.SOCIAL_WORKER, "0.5"), 0, 3, 7);             // room 3, CP room 4 / 3
        caseload(worker("Dan", Role.SENIOR_PRACTITIONER, "1.0"), 0, 11, 15);     // room 3, CP room 10 / 9
        caseload(worker("Eve", Role.SOCIAL_WORKER, "1.0"), 2, 12, 15);           // room 0: the last case it takes

        Options cin = options(CaseCategory.CIN);
        assertEquals(List.of("Cara", "Dan", "Abe", "Bea", "Eve"), names(cin));
        Option abe = cin.options().get(2);
        assertEquals(3, abe.roomAfter());
        assertEquals(4, abe.cpRoomAfter(), "a CIN case leaves the CP room as it is");
        assertEquals(0, cin.options().get(4).roomAfter());
        assertTrue(cin.leftOut().isEmpty());

        Options cp = options(CaseCategory.CP);
        assertEquals(List.of("Cara", "Dan", "Abe", "Bea", "Eve"), names(cp));
        assertEquals(3, cp.options().get(2).cpRoomAfter());
        assertNull(cp.options().get(0).weightedLoad(), "no weights configured");
    }

    @Test
    void everyReasonAWorkerIsLeftOutIsGiven() {
        caseload(worker("Full", Role.SOCIAL_WORKER, "1.0"), 0, 15, 15);
        caseload(worker("CpFull", Role.SOCIAL_WORKER, "1.0"), 10, 0, 15);
        caseload(worker("Asye", Role.ASYE, "1.0"), 0, 2, 12);
        WorkerView absent = worker("Absent", Role.SOCIAL_WORKER, "1.0");
        caseload(absent, 10, 5, 15);
        WorkerAbsenceView absence = new WorkerAbsenceView();
        absence.workerId = absent.id;
        absence.absent = true;
        absence.since = TODAY.minusDays(4);
        absences.add(absence);
        WorkerView gone = worker("Gone", Role.SOCIAL_WORKER, "1.0");
        gone.leftOn = TODAY.minusDays(1);
        caseload(gone, 0, 0, 15);
        WorkerView lastDay = worker("LastDay", Role.SOCIAL_WORKER, "1.0");
        lastDay.leftOn = TODAY;
        caseload(lastDay, 0, 0, 15);
        WorkerView future = worker("Future", Role.SOCIAL_WORKER, "1.0");
        future.startDate = TODAY.plusDays(1);
        caseload(future, 0, 0, 15);
        worker("New", Role.SOCIAL_WORKER, "1.0");
        caseload(worker("Support", Role.SUPPORT_WORKER, "1.0"), 0, 0, 15);
        caseload(worker("Manager", Role.TEAM_MANAGER, "1.0"), 0, 0, 15);
        CaseloadView unknown = caseload(worker("Unknown", Role.SOCIAL_WORKER, "1.0"), 0, 1, 15);
        workers.removeIf(w -> w.name.equals("Unknown"));
        WorkerView moved = worker("Moved", Role.SOCIAL_WORKER, "1.0");
        caseload(moved, 0, 1, 15);
        moved.teamId = UUID.randomUUID();                      // staffing moved them; caseload-service not yet

        Map<String, List<Reason>> cp = reasons(options(CaseCategory.CP));
        assertEquals(Map.ofEntries(
                Map.entry("Full", List.of(Reason.OVER_CASELOAD_LIMIT)),
                Map.entry("CpFull", List.of(Reason.OVER_CP_LIMIT)),
                Map.entry("Asye", List.of(Reason.ASYE_HIGH_RISK_CASE)),
                Map.entry("Absent", List.of(Reason.ABSENT, Reason.OVER_CASELOAD_LIMIT, Reason.OVER_CP_LIMIT)),
                Map.entry("Gone", List.of(Reason.LEFT)),
                Map.entry("LastDay", List.of(Reason.LEFT)),
                Map.entry("Future", List.of(Reason.NOT_STARTED)),
                Map.entry("New", List.of(Reason.NO_CASELOAD_YET)),
                Map.entry("Support", List.of(Reason.ROLE_DOES_NOT_HOLD_CASES)),
                Map.entry("Manager", List.of(Reason.ROLE_DOES_NOT_HOLD_CASES)),
                Map.entry(unknown.workerId.toString(), List.of(Reason.STAFFING_NOT_KNOWN))), cp);
        assertTrue(options(CaseCategory.CP).options().isEmpty());

        Options cin = options(CaseCategory.CIN);
        assertEquals(List.of("Asye", "CpFull"), names(cin));
        assertEquals(List.of(Reason.ABSENT, Reason.OVER_CASELOAD_LIMIT), reasons(cin).get("Absent"));
        assertEquals(List.of(Reason.ASYE_HIGH_RISK_CASE), reasons(options(CaseCategory.COURT)).get("Asye"));
        LeftOut absentOne = cin.leftOut().stream().filter(l -> "Absent".equals(l.name())).findFirst().orElseThrow();
        assertEquals("absent since " + TODAY.minusDays(4), absentOne.reasons().get(0).detail());
        assertEquals(15, absentOne.openCases());
    }

    @Test
    void whereCasesAreWeightedAWorkerWhoseWeightedLoadHasReachedItsLimitIsLeftOut() {
        CaseloadView reached = caseload(worker("Reached", Role.SOCIAL_WORKER, "1.0"), 4, 4, 15);
        reached.weightsConfigured = true;
        reached.weightedLoad = new BigDecimal("15.00");
        reached.weightedLimit = new BigDecimal("15.00");
        CaseloadView roomy = caseload(worker("Roomy", Role.SOCIAL_WORKER, "1.0"), 2, 6, 15);
        roomy.weightsConfigured = true;
        roomy.weightedLoad = new BigDecimal("10.00");
        roomy.weightedLimit = new BigDecimal("15.00");
        CaseloadView tight = caseload(worker("Tight", Role.SOCIAL_WORKER, "1.0"), 2, 6, 15);
        tight.weightsConfigured = true;
        tight.weightedLoad = new BigDecimal("14.00");
        tight.weightedLimit = new BigDecimal("15.00");

        Options cin = options(CaseCategory.CIN);
        assertEquals(List.of("Roomy", "Tight"), names(cin), "same room, more weighted room first");
        assertEquals(new BigDecimal("10.00"), cin.options().get(0).weightedLoad());
        assertEquals(List.of(Reason.OVER_WEIGHTED_LIMIT), reasons(cin).get("Reached"));
    }
}
