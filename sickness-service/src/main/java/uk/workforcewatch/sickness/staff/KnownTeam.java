package uk.workforcewatch.sickness.staff;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A team as staffing-service last published it. */
@Entity
@Table(name = "team")
public class KnownTeam extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    /** The version of the staffing event applied last; older or repeated events are ignored. */
    public long staffingVersion;
}
