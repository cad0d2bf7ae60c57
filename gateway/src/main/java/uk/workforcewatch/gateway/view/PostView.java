package uk.workforcewatch.gateway.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
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

    public boolean existsOn(LocalDate date) {
        return !date.isBefore(establishedOn) && (removedOn == null || !date.isAfter(removedOn));
    }
}
