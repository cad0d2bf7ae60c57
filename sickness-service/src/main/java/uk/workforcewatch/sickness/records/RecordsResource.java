package uk.workforcewatch.sickness.records;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.bulk.ImportReport;
import uk.workforcewatch.bulk.RecordFile;
import uk.workforcewatch.bulk.RecordFiles;
import uk.workforcewatch.sickness.audit.AuditLog;
import uk.workforcewatch.sickness.security.Callers;

import javax.sql.DataSource;
import java.io.InputStream;

/**
 * A council's absence records in and out as a CSV file (docs/records.md), read as it arrives and written in one
 * transaction, or not at all. Absence reasons are health data: HR officers only, and an export is audited.
 */
@Path("/api/v1")
@Tag(name = "Council records")
public class RecordsResource {

    private final RecordFiles files;
    private final AuditLog audit;
    private final Callers callers;

    RecordsResource(DataSource dataSource, Instance<RecordFile> kinds, AuditLog audit, Callers callers) {
        this.files = new RecordFiles(dataSource, kinds.stream().toList());
        this.audit = audit;
        this.callers = callers;
    }

    @POST
    @Path("/imports/{kind}")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.HR_OFFICER)
    @Operation(summary = "Import a file of absence episodes (HR officers): every row checked as the API checks an "
            + "episode, a 400 listing each row at fault (line, column, value, why) and nothing written when any is "
            + "wrong; dryRun checks only. Importing the same file again changes nothing; a later one updates what it "
            + "changes")
    public ImportReport importFile(@PathParam("kind") String kind,
                                   @QueryParam("dryRun") @DefaultValue("false") boolean dryRun, InputStream body) {
        return files.importFile(kind, body, dryRun, callers.current().name());
    }

    @GET
    @Path("/exports/{kind}")
    @Produces("text/csv")
    @Blocking
    @RolesAllowed(Roles.HR_OFFICER)
    @Operation(summary = "Export every absence episode in the import's own format (HR officers); the export is "
            + "audited, who and how many episodes, before its first row goes out")
    public Response export(@PathParam("kind") String kind) {
        Response rows = files.export(kind);
        audit.recordExport(callers.current());
        return rows;
    }
}
