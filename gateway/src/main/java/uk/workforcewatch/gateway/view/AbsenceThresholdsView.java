package uk.workforcewatch.gateway.view;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import uk.workforcewatch.events.absence.AbsenceThresholds;

import java.time.Instant;

/**
 * The absence thresholds as sickness-service's newest absence event carried them: sickness-service owns them, the
 * absence rules judge by them. One row, empty until the first event with thresholds arrives. Written and read by
 * queries only, never as a managed row, so two consumers writing at once never lose the newer values and an
 * evaluation sees what its own transaction wrote.
 */
@Entity
@Table(name = "absence_thresholds")
public class AbsenceThresholdsView extends PanacheEntityBase {

    @Id
    public short id;
    public Integer longTermAfterDays;
    public Integer bradfordTrigger;
    public Integer returnInterviewDueWithinWorkingDays;
    /** When the event that brought the values held was published. */
    public Instant publishedAt;

    /**
     * Holds the event's thresholds when they differ from those held and the event is newer than the one that
     * brought those; an event without thresholds (from before they travelled) changes nothing. Only a change
     * writes, so the row is not locked by every absence event.
     */
    static Uni<Void> keep(AbsenceThresholds thresholds, Instant publishedAt) {
        if (thresholds == null) {
            return Uni.createFrom().voidItem();
        }
        return update("longTermAfterDays = ?1, bradfordTrigger = ?2, returnInterviewDueWithinWorkingDays = ?3,"
                        + " publishedAt = ?4 where id = 1 and (publishedAt is null or (publishedAt < ?4"
                        + " and (longTermAfterDays <> ?1 or bradfordTrigger <> ?2 or returnInterviewDueWithinWorkingDays <> ?3)))",
                thresholds.longTermAfterDays(), thresholds.bradfordTrigger(),
                thresholds.returnInterviewDueWithinWorkingDays(), publishedAt).replaceWithVoid();
    }

    /** The thresholds held, or {@code null} before any absence event brought them. */
    public static Uni<AbsenceThresholds> current() {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select t.longTermAfterDays, t.bradfordTrigger, t.returnInterviewDueWithinWorkingDays"
                                + " from AbsenceThresholdsView t where t.publishedAt is not null", Object[].class)
                .getSingleResultOrNull())
                .map(row -> row == null ? null
                        : new AbsenceThresholds((Integer) row[0], (Integer) row[1], (Integer) row[2]));
    }
}
