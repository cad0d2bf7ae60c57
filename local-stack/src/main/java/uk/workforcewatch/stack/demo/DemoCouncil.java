package uk.workforcewatch.stack.demo;

import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.staffing.Employment;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Loads the demo council, a plausible English council's children's services, through the services' public
 * REST API, as the people who would do it: the HR officer records teams, staff, posts and recruitment; each
 * team manager opens and allocates their team's cases; a senior manager overrides the limits the story
 * breaks; then the HR officer records the last 12 months' sickness absence and its return-to-work
 * interviews. The same every time: the council is drawn from a fixed seed, its dates relative to {@code today},
 * its absence planned with the thresholds sickness-service answers (its Bradford trigger, long-term days and
 * interview allowance), never copies of them.
 */
public final class DemoCouncil {

    /** Fixed, so every fresh start shows the same council (the day the recovery began, as it happens). */
    static final long SEED = 20_150_401L;
    /** Requests in flight at once: enough to keep two cores busy, few enough not to queue in the services. */
    static final int IN_FLIGHT = 8;
    /** How long caseload-service (or sickness-service) may take to hear of staffing's teams and workers. */
    static final Duration STAFFING_EVENTS_PATIENCE = Duration.ofSeconds(120);

    private final HttpClient http;
    private final URI staffing;
    private final URI caseload;
    private final URI sickness;
    private final DemoTokens tokens;
    private final LocalDate today;

    public DemoCouncil(HttpClient http, URI staffing, URI caseload, URI sickness, DemoTokens tokens,
                       LocalDate today) {
        this.http = http;
        this.staffing = staffing;
        this.caseload = caseload;
        this.sickness = sickness;
        this.tokens = tokens;
        this.today = today;
    }

    /**
     * Loads the whole council; returns when every write has been accepted. Throws {@link DemoLoadFailed} (with
     * the failing request, status and problem body) on any unexpected answer.
     */
    public DemoStory load() throws InterruptedException {
        long started = System.nanoTime();
        ServiceCalls calls = new ServiceCalls(http);
        DemoTokens signed = new CachedTokens(tokens);
        CouncilPlan plan = CouncilPlan.of(SEED, today);
        AbsencePlan absence = AbsencePlan.of(SEED, plan, calls.read(sickness.resolve("/api/v1/absence-thresholds"),
                signed.hrOfficer(), AbsenceThresholds.class));
        LoadedIds ids = new LoadedIds();
        StaffingLoad staffingLoad = new StaffingLoad(calls, staffing, signed, plan, ids);
        CaseloadWait caseloadWait = new CaseloadWait(calls, caseload, signed);
        try (Concurrently concurrently = new Concurrently(IN_FLIGHT)) {
            staffingLoad.sendTeamsAndStaff(concurrently);
            // once caseload-service has read the staff, the gateway (same topic) most likely has: see StaffingLoad
            caseloadWait.untilKnown(plan, plan.inPost().stream()
                    .filter(w -> w.employment() == Employment.PERMANENT).toList(), ids, STAFFING_EVENTS_PATIENCE);
            staffingLoad.sendEstablishment(concurrently);
            caseloadWait.untilKnown(plan, plan.inPost(), ids, STAFFING_EVENTS_PATIENCE);
            new CaseLoad(calls, caseload, signed, plan, ids).send(concurrently);
            // the absent workers' cases are all held by now: CASES_HELD_BY_ABSENT_WORKER fires once, as it stays
            new AbsenceLoad(calls, sickness, signed, absence, ids, STAFFING_EVENTS_PATIENCE).send(concurrently);
        }
        return new StoryTeller(plan, absence, ids).tell(Duration.ofNanos(System.nanoTime() - started));
    }
}
