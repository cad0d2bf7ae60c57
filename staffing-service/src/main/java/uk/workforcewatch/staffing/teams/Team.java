package uk.workforcewatch.staffing.teams;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.workforcewatch.events.staffing.ServiceArea;
import uk.workforcewatch.events.staffing.TeamState;

import java.util.UUID;

@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public ServiceArea serviceArea;

    /** The worker who manages the team, when one is named. */
    public UUID managerId;

    @Version
    public long version;

    public TeamState state() {
        return new TeamState(id, name, serviceArea, managerId);
    }
}
