package uk.workforcewatch.gateway.allocation;

import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the allocation options endpoint answers. */
public final class AllocationApi {

    private AllocationApi() {
    }

    /**
     * The team's workers who could take one more case of the category today, most room first, and those left out
     * with every reason that applies.
     */
    public record Options(UUID teamId, CaseCategory category, LocalDate asOf, List<Option> options,
                          List<LeftOut> leftOut) {
    }

    /**
     * A worker who could take the case: their figures as caseload-service last published them, and the room
     * left once the case is theirs ({@code roomAfter} under the caseload limit, {@code cpRoomAfter} under the CP
     * limit; the CP room moves only for a CP case). The weighted figures are empty where the council does not
     * weight cases.
     */
    public record Option(UUID workerId, String name, Role role, Employment employment, BigDecimal fte,
                         int openCases, int cpCases, int limit, int cpLimit, int roomAfter, int cpRoomAfter,
                         BigDecimal weightedLoad, BigDecimal weightedLimit) {
    }

    /**
     * A worker of the team not offered, with why. Figures the gateway has not heard of (a caseload not yet
     * published, a worker staffing has not yet published) are empty.
     */
    public record LeftOut(UUID workerId, String name, Role role, BigDecimal fte, Integer openCases, Integer cpCases,
                          Integer limit, Integer cpLimit, List<Exclusion> reasons) {
    }

    /** One reason a worker is left out, in words a manager reads. */
    public record Exclusion(Reason reason, String detail) {
    }

    /** Why a worker is left out. */
    public enum Reason {
        /** A support worker or a team manager: neither is offered statutory casework (see README). */
        ROLE_DOES_NOT_HOLD_CASES,
        /** Absent now, as sickness-service last said. */
        ABSENT,
        /** Their last day employed is today or has passed. */
        LEFT,
        /** Their first day is still to come. */
        NOT_STARTED,
        /** Newly qualified (ASYE): CP and court cases are held only jointly, never allocated to them alone. */
        ASYE_HIGH_RISK_CASE,
        /** One more case would take them over their caseload limit. */
        OVER_CASELOAD_LIMIT,
        /** One more CP case would take them over their CP limit. */
        OVER_CP_LIMIT,
        /** Where cases are weighted: their weighted load has already reached its limit, so any case breaks it. */
        OVER_WEIGHTED_LIMIT,
        /** The gateway has not yet heard of their caseload, so their room is unknown. */
        NO_CASELOAD_YET,
        /** caseload-service places the worker in the team, but staffing's event has not reached the gateway. */
        STAFFING_NOT_KNOWN
    }
}
