package uk.workforcewatch.gateway;

import uk.workforcewatch.events.absence.AbsenceEpisodeEvent;
import uk.workforcewatch.events.absence.AbsenceEpisodeState;
import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.absence.AbsenceTopics;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.events.absence.WorkerAbsenceEvent;
import uk.workforcewatch.events.absence.WorkerAbsenceState;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseEvent;
import uk.workforcewatch.events.caseload.CaseState;
import uk.workforcewatch.events.caseload.CaseStatus;
import uk.workforcewatch.events.caseload.CaseloadTopics;
import uk.workforcewatch.events.caseload.WorkerCaseload;
import uk.workforcewatch.events.caseload.WorkerCaseloadEvent;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.PostEvent;
import uk.workforcewatch.events.staffing.PostState;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.ServiceArea;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.events.staffing.TeamEvent;
import uk.workforcewatch.events.staffing.TeamState;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.events.staffing.WorkerState;
import uk.workforcewatch.testing.EventLog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes the services' events, from the contract, to the real broker, as the services would. */
public final class Events {

    /** sickness-service's default thresholds, which its absence events carry. */
    public static final AbsenceThresholds THRESHOLDS = new AbsenceThresholds(28, 200, 3);

    private Events() {
    }

    /** A worker's caseload where the council does not weight cases. */
    public static void caseload(UUID worker, UUID team, long version, int cp, int others, int limit) {
        caseload(worker, team, version, cp, others, limit, BigDecimal.valueOf(cp + others), BigDecimal.valueOf(limit),
                false);
    }

    /** A worker's caseload where the council weights cases: the weighted load and the weighted limit. */
    public static void weightedCaseload(UUID worker, UUID team, long version, int cp, int others, int limit,
                                        String weightedLoad, String weightedLimit) {
        caseload(worker, team, version, cp, others, limit, new BigDecimal(weightedLoad), new BigDecimal(weightedLimit),
                true);
    }

    private static void caseload(UUID worker, UUID team, long version, int cp, int others, int limit,
                                 BigDecimal weightedLoad, BigDecimal weightedLimit, boolean weightsConfigured) {
        Map<CaseCategory, Integer> counts = new EnumMap<>(CaseCategory.class);
        counts.put(CaseCategory.CP, cp);
        counts.put(CaseCategory.CIN, others);
        int cpLimit = limit * 2 / 3;
        EventLog.publish(CaseloadTopics.WORKER_CASELOADS, new WorkerCaseloadEvent(UUID.randomUUID(),
                WorkerCaseloadEvent.CHANGED, worker, version, Instant.now(),
                new WorkerCaseload(worker, team, cp + others, counts, weightedLoad, limit, cpLimit, weightedLimit,
                        weightsConfigured, limit - cp - others)));
    }

    public static void kase(UUID id, UUID team, long version, CaseCategory category, UUID worker,
                            Instant unallocatedSince) {
        EventLog.publish(CaseloadTopics.CASES, new CaseEvent(UUID.randomUUID(),
                worker == null ? CaseEvent.UNALLOCATED : CaseEvent.ALLOCATED, id, version, Instant.now(),
                new CaseState(id, "REF-" + id.toString().substring(0, 8), category, team, CaseStatus.OPEN, worker,
                        LocalDate.now().minusMonths(1), worker == null ? unallocatedSince : null, null, null, 1, List.of())));
    }

    public static void worker(UUID id, UUID team, long version, Employment employment, String fte, UUID post) {
        worker(id, "Worker " + id, Role.SOCIAL_WORKER, team, version, employment, fte, post, null);
    }

    /** A worker of a role and name, started a year ago; with {@code leftOn}, their last day employed. */
    public static void worker(UUID id, String name, Role role, UUID team, long version, Employment employment,
                              String fte, UUID post, LocalDate leftOn) {
        LocalDate start = LocalDate.now().minusYears(1);
        BigDecimal decimal = new BigDecimal(fte);
        EventLog.publish(StaffingTopics.WORKERS, new WorkerEvent(UUID.randomUUID(),
                leftOn == null ? WorkerEvent.HIRED : WorkerEvent.LEFT, id, version, Instant.now(),
                new WorkerState(id, null, name, role, team, decimal, post, employment, start, null, null, leftOn,
                        null, null, null, null, null, List.of(new WorkerPeriod(start, role, team, decimal, post)))));
    }

    /** A worker exactly as given, as staffing-service publishes one. */
    public static void worker(WorkerState state, long version) {
        EventLog.publish(StaffingTopics.WORKERS, new WorkerEvent(UUID.randomUUID(),
                state.leftOn() == null ? WorkerEvent.HIRED : WorkerEvent.LEFT, state.id(), version, Instant.now(), state));
    }

    /** A post exactly as given. */
    public static void post(PostState state, long version) {
        EventLog.publish(StaffingTopics.POSTS, new PostEvent(UUID.randomUUID(), PostEvent.ESTABLISHED, state.id(),
                version, Instant.now(), state));
    }

    /** A case exactly as given, as caseload-service publishes one. */
    public static void kase(CaseState state, long version) {
        EventLog.publish(CaseloadTopics.CASES, new CaseEvent(UUID.randomUUID(),
                state.workerId() == null ? CaseEvent.UNALLOCATED : CaseEvent.ALLOCATED, state.id(), version,
                Instant.now(), state));
    }

    public static void team(UUID id, String name, long version) {
        EventLog.publish(StaffingTopics.TEAMS, new TeamEvent(UUID.randomUUID(), TeamEvent.CREATED, id, version,
                Instant.now(), new TeamState(id, name, ServiceArea.CHILD_PROTECTION, null)));
    }

    public static void post(UUID id, UUID team, long version, String fte) {
        post(id, team, version, Role.SOCIAL_WORKER, fte);
    }

    public static void post(UUID id, UUID team, long version, Role role, String fte) {
        EventLog.publish(StaffingTopics.POSTS, new PostEvent(UUID.randomUUID(), PostEvent.ESTABLISHED, id, version,
                Instant.now(), new PostState(id, team, role, new BigDecimal(fte),
                LocalDate.now().minusYears(2), null, List.of())));
    }

    /** A worker's absence status: absent since a day, of an episode; or, with {@code since} empty, back. */
    public static void workerAbsence(UUID worker, UUID team, long version, LocalDate since, UUID episode) {
        boolean absent = since != null;
        EventLog.publish(AbsenceTopics.WORKER_ABSENCE, new WorkerAbsenceEvent(UUID.randomUUID(),
                WorkerAbsenceEvent.CHANGED, worker, version, Instant.now(),
                new WorkerAbsenceState(worker, team, absent, since, absent ? episode : null), THRESHOLDS));
    }

    /** An absence episode as it stands, with a reason and the default thresholds as sickness-service publishes it. */
    public static void episode(UUID id, UUID worker, UUID team, long version, LocalDate start, LocalDate end,
                               Certification certification, LocalDate interviewOn) {
        episode(id, worker, team, version, start, end, certification, interviewOn, THRESHOLDS);
    }

    /** An absence episode published by a sickness-service with these thresholds. */
    public static void episode(UUID id, UUID worker, UUID team, long version, LocalDate start, LocalDate end,
                               Certification certification, LocalDate interviewOn, AbsenceThresholds thresholds) {
        String type = interviewOn != null ? AbsenceEpisodeEvent.RETURN_INTERVIEW_RECORDED
                : end != null ? AbsenceEpisodeEvent.ENDED
                : version == 0 ? AbsenceEpisodeEvent.STARTED : AbsenceEpisodeEvent.CHANGED;
        EventLog.publish(AbsenceTopics.EPISODES, new AbsenceEpisodeEvent(UUID.randomUUID(), type, id, version,
                Instant.now(), new AbsenceEpisodeState(id, worker, team, start, end, AbsenceReason.STRESS_MENTAL_HEALTH,
                certification, interviewOn, interviewOn == null ? null : "Team manager"), thresholds));
    }
}
