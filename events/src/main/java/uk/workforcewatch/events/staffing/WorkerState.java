package uk.workforcewatch.events.staffing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A worker as it stands. {@code role}, {@code teamId}, {@code fte} and {@code postId} are the values in
 * force on the day the event was published; {@code history} has every period from the start date on,
 * oldest first, so a consumer can tell any of them as of any date. {@code leftOn} is the last day
 * employed, empty while the worker stays.
 */
public record WorkerState(
        UUID id,
        String name,
        Role role,
        UUID teamId,
        BigDecimal fte,
        UUID postId,
        Employment employment,
        LocalDate startDate,
        String registrationNumber,
        String origin,
        LocalDate leftOn,
        LeavingReason leavingReason,
        String leavingDestination,
        List<WorkerPeriod> history) {
}
