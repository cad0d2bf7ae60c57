package uk.workforcewatch.staffing.workers;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.LeavingReason;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.WorkerPeriod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The worker's records on the wire. */
public final class WorkerApi {

    /** Social Work England's registration number: two letters and ten digits. */
    static final String REGISTRATION_NUMBER = "[A-Z]{2}[0-9]{10}";

    private WorkerApi() {
    }

    public record HireWorker(
            @NotBlank @Size(max = 200) String name,
            @NotNull Role role,
            @NotNull UUID teamId,
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be above 0")
            @DecimalMax(value = "1", message = "must be at most 1.0")
            @Digits(integer = 1, fraction = 6) BigDecimal fte,
            @NotNull Employment employment,
            @NotNull LocalDate startDate,
            UUID postId,
            @Pattern(regexp = REGISTRATION_NUMBER, message = "must be two capital letters and ten digits")
            String registrationNumber,
            @Size(max = 100) String origin) {
    }

    /**
     * A change of role, team, FTE or post from a date on; what is not named stays. Moving to another
     * team leaves the old team's post unless a new post is named; {@code vacatePost} leaves it anyway.
     */
    public record ChangeWorker(
            @NotNull LocalDate effectiveFrom,
            Role role,
            UUID teamId,
            @DecimalMin(value = "0", inclusive = false, message = "must be above 0")
            @DecimalMax(value = "1", message = "must be at most 1.0")
            @Digits(integer = 1, fraction = 6) BigDecimal fte,
            UUID postId,
            boolean vacatePost,
            Long version) {

        boolean namesNothing() {
            return role == null && teamId == null && fte == null && postId == null && !vacatePost;
        }
    }

    /** Corrects the worker's details that have no history. */
    public record ChangeDetails(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            @Pattern(regexp = REGISTRATION_NUMBER, message = "must be two capital letters and ten digits")
            String registrationNumber,
            @Size(max = 100) String origin,
            Long version) {
    }

    /** The worker's last day, why they left and where they went. */
    public record RecordLeaving(
            @NotNull LocalDate leftOn,
            @NotNull LeavingReason reason,
            @Size(max = 100) String destination,
            Long version) {
    }

    public record WorkerView(UUID id, String name, WorkerStatus status, Role role, UUID teamId, BigDecimal fte,
                             UUID postId, Employment employment, LocalDate startDate, String registrationNumber,
                             String origin, LocalDate leftOn, LeavingReason leavingReason, String leavingDestination,
                             List<WorkerPeriod> history, long version) {

        static WorkerView of(Worker worker, LocalDate today) {
            Period now = worker.current(today);
            return new WorkerView(worker.id, worker.name, worker.statusOn(today), now.role, now.teamId, now.fte,
                    now.postId, worker.employment, worker.startDate, worker.registrationNumber, worker.origin,
                    worker.leftOn, worker.leavingReason, worker.leavingDestination,
                    worker.periods.stream().map(Period::state).toList(), worker.version);
        }
    }
}
