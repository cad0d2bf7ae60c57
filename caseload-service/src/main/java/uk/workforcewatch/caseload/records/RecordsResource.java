package uk.workforcewatch.caseload.records;

import io.quarkus.security.identity.SecurityIdentity;
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

import javax.sql.DataSource;
import java.io.InputStream;

/**
 * A council's cases with their allocation history in and out as a CSV file (docs/records.md), read as it arrives
 * and written in one transaction, or not at all. Senior managers, who may act on every team's cases.
 */
@Path("/api/v1")
@Tag(name = "Council records")
public class RecordsResource {

    private final RecordFiles files;
    private final SecurityIdentity identity;

    RecordsResource(DataSource dataSource, Instance<RecordFile> kinds, SecurityIdentity identity) {
        this.files = new RecordFiles(dataSource, kinds.stream().toList());
        this.identity = identity;
    }

    @POST
    @Path("/imports/{kind}")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.SENIOR_MANAGER)
    @Operation(summary = "Import a file of cases with who held each from when: every row checked first, a 400 listing "
            + "each row at fault (line, column, value, why) and nothing written when any is wrong; dryRun checks "
            + "only. Importing the same file again changes nothing")
    public ImportReport importFile(@PathParam("kind") String kind,
                                   @QueryParam("dryRun") @DefaultValue("false") boolean dryRun, InputStream body) {
        return files.importFile(kind, body, dryRun, identity.getPrincipal().getName());
    }

    @GET
    @Path("/exports/{kind}")
    @Produces("text/csv")
    @Blocking
    @RolesAllowed(Roles.SENIOR_MANAGER)
    @Operation(summary = "Export every case with its allocation history in the import's own format")
    public Response export(@PathParam("kind") String kind) {
        return files.export(kind);
    }
}
