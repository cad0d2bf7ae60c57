package uk.workforcewatch.bulk;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import uk.workforcewatch.problem.ProblemException;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A service's kinds of file, imported and exported on its own database. Blocking: call from a worker thread. */
public final class RecordFiles {

    private final DataSource dataSource;
    private final Map<String, RecordFile> kinds;

    public RecordFiles(DataSource dataSource, List<RecordFile> kinds) {
        this.dataSource = dataSource;
        this.kinds = kinds.stream().collect(Collectors.toMap(RecordFile::kind, Function.identity()));
    }

    /** The file read in one transaction, sent by {@code by}: the report, or a 400 listing its rows at fault. */
    public ImportReport importFile(String kind, InputStream body, boolean dryRun, String by) {
        RecordFile file = kind(kind);
        return Imports.requireValid(Imports.run(dataSource, kind, file.columns(), body, dryRun,
                (connection, csv, tally) -> file.read(connection, csv, tally, by)));
    }

    /**
     * Every record of the kind, streamed as CSV from one read-only transaction, so it is one consistent picture, as a
     * download named for the kind.
     */
    public Response export(String kind) {
        RecordFile file = kind(kind);
        StreamingOutput rows = output -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
                file.write(connection, new CsvWriter(writer, file.columns()));
                writer.flush();
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("The export of " + kind + " failed", e);
            }
        };
        return Response.ok(rows).header("Content-Disposition", "attachment; filename=\"" + kind + ".csv\"").build();
    }

    public List<String> kinds() {
        return kinds.keySet().stream().sorted().toList();
    }

    private RecordFile kind(String kind) {
        RecordFile file = kinds.get(kind);
        if (file == null) {
            throw ProblemException.notFound("File kind", kind + " (this service takes " + String.join(", ", kinds())
                    + ")");
        }
        return file;
    }
}
