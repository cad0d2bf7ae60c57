package uk.workforcewatch.caseload.staff;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A worker as staffing-service last published them: team, role and FTE in force then, and the dates
 * of employment. Caseload-service never asks staffing-service; this copy is all it knows.
 */
@Entity
@Table(name = "worker")
public class KnownWorker extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The council's own key for the worker; empty for one staffing knows without. */
    public String staffNumber;

    public UUID teamId;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(precision = 7, scale = 6)
    public BigDecimal fte;

    @Enumerated(EnumType.STRING)
    public Employment employment;

    public LocalDate startDate;

    /** The last day employed; empty while the worker stays. */
    public LocalDate leftOn;

    /** The version of the staffing event applied last; older or repeated events are ignored. */
    public long staffingVersion;

    /** When staffing published the event applied last: whose claim to a staff number is newer. */
    public Instant staffingOccurredAt;

    /** The version of the last caseload snapshot published for this worker. */
    public long caseloadVersion;

    /** Has left by the date: their leaving date has come. */
    public boolean hasLeftBy(LocalDate date) {
        return leftOn != null && !date.isBefore(leftOn);
    }
}
