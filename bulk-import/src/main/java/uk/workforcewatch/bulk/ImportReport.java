package uk.workforcewatch.bulk;

import java.util.List;

/**
 * What an import of one file did, or would do when {@code dryRun}: the rows read, the things created, updated and
 * found unchanged, and every error (the first {@link RowErrors#LISTED} listed). {@code written} only when the file
 * had no error and it was no dry run: a file with one wrong row writes nothing.
 */
public record ImportReport(String kind, boolean dryRun, boolean written, long rows, long created, long updated,
                           long unchanged, long errorCount, List<RowErrors.RowError> errors) {
}
