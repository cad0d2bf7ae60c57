package uk.workforcewatch.stack.demo;

import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.stack.RecordsImport;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Loads the demo council, a plausible English council's children's services, as a council adopting the system
 * brings its records in: its files (teams, posts, workers with their history, cases with who held them from when,
 * the year's absence with its return-to-work interviews) written to a folder and imported, then through the API what
 * files do not carry (each team's manager, the rounds of recruitment). The same every time: the council is drawn
 * from a fixed seed, its dates relative to {@code today}, its absence planned with the thresholds sickness-service
 * answers (its Bradford trigger, long-term days and interview allowance), never copies of them.
 */
public final class DemoCouncil {

    /** Fixed, so every fresh start shows the same council (the day the recovery began, as it happens). */
    static final long SEED = 20_150_401L;
    /** Requests in flight at once: enough to keep two cores busy, few enough not to queue in the services. */
    static final int IN_FLIGHT = 8;

    private final HttpClient http;
    private final URI staffing;
    private final URI caseload;
    private final URI sickness;
    private final DemoTokens tokens;
    private final LocalDate today;
    private final PrintStream out;

    public DemoCouncil(HttpClient http, URI staffing, URI caseload, URI sickness, DemoTokens tokens,
                       LocalDate today, PrintStream out) {
        this.http = http;
        this.staffing = staffing;
        this.caseload = caseload;
        this.sickness = sickness;
        this.tokens = tokens;
        this.today = today;
        this.out = out;
    }

    /**
     * Writes the council's files into the folder and loads them; returns when every write has been accepted. Throws
     * {@link DemoLoadFailed} (with the failing request, status and problem body) on any unexpected answer.
     */
    public DemoStory load(Path folder) throws InterruptedException, IOException {
        long started = System.nanoTime();
        ServiceCalls calls = new ServiceCalls(http);
        DemoTokens signed = new CachedTokens(tokens);
        CouncilPlan plan = CouncilPlan.of(SEED, today);
        AbsencePlan absence = AbsencePlan.of(SEED, plan, calls.read(sickness.resolve("/api/v1/absence-thresholds"),
                signed.hrOfficer(), AbsenceThresholds.class));
        CouncilFiles files = new CouncilFiles(plan, absence);
        files.write(folder);
        // straight to the services that own each kind, as the stack's gateway would send them
        RecordsImport records = new RecordsImport(http, kind -> switch (kind) {
            case "cases" -> caseload;
            case "absences" -> sickness;
            default -> staffing;
        }, signed::hrOfficer, signed::seniorManager, out);
        if (!records.folder(folder, false)) {
            throw new DemoLoadFailed("./stack import " + folder, 400, "the demo council's files were refused");
        }
        LoadedIds ids = new ServiceIds(calls, staffing, caseload, sickness, signed).of(plan, absence, files);
        try (Concurrently concurrently = new Concurrently(IN_FLIGHT)) {
            new BeyondTheFiles(calls, staffing, signed, plan, ids).send(concurrently);
        }
        return new StoryTeller(plan, absence, ids).tell(Duration.ofNanos(System.nanoTime() - started));
    }
}
