package uk.workforcewatch.stack.demo;

import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.Certification;
import uk.workforcewatch.stack.demo.AbsencePlan.Absence;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records the year's absence in sickness-service as the HR officer: each episode in one call, the ended ones
 * with their end and the return-to-work interview held since, if one was, so no interview ever looks overdue
 * to the gateway in between. Workers load side by side, each worker's episodes one after the other in date order.
 *
 * <p>Sickness-service knows workers only from staffing's events, which it reads at its own pace, and has no
 * read that tells a known worker from an unknown one (a list of an unknown worker's episodes is just empty).
 * What tells is the write itself: an episode of a worker it has not heard of is refused with 400 on
 * {@code workerId}, changing nothing. So each worker's first episode is sent again until it is accepted, or
 * {@code patience} runs out.
 */
final class AbsenceLoad {

    private static final Duration POLL = Duration.ofMillis(200);

    record RecordAbsence(UUID workerId, LocalDate startDate, AbsenceReason reason, Certification certification,
                         LocalDate endDate, ReturnInterview returnInterview) {
    }

    record ReturnInterview(LocalDate heldOn, String heldBy) {
    }

    private final ServiceCalls calls;
    private final URI sickness;
    private final DemoTokens tokens;
    private final AbsencePlan plan;
    private final LoadedIds ids;
    private final Duration patience;

    AbsenceLoad(ServiceCalls calls, URI sickness, DemoTokens tokens, AbsencePlan plan, LoadedIds ids,
                Duration patience) {
        this.calls = calls;
        this.sickness = sickness;
        this.tokens = tokens;
        this.plan = plan;
        this.ids = ids;
        this.patience = patience;
    }

    void send(Concurrently concurrently) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        concurrently.forEach(sequences(), sequence -> {
            boolean known = false;
            for (Absence absence : sequence) {
                UUID id = known ? record(absence) : recordOnceKnown(absence, deadline);
                known = true;
                ids.put(absence.key(), id);
            }
        });
    }

    /** A sequence per worker, in the plan's order. */
    private List<List<Absence>> sequences() {
        Map<String, List<Absence>> sequences = new LinkedHashMap<>();
        for (Absence absence : plan.absences()) {
            sequences.computeIfAbsent(absence.workerKey(), any -> new ArrayList<>()).add(absence);
        }
        return List.copyOf(sequences.values());
    }

    private UUID record(Absence absence) throws InterruptedException {
        return calls.create(api("/absences"), tokens.hrOfficer(), body(absence));
    }

    /** Sends the episode again while sickness-service answers that it knows no such worker. */
    private UUID recordOnceKnown(Absence absence, long deadline) throws InterruptedException {
        URI uri = api("/absences");
        RecordAbsence body = body(absence);
        while (true) {
            ServiceCalls.Answer answer = calls.attemptPost(uri, tokens.hrOfficer(), body);
            if (answer.status() == 201) {
                return UUID.fromString(answer.body().path("id").asText());
            }
            boolean unknownWorker = answer.status() == 400 && answer.body().toString().contains("no worker has id");
            if (!unknownWorker || System.nanoTime() > deadline) {
                throw new DemoLoadFailed(ServiceCalls.describe("POST", uri, body), answer.status(),
                        (unknownWorker ? "sickness-service has not heard of the worker from staffing's events within "
                                + patience.toSeconds() + " s: " : "") + answer.body());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private RecordAbsence body(Absence absence) {
        return new RecordAbsence(ids.of(absence.workerKey()), absence.startDate(), absence.reason(),
                absence.certification(), absence.endDate(), absence.interviewOn() == null ? null
                : new ReturnInterview(absence.interviewOn(), absence.interviewBy()));
    }

    private URI api(String path) {
        return sickness.resolve("/api/v1" + path);
    }
}
