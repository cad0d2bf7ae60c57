package uk.workforcewatch.gateway.census;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.census.AverageCaseload;
import uk.workforcewatch.census.Indicators;
import uk.workforcewatch.gateway.audit.AuditAction;
import uk.workforcewatch.gateway.audit.AuditLog;
import uk.workforcewatch.problem.CalendarDates;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The statutory children's social work workforce census return (CSWW), produced from the live view for any
 * reference date: the department's XML, or its figures with what the department would reject or query. For HR
 * officers and senior managers; each production is in the audit log, since the return carries each worker's
 * sickness absence.
 */
@Path("/api/v1/census/csww")
@Tag(name = "Census")
public class CensusResource {

    /** The figures of a return, and what to put right before sending it. */
    public record Report(LocalDate referenceDate, LocalDate collectionYearFrom, String laCode, int workerRecords,
                         int agencyWorkerRecords, int casesHeldAtReferenceDate, Indicators figures,
                         AverageCaseload.Figure averageCaseload, long errors,
                         long queries, List<DataQuality.Finding> quality, List<String> schemaViolations) {
    }

    private final CensusReturns returns;
    private final AuditLog audit;
    private final SecurityIdentity identity;

    CensusResource(CensusReturns returns, AuditLog audit, SecurityIdentity identity) {
        this.returns = returns;
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_XML)
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER})
    @Operation(summary = "The CSWW return for a reference date (default the latest 30 September), as the "
            + "department's XML")
    @WithTransaction
    public Uni<Response> xml(@QueryParam("referenceDate") LocalDate referenceDate) {
        LocalDate date = orDefault(referenceDate);
        return returns.produce(date).call(census -> audited(date, census, "XML")).map(census -> {
            CensusReturn.Header header = census.census().header();
            return Response.ok(CensusXml.write(census.census()))
                    .header("Content-Disposition", "attachment; filename=\"CSWW_" + header.laCode() + "_"
                            + header.referenceDate() + ".xml\"")
                    .build();
        });
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER})
    @Operation(summary = "The CSWW return's figures for a reference date (default the latest 30 September), and its "
            + "data-quality report: each worker and field the department would reject (ERROR) or query (QUERY), and "
            + "where the XML breaks the collection's schema")
    @WithTransaction
    public Uni<Report> report(@QueryParam("referenceDate") LocalDate referenceDate) {
        LocalDate date = orDefault(referenceDate);
        return returns.produce(date).call(census -> audited(date, census, "figures and quality report"))
                .map(census -> {
                    CensusReturn xml = census.census();
                    List<DataQuality.Finding> quality = DataQuality.of(xml, census.workers());
                    return new Report(date, CensusAssembler.collectionYearStart(date), xml.header().laCode(),
                            xml.workers().size(),
                            (int) xml.workers().stream().filter(CensusReturn.WorkerRecord::agency).count(),
                            xml.workers().stream().map(CensusReturn.WorkerRecord::casesAtReferenceDate)
                                    .filter(Objects::nonNull).mapToInt(Integer::intValue).sum(),
                            census.figures(), census.averageCaseload(),
                            quality.stream().filter(f -> f.level() == DataQuality.Level.ERROR).count(),
                            quality.stream().filter(f -> f.level() == DataQuality.Level.QUERY).count(),
                            quality, CensusSchema.violations(CensusXml.write(xml)));
                });
    }

    /** The date asked for, else the default; its collection year must lie within the working-day calendar's years. */
    private LocalDate orDefault(LocalDate referenceDate) {
        LocalDate date = referenceDate != null ? referenceDate : returns.defaultReferenceDate();
        CalendarDates.requirePeriod("referenceDate", "its collection year", CensusAssembler.collectionYearStart(date),
                date);
        return date;
    }

    private Uni<Void> audited(LocalDate date, CensusAssembler.Census census, String what) {
        UUID subject = UUID.nameUUIDFromBytes(("CSWW " + date).getBytes(StandardCharsets.UTF_8));
        return audit.record(identity, AuditAction.CENSUS_RETURN_PRODUCED, "CENSUS_RETURN", subject, null,
                "CSWW reference date " + date + ": " + what + ", " + census.census().workers().size() + " workers");
    }
}
