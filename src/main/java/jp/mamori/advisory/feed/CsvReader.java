package jp.mamori.advisory.feed;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.FeedFormatException;

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes, {@code ""} for a quote inside
 * a quoted field, line breaks allowed inside quotes, CRLF or LF. The KEV CSV needs all of that
 * (vendor names and descriptions with commas). Field length and field count are bounded so that a
 * hostile file without line breaks or quotes cannot exhaust memory.
 */
public final class CsvReader {
    private static final int MAX_FIELD = 1_000_000;
    private static final int MAX_FIELDS = 1_000;

    private final Reader in;
    private final String file;
    private int pushedBack = -2;
    private long line = 1;
    private long recordLine = 1;

    /** {@code in} should be buffered; it is read one character at a time. */
    public CsvReader(Reader in, String file) {
        this.in = in;
        this.file = file;
    }

    /** Line on which the record last returned by {@link #next()} starts. */
    public long recordLine() { return recordLine; }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    public List<String> next() throws IOException, FeedFormatException {
        int c = read();
        while (c == '\r' || c == '\n') {
            if (c == '\n') line++;
            c = read();
        }
        if (c < 0) return null;
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"' && field.length() == 0) {
                c = quoted(field);
            } else {
                while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
                    append(field, (char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            if (fields.size() > MAX_FIELDS) throw error(recordLine, "more than " + MAX_FIELDS + " fields in one record");
            field.setLength(0);
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r') {
                c = read();
                if (c != '\n') pushBack(c);
            }
            if (c == '\n') line++;
            return fields;
        }
    }

    /** Reads a quoted field (opening quote consumed by the caller); returns the character after it. */
    private int quoted(StringBuilder field) throws IOException, FeedFormatException {
        long openedAt = line;
        while (true) {
            int c = read();
            if (c < 0) throw error(openedAt, "quoted field is not closed before the end of the file");
            if (c == '"') {
                int next = read();
                if (next != '"') {
                    if (next >= 0 && next != ',' && next != '\n' && next != '\r') {
                        throw error(line, "unexpected character '" + (char) next + "' after a closing quote");
                    }
                    return next;
                }
            } else if (c == '\n') {
                line++;
            }
            append(field, (char) c);
        }
    }

    private void append(StringBuilder field, char c) throws FeedFormatException {
        if (field.length() >= MAX_FIELD) throw error(recordLine, "field longer than " + MAX_FIELD + " characters");
        field.append(c);
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void pushBack(int c) { pushedBack = c; }

    private FeedFormatException error(long atLine, String message) {
        return new FeedFormatException(file, "line " + atLine, "malformed CSV: " + message);
    }
}
