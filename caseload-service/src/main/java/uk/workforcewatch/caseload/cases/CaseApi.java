package uk.workforcewatch.caseload.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.caseload.CaseStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The case's records on the wire. */
public final class CaseApi {

    private CaseApi() {
    }

    /**
     * {@code reference} is pseudonymous: letters, digits and dashes, so a child's name cannot be stored. A case
     * may be opened already allocated to {@code workerId}, under the same limits as an allocation.
     */
    public record OpenCase(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{3,40}",
                    message = "must be a pseudonymous reference: 3 to 40 letters, digits or dashes, no spaces")
            String reference,
            @NotNull CaseCategory category,
            @NotNull UUID teamId,
            @NotNull LocalDate openedOn,
            UUID workerId,
            @Size(min = 3, max = 500) String overrideReason) {
    }

    /**
     * The case's new category from {@code effectiveOn} (today when left out), such as the day a plan started. When it
     * would break a limit of the worker holding the case today, it goes through only with {@code overrideReason}, from
     * a senior manager.
     */
    public record Recategorise(@NotNull CaseCategory category, LocalDate effectiveOn,
                               @Size(min = 3, max = 500) String overrideReason, Long version) {
    }

    /**
     * Allocates (or reallocates) the case to a worker from {@code effectiveOn}, the day it took effect (today when
     * left out; it may be past, as records often come late). An allocation that would break a limit today goes
     * through only with {@code overrideReason}, from a senior manager.
     */
    public record Allocate(@NotNull UUID workerId, @Size(min = 3, max = 500) String overrideReason,
                           LocalDate effectiveOn, Long version) {
    }

    /**
     * Corrects a change of the case's history recorded in error: its date, its worker, or that it never happened
     * ({@code strikeOut}). {@code reason} says why, for the audit; a correction that makes a worker hold the case
     * now is judged by the limits as an allocation is.
     */
    public record Correction(LocalDate effectiveOn, UUID workerId, boolean strikeOut,
                             @NotBlank @Size(min = 3, max = 500) String reason,
                             @Size(min = 3, max = 500) String overrideReason, Long version) {
    }

    public record Close(@NotNull LocalDate closedOn, @NotBlank @Size(max = 200) String reason, Long version) {
    }

    /**
     * One change of the history: in force from {@code effectiveOn} until {@code endedOn} unless a correction
     * ({@code supersededBy}) replaced it; recorded at {@code recordedAt} by {@code recordedBy}.
     */
    public record AllocationView(long id, UUID workerId, Allocation.Change change, LocalDate effectiveOn,
                                 LocalDate endedOn, Instant recordedAt, String recordedBy, String overrideReason,
                                 String overridden, Long corrects, String correctionReason, Long supersededBy) {

        static AllocationView of(Allocation allocation) {
            return new AllocationView(allocation.id, allocation.workerId, allocation.change, allocation.effectiveOn,
                    allocation.endedOn, allocation.recordedAt, allocation.recordedBy, allocation.overrideReason,
                    allocation.overridden, allocation.corrects, allocation.correctionReason, allocation.supersededBy);
        }
    }

    /**
     * The category the case had from {@code effectiveFrom}, recorded at {@code recordedAt} by {@code recordedBy}; with
     * the limits of the holder it broke on a senior manager's say, and why.
     */
    public record CategoryView(long id, CaseCategory category, LocalDate effectiveFrom, Instant recordedAt,
                               String recordedBy, String overrideReason, String overridden) {

        static CategoryView of(CaseCategoryChange change) {
            return new CategoryView(change.id, change.category, change.effectiveFrom, change.recordedAt,
                    change.recordedBy, change.overrideReason, change.overridden);
        }
    }

    /**
     * A case; {@code history} (who held it) and {@code categories} (its categories) in recording order, or null where
     * the answer does not carry them (lists, and the answers of other commands).
     */
    public record CaseView(UUID id, String reference, CaseCategory category, UUID teamId, CaseStatus status,
                           UUID workerId, LocalDate openedOn, Instant unallocatedSince, LocalDate closedOn,
                           String closeReason, int workersSoFar, long version, List<AllocationView> history,
                           List<CategoryView> categories) {

        static CaseView of(Case kase, List<Allocation> history) {
            return of(kase, history, null);
        }

        static CaseView of(Case kase, List<Allocation> history, List<CaseCategoryChange> categories) {
            return new CaseView(kase.id, kase.reference, kase.category, kase.teamId, kase.status, kase.workerId,
                    kase.openedOn, kase.unallocatedSince, kase.closedOn, kase.closeReason, kase.workersSoFar,
                    kase.version, history == null ? null : history.stream().map(AllocationView::of).toList(),
                    categories == null ? null : categories.stream().map(CategoryView::of).toList());
        }
    }
}
