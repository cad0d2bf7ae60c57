package uk.workforcewatch.caseload.cases;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import uk.workforcewatch.events.caseload.CaseCategory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The category a case has from a date (its opening, or when a plan started), and who recorded it when. */
@Entity
@Table(name = "case_category")
public class CaseCategoryChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public CaseCategory category;

    public LocalDate effectiveFrom;

    public Instant recordedAt;

    public String recordedBy;

    static CaseCategoryChange of(Case kase, LocalDate from, Instant at, String by) {
        CaseCategoryChange change = new CaseCategoryChange();
        change.caseId = kase.id;
        change.category = kase.category;
        change.effectiveFrom = from;
        change.recordedAt = at;
        change.recordedBy = by;
        return change;
    }
}
