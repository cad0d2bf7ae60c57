package uk.workforcewatch.gateway.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "team_view")
public class TeamView extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String serviceArea;
    public UUID managerId;
    /** The version of the event applied last. */
    public long version;
}
