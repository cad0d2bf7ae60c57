package uk.workforcewatch.gateway.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import uk.workforcewatch.events.EventJson;
import uk.workforcewatch.events.staffing.PostEvent;
import uk.workforcewatch.events.staffing.PostState;
import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "post_view")
public class PostView extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID teamId;
    @Enumerated(EnumType.STRING)
    public Role role;
    @Column(precision = 7, scale = 6)
    public BigDecimal fte;
    public LocalDate establishedOn;
    public LocalDate removedOn;
    /** The version of the event applied last. */
    public long version;
    /** That event, whole, as published: its state has every fact staffing holds of the post. */
    public String lastEvent;

    public boolean existsOn(LocalDate date) {
        return !date.isBefore(establishedOn) && (removedOn == null || !date.isAfter(removedOn));
    }

    /** The post as staffing last published it; empty for a row written before the view kept events whole. */
    public Optional<PostState> published() {
        return lastEvent == null ? Optional.empty()
                : Optional.of(EventJson.read(lastEvent.getBytes(StandardCharsets.UTF_8), PostEvent.class).post());
    }
}
