package uk.workforcewatch.gateway.monitoring;

import com.fasterxml.jackson.annotation.JsonRawValue;
import uk.workforcewatch.events.alerts.AlertState;
import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A worker's and a team's current picture, as the gateway's view holds it. */
public final class Pictures {

    private Pictures() {
    }

    /** {@code byCategory} is kept as the JSON object it arrived as, and goes out as one. */
    public record Caseload(int openCases, int cpCases, int limit, int cpLimit, BigDecimal weightedLoad,
                           BigDecimal weightedLimit, @JsonRawValue String byCategory) {
    }

    /**
     * Staffing's facts (empty until staffing's event arrives), the caseload, whether the worker is absent
     * and since when (never why), and the worker's open alerts.
     */
    public record Worker(UUID id, String name, Role role, UUID teamId, BigDecimal fte, Employment employment,
                         LocalDate startDate, LocalDate leftOn, Caseload caseload, boolean absent,
                         LocalDate absentSince, List<AlertState> alerts) {
    }

    public record WaitingCase(UUID caseId, String reference, CaseCategory category, Instant unallocatedSince) {
    }

    /** The team's workers with their caseloads, its cases waiting for a worker (CP first), and its open alerts. */
    public record Team(UUID id, String name, List<Worker> workers, List<WaitingCase> unallocated,
                       List<AlertState> alerts) {
    }
}
