package uk.workforcewatch.bulk;

/** The file is not comma-separated values as RFC 4180 has them: nothing after this point can be read. */
public class CsvSyntaxException extends RuntimeException {

    private final long line;

    public CsvSyntaxException(long line, String message) {
        super(message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
