package uk.workforcewatch.bulk;

import org.jboss.logging.Logger;
import uk.workforcewatch.problem.ProblemException;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Runs the import of one file on one connection, in one transaction, reading the file as it arrives: the work
 * validates each row against the file so far and what is stored, and writes as it goes, in batches; the transaction
 * commits only when no row was wrong and it is no dry run, so nothing is written from a file with one wrong row.
 * Blocking: call it from a worker thread.
 */
public final class Imports {

    private static final Logger LOG = Logger.getLogger(Imports.class);

    /** The work of one kind of file, given the connection (its transaction open) and the file's rows. */
    @FunctionalInterface
    public interface Work {
        void run(Connection connection, CsvFile file, ImportTally tally) throws SQLException, IOException;
    }

    private Imports() {
    }

    public static ImportReport run(DataSource dataSource, String kind, Columns columns, InputStream body,
                                   boolean dryRun, Work work) {
        RowErrors errors = new RowErrors();
        ImportTally tally = new ImportTally();
        boolean written = false;
        long rows = 0;
        try (Connection connection = dataSource.getConnection();
             CsvFile file = new CsvFile(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)),
                     columns, errors)) {
            connection.setAutoCommit(false);
            try {
                if (file.readable()) {
                    work.run(connection, file, tally);
                }
            } catch (CsvSyntaxException e) {
                errors.add(e.line(), null, null, e.getMessage());
            }
            rows = file.rows();
            if (errors.any() || dryRun) {
                connection.rollback();
            } else {
                connection.commit();
                written = true;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The import of " + kind + " failed: nothing was written", e);
        }
        LOG.infof("Import kind=%s rows=%d created=%d updated=%d unchanged=%d errors=%d dryRun=%s written=%s", kind,
                rows, tally.created, tally.updated, tally.unchanged, errors.count(), dryRun, written);
        return new ImportReport(kind, dryRun, written, rows, tally.created, tally.updated, tally.unchanged,
                errors.count(), errors.listed());
    }

    /** The report, or a 400 problem listing every row at fault (the report's figures beside them) when there is one. */
    public static ImportReport requireValid(ImportReport report) {
        if (report.errorCount() == 0) {
            return report;
        }
        List<RowErrors.RowError> errors = report.errors();
        throw new ProblemException(400, "Import refused", report.errorCount()
                + (report.errorCount() == 1 ? " error" : " errors") + " in the " + report.kind()
                + " file, the first on line " + errors.get(0).line() + ": nothing was written", List.of(),
                Map.of("report", report));
    }
}
