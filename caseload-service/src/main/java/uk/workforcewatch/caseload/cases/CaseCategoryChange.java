package uk.workforcewatch.caseload.cases;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
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
import java.util.List;
import java.util.UUID;

/**
 * The category a case has from a date (its opening, or when a plan started), and who recorded it when; a change that
 * broke a limit of the worker holding the case on a senior manager's say records the limits it broke and why.
 */
@Entity
@Table(name = "case_category")
public class CaseCategoryChange extends PanacheEntityBase implements Overridable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public CaseCategory category;

    public LocalDate effectiveFrom;

    public Instant recordedAt;

    public String recordedBy;

    /** Why a senior manager let the change break a limit. */
    public String overrideReason;

    /** The limits the change broke, with their figures. */
    public String overridden;

    @Override
    public void overrideLimits(String broken, String reason) {
        overridden = broken;
        overrideReason = reason;
    }

    /** Every category the case has had, in recording order. */
    static Uni<List<CaseCategoryChange>> history(UUID caseId) {
        return list("caseId", Sort.by("id"), caseId);
    }

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
