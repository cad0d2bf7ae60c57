package uk.workforcewatch.sickness.audit;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.problem.ProblemException;
import uk.workforcewatch.sickness.api.Page;

import java.time.LocalDate;
import java.util.UUID;

/** The audit of reads of absence records: for HR officers and senior managers, never team managers. */
@Path("/api/v1/absence-audit")
@Tag(name = "Audit")
public class AuditResource {

    private final AuditLog audit;

    AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER})
    @Operation(summary = "Who read whose absence records and when, newest first; by worker and by the days of the "
            + "reads, from and to included")
    public Uni<Page<AuditLog.AuditView>> list(@QueryParam("workerId") UUID workerId, @QueryParam("from") LocalDate from,
                                              @QueryParam("to") LocalDate to,
                                              @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                              @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        return audit.list(workerId, from, to, page, size);
    }
}
