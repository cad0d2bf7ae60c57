package uk.workforcewatch.gateway.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import uk.workforcewatch.events.absence.Certification;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An absence episode as sickness-service last published it: its days, its certification and the day of its
 * return-to-work interview. The reason is deliberately not kept: it is health data, health data stays where
 * it is needed, and none of the gateway's rules needs it. Nor is who held the interview.
 */
@Entity
@Table(name = "absence_episode_view")
public class AbsenceEpisodeView extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID workerId;
    /** The worker's team on the episode's first day. */
    public UUID teamId;
    public LocalDate startDate;
    /** The last day absent; empty while the episode is open. */
    public LocalDate endDate;
    @Enumerated(EnumType.STRING)
    public Certification certification;
    public LocalDate returnInterviewOn;
    /** The version of the event applied last. */
    public long version;

    /** Whether the episode keeps the worker away on this day. */
    public boolean coversDay(LocalDate day) {
        return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }
}
