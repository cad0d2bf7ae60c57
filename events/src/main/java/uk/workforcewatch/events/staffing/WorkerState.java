package uk.workforcewatch.events.staffing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A worker as it stands. {@code role}, {@code teamId}, {@code fte} and {@code postId} are the values in
 * force on {@code asOf}, the day the event was published; {@code history} has every period from the start date on,
 * oldest first, so a consumer can tell any of them as of any date. {@code leftOn} is the last day
 * employed, empty while the worker stays. Staffing publishes the worker again, one version more, on the day a
 * date of theirs comes (their start, a period's first day, the day after their last), so the latest event is true
 * as of that day; {@code asOf} is empty in events from before it travelled.
 *
 * <p>{@code staffNumber} is the council's own key for the worker (its HR system's), by which a council's files name
 * them; empty for a worker hired without one.
 *
 * <p>The census return's facts, as census-coded values: {@code registrationNumber} is as HR entered it and
 * may be malformed or empty (the return's quality report says so); {@code origin} and {@code qualification}
 * may be empty; {@code leavingReason} and {@code leavingDestination} are empty while employed;
 * {@code censusRole} is set only where it differs from what {@code role} implies (see {@link CensusRole});
 * {@code careerStage} may be empty, and an {@code ASYE} worker's is implied.
 */
public record WorkerState(
        UUID id,
        String staffNumber,
        String name,
        Role role,
        UUID teamId,
        BigDecimal fte,
        UUID postId,
        Employment employment,
        LocalDate startDate,
        String registrationNumber,
        StartOrigin origin,
        LocalDate leftOn,
        LeavingReason leavingReason,
        LeaverDestination leavingDestination,
        Qualification qualification,
        CensusRole censusRole,
        CareerStage careerStage,
        List<WorkerPeriod> history,
        LocalDate asOf) {

    /** A worker with no day named, as events from before {@code asOf} travelled read. */
    public WorkerState(UUID id, String staffNumber, String name, Role role, UUID teamId, BigDecimal fte, UUID postId,
                       Employment employment, LocalDate startDate, String registrationNumber, StartOrigin origin,
                       LocalDate leftOn, LeavingReason leavingReason, LeaverDestination leavingDestination,
                       Qualification qualification, CensusRole censusRole, CareerStage careerStage,
                       List<WorkerPeriod> history) {
        this(id, staffNumber, name, role, teamId, fte, postId, employment, startDate, registrationNumber, origin, leftOn,
                leavingReason, leavingDestination, qualification, censusRole, careerStage, history, null);
    }
}
