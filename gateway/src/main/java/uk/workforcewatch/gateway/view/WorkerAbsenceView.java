package uk.workforcewatch.gateway.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Whether a worker is absent, as sickness-service last published it: since the first day of the episode
 * that keeps them away ({@code since} and {@code episodeId} empty when they are not absent).
 */
@Entity
@Table(name = "worker_absence_view")
public class WorkerAbsenceView extends PanacheEntityBase {

    @Id
    public UUID workerId;
    public UUID teamId;
    public boolean absent;
    public LocalDate since;
    public UUID episodeId;
    /** The version of the event applied last. */
    public long version;
}
