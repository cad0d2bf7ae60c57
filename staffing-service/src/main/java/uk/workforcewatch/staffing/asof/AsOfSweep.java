package uk.workforcewatch.staffing.asof;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Brings what staffing has published up to today: a fact recorded ahead of its date (a start, a change, a leaving,
 * a post's establishment or removal) changes what is true when the date comes, with nothing recorded that day. Each
 * {@link PublishedAsOf} publishes its subjects whose date has come, a batch a transaction, the event and the moved
 * marker committing together: a second sweep the same day finds nothing, and the first after a restart or an outage
 * publishes, once, what the days missed changed. Runs at start and then every {@code staffing.current-values-check-every}.
 */
@ApplicationScoped
public class AsOfSweep {

    /** Subjects published a transaction: a day's due after an outage still commits in short steps. */
    static final int BATCH = 200;

    private final List<PublishedAsOf> subjects;
    private final Clock clock;

    AsOfSweep(Instance<PublishedAsOf> subjects, Clock clock) {
        this.subjects = subjects.stream().toList();
        this.clock = clock;
    }

    @Scheduled(every = "${staffing.current-values-check-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> sweep() {
        LocalDate today = LocalDate.now(clock);
        Uni<Void> all = Uni.createFrom().voidItem();
        for (PublishedAsOf subject : subjects) {
            all = all.chain(() -> drain(subject, today));
        }
        return all;
    }

    private Uni<Void> drain(PublishedAsOf subject, LocalDate today) {
        return Panache.withTransaction(() -> subject.republishDue(today, BATCH))
                .chain(published -> published < BATCH ? Uni.createFrom().voidItem() : drain(subject, today));
    }
}
