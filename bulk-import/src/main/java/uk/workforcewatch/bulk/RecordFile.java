package uk.workforcewatch.bulk;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One kind of a council's records as a CSV file (teams, workers, cases...), owned by one service: read into its
 * database, and written back out in the same format, so that what goes in comes out again equal.
 */
public interface RecordFile {

    /** The kind's name in the path: {@code /api/v1/imports/{kind}}. */
    String kind();

    Columns columns();

    /**
     * Reads the rows, checking each against the file so far and what is stored, and writes what changes with its
     * events, in batches; a thing already stored as the file has it is left alone, so a second import changes nothing.
     * Runs in a transaction that is rolled back if any row is wrong. {@code by} names who sent the file, for what the
     * service records of who made a change.
     */
    void read(Connection connection, CsvFile file, ImportTally tally, String by) throws SQLException, IOException;

    /** Writes every record of the kind, a batch at a time, in the order and format {@link #read} takes. */
    void write(Connection connection, CsvWriter out) throws SQLException;
}
