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

    public record Recategorise(@NotNull CaseCategory category, Long version) {
    }

    /**
     * Allocates (or reallocates) the case to a worker. An allocation that would break a limit goes through
     * only with {@code overrideReason}, from a senior manager.
     */
    public record Allocate(@NotNull UUID workerId, @Size(min = 3, max = 500) String overrideReason, Long version) {
    }

    public record Close(@NotNull LocalDate closedOn, @NotBlank @Size(max = 200) String reason, Long version) {
    }

    public record AllocationView(UUID workerId, Allocation.Change change, Instant recordedAt, String recordedBy,
                                 String overrideReason, String overridden) {

        static AllocationView of(Allocation allocation) {
            return new AllocationView(allocation.workerId, allocation.change, allocation.recordedAt,
                    allocation.recordedBy, allocation.overrideReason, allocation.overridden);
        }
    }

    public record CaseView(UUID id, String reference, CaseCategory category, UUID teamId, CaseStatus status,
                           UUID workerId, LocalDate openedOn, Instant unallocatedSince, LocalDate closedOn,
                           String closeReason, int workersSoFar, long version, List<AllocationView> history) {

        static CaseView of(Case kase, List<Allocation> history) {
            return new CaseView(kase.id, kase.reference, kase.category, kase.teamId, kase.status, kase.workerId,
                    kase.openedOn, kase.unallocatedSince, kase.closedOn, kase.closeReason, kase.workersSoFar,
                    kase.version, history == null ? null : history.stream().map(AllocationView::of).toList());
        }
    }
}
