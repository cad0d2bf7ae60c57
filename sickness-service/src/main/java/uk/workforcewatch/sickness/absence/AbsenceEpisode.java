package uk.workforcewatch.sickness.absence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.workforcewatch.events.absence.AbsenceEpisodeEvent;
import uk.workforcewatch.events.absence.AbsenceEpisodeState;
import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.AbsenceThresholds;
import uk.workforcewatch.events.absence.Certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A spell of sickness absence of one worker, from its first day to its last ({@code endDate}, empty while
 * it lasts). It belongs to the team the worker was in on its first day.
 */
@Entity
@Table(name = "absence_episode")
public class AbsenceEpisode extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID workerId;

    public UUID teamId;

    public LocalDate startDate;

    /** The last day absent; empty while the episode is open. */
    public LocalDate endDate;

    /** Health data: shown only to HR officers and the team's manager. */
    @Enumerated(EnumType.STRING)
    public AbsenceReason reason;

    @Enumerated(EnumType.STRING)
    public Certification certification;

    public LocalDate returnInterviewOn;

    public String returnInterviewBy;

    public String recordedBy;

    @Version
    public long version;

    public boolean isOpen() {
        return endDate == null;
    }

    /** Covers the day: started by then and not yet over. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }

    /** The event of the episode as it now stands, at its version. */
    public AbsenceEpisodeEvent event(String type, Instant occurredAt, AbsenceThresholds thresholds) {
        return new AbsenceEpisodeEvent(UUID.randomUUID(), type, id, version, occurredAt, state(), thresholds);
    }

    public AbsenceEpisodeState state() {
        return new AbsenceEpisodeState(id, workerId, teamId, startDate, endDate, reason, certification,
                returnInterviewOn, returnInterviewBy);
    }
}
