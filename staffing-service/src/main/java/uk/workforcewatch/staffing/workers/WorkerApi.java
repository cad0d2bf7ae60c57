package uk.workforcewatch.staffing.workers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.workforcewatch.events.staffing.CareerStage;
import uk.workforcewatch.events.staffing.CensusRole;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.LeaverDestination;
import uk.workforcewatch.events.staffing.LeavingReason;
import uk.workforcewatch.events.staffing.Qualification;
import uk.workforcewatch.events.staffing.QualificationLevel;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.StartOrigin;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.staffing.api.CouncilKeys;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The worker's records on the wire. The census fields take the census's values by name (their codes are in
 * the event contract). A registration number is taken as HR enters it, up to 20 characters, not held to
 * Social Work England's form (two letters, ten digits): refusing it would hide the mistake, while the census
 * return's quality report names it for HR to fix.
 */
public final class WorkerApi {

    private WorkerApi() {
    }

    /** Where and at what level the worker qualified as a social worker. */
    public record QualificationDetails(
            @NotBlank @Size(max = 200) String institution,
            @NotNull QualificationLevel level) {

        Qualification toQualification() {
            return new Qualification(institution.strip(), level);
        }
    }

    public record HireWorker(
            @Pattern(regexp = CouncilKeys.PATTERN, message = CouncilKeys.RULE) String staffNumber,
            @NotBlank @Size(max = 200) String name,
            @NotNull Role role,
            @NotNull UUID teamId,
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be above 0")
            @DecimalMax(value = "1", message = "must be at most 1.0")
            @Digits(integer = 1, fraction = 6) BigDecimal fte,
            @NotNull Employment employment,
            @NotNull LocalDate startDate,
            UUID postId,
            @Size(max = 20) String registrationNumber,
            StartOrigin origin,
            @Valid QualificationDetails qualification,
            CensusRole censusRole,
            CareerStage careerStage) {
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

    /**
     * Corrects the worker's details that have no history; what is not named stays. A leaver's reason and
     * destination can be corrected once they have left.
     */
    public record ChangeDetails(
            @Pattern(regexp = CouncilKeys.PATTERN, message = CouncilKeys.RULE) String staffNumber,
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            @Size(max = 20) String registrationNumber,
            StartOrigin origin,
            @Valid QualificationDetails qualification,
            CensusRole censusRole,
            CareerStage careerStage,
            LeavingReason leavingReason,
            LeaverDestination leavingDestination,
            Long version) {

        boolean namesNothing() {
            return staffNumber == null && name == null && registrationNumber == null && origin == null && qualification == null
                    && censusRole == null && careerStage == null && leavingReason == null && leavingDestination == null;
        }
    }

    /** The worker's last day, why they left and where they went (not collected yet, when not given). */
    public record RecordLeaving(
            @NotNull LocalDate leftOn,
            @NotNull LeavingReason reason,
            LeaverDestination destination,
            Long version) {
    }

    public record WorkerView(UUID id, String staffNumber, String name, WorkerStatus status, Role role, UUID teamId, BigDecimal fte,
                             UUID postId, Employment employment, LocalDate startDate, String registrationNumber,
                             StartOrigin origin, LocalDate leftOn, LeavingReason leavingReason,
                             LeaverDestination leavingDestination, Qualification qualification, CensusRole censusRole,
                             CareerStage careerStage, List<WorkerPeriod> history, long version) {

        static WorkerView of(Worker worker, LocalDate today) {
            Period now = worker.current(today);
            return new WorkerView(worker.id, worker.staffNumber, worker.name, worker.statusOn(today), now.role, now.teamId, now.fte,
                    now.postId, worker.employment, worker.startDate, worker.registrationNumber, worker.origin,
                    worker.leftOn, worker.leavingReason, worker.leavingDestination, worker.qualification(),
                    worker.censusRole, worker.careerStage, worker.periods.stream().map(Period::state).toList(),
                    worker.version);
        }
    }
}
