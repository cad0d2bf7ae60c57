package uk.workforcewatch.gateway.census;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The children's social work workforce census return (CSWW) for a reference date, as the department's codes and
 * figures: what {@link CensusXml} writes. A value the council has not recorded is empty and left out of the XML.
 */
public record CensusReturn(Header header, Vacancies vacancies, List<WorkerRecord> workers) {

    /** The collection, its year and reference date; the council's three-digit code, the software, when produced. */
    public record Header(int year, LocalDate referenceDate, String laCode, String softwareCode, Instant producedAt) {
    }

    /** At the reference date: vacant FTE, agency FTE and agency headcount. */
    public record Vacancies(BigDecimal vacantFte, BigDecimal agencyFte, int agencyHeadcount) {
    }

    /**
     * One child and family social worker: in post at any time in the collection year, or an agency worker at the
     * reference date. Codes are the department's. {@code workerId} is ours, for the quality report; it is never
     * sent.
     */
    public record WorkerRecord(UUID workerId, boolean agency, String registrationNumber, BigDecimal fte,
                               String qualificationInstitution, Integer qualificationLevel, Integer organisationRole,
                               LocalDate roleStartDate, Integer startOrigin, LocalDate roleEndDate,
                               Integer leaverDestination, Integer reasonForLeaving, BigDecimal fteAtReferenceDate,
                               Integer casesAtReferenceDate, BigDecimal workingDaysLost, Boolean absentAtReferenceDate,
                               String absenceReason, Integer careerStage) {
    }
}
