package jp.mamori.advisory.feed;

import java.io.IOException;
import java.io.Reader;
import jp.mamori.advisory.FeedFormatException;

/**
 * Reads lines like {@code BufferedReader.readLine} but refuses lines longer than a bound, so that
 * a file without line breaks cannot be pulled into memory as one string. Counts lines for
 * error messages.
 */
public final class LineReader {
    private final Reader in;
    private final String file;
    private final int maxLine;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int end;
    private long line;

    public LineReader(Reader in, String file, int maxLine) {
        this.in = in;
        this.file = file;
        this.maxLine = maxLine;
    }

    /** Number of the line last returned (1-based). */
    public long lineNumber() { return line; }

    /** The next line without its terminator (LF or CRLF), or null at the end. */
    public String readLine() throws IOException, FeedFormatException {
        StringBuilder longLine = null;
        while (true) {
            if (pos >= end && !fill()) {
                if (longLine == null) return null;
                line++;
                return strip(longLine.toString());
            }
            int start = pos;
            while (pos < end && buf[pos] != '\n') pos++;
            int len = pos - start + (longLine == null ? 0 : longLine.length());
            if (len > maxLine) {
                throw new FeedFormatException(file, "line " + (line + 1), "line longer than " + maxLine + " characters");
            }
            if (pos < end) {
                String s = longLine == null ? new String(buf, start, pos - start)
                        : longLine.append(buf, start, pos - start).toString();
                pos++;
                line++;
                return strip(s);
            }
            if (longLine == null) longLine = new StringBuilder();
            longLine.append(buf, start, pos - start);
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) return false;
        pos = 0;
        end = n;
        return true;
    }

    private static String strip(String s) {
        return !s.isEmpty() && s.charAt(s.length() - 1) == '\r' ? s.substring(0, s.length() - 1) : s;
    }
}
