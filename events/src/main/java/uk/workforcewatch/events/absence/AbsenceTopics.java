package uk.workforcewatch.events.absence;

/** Topics sickness-service publishes to, each log-compacted: the newest snapshot per key is enough. */
public final class AbsenceTopics {

    /** Absence episodes, keyed by episode id. Carries the reason: health data, for consumers entitled to it. */
    public static final String EPISODES = "sickness.absence-episodes.v1";
    /** Whether each worker is absent now, keyed by worker id. */
    public static final String WORKER_ABSENCE = "sickness.worker-absence.v1";

    private AbsenceTopics() {
    }
}
