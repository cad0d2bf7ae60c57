package uk.workforcewatch.bulk;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated records (RFC 4180) one at a time from a stream, never the whole file: fields may be
 * quoted, a quoted field may hold commas, line breaks and doubled quotes; records end with CRLF or LF. A byte
 * order mark at the start, as spreadsheets write, is skipped.
 */
public final class CsvReader implements AutoCloseable {

    private static final int NONE = -2;

    private final Reader in;
    private int peeked = NONE;
    private boolean started;
    private long line = 1;
    private long recordLine;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The line on which the last record read began. */
    public long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end; a blank line is no record. */
    public List<String> next() throws IOException {
        int c = read();
        while (c == '\r' || c == '\n') {
            endOfLine(c);
            c = read();
        }
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new CsvSyntaxException(recordLine, "a quoted field is not closed before the end of the file");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == ',' || c == '\r' || c == '\n' || c == -1) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (c != ',') {
                    if (c != -1) {
                        endOfLine(c);
                    }
                    return fields;
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (wasQuoted) {
                throw new CsvSyntaxException(recordLine, "text follows a quoted field's closing quote");
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    /** A line ends: a CR followed by LF counts once. */
    private void endOfLine(int c) throws IOException {
        line++;
        if (c == '\r') {
            int next = read();
            if (next != '\n') {
                peeked = next;
            }
        }
    }

    private int read() throws IOException {
        if (peeked != NONE) {
            int c = peeked;
            peeked = NONE;
            return c;
        }
        int c = in.read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = in.read();
            }
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
