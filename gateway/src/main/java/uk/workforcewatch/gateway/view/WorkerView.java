package uk.workforcewatch.gateway.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import uk.workforcewatch.events.EventJson;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.WorkerEvent;
import uk.workforcewatch.events.staffing.WorkerState;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "worker_view")
public class WorkerView extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID teamId;
    public String name;
    @Enumerated(EnumType.STRING)
    public Role role;
    @Column(precision = 7, scale = 6)
    public BigDecimal fte;
    @Enumerated(EnumType.STRING)
    public Employment employment;
    public UUID postId;
    public LocalDate startDate;
    public LocalDate leftOn;
    /** The version of the event applied last. */
    public long version;
    /** That event, whole, as published: its state has every fact staffing holds of the worker. */
    public String lastEvent;

    public boolean employedOn(LocalDate date) {
        return !date.isBefore(startDate) && (leftOn == null || !date.isAfter(leftOn));
    }

    /** The worker as staffing last published it; empty for a row written before the view kept events whole. */
    public Optional<WorkerState> published() {
        return lastEvent == null ? Optional.empty()
                : Optional.of(EventJson.read(lastEvent.getBytes(StandardCharsets.UTF_8), WorkerEvent.class).worker());
    }
}
