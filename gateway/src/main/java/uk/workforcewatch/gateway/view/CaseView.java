package uk.workforcewatch.gateway.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseStatus;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "case_view")
public class CaseView extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID teamId;
    public String reference;
    @Enumerated(EnumType.STRING)
    public CaseCategory category;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    public UUID workerId;
    public Instant unallocatedSince;
    /** The version of the event applied last. */
    public long version;

    public boolean waiting() {
        return status == CaseStatus.OPEN && workerId == null && unallocatedSince != null;
    }
}
