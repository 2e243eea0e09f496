package jp.mamori.advisory.feed;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Peeking at the start of a stream to choose between the JSON and the CSV form of a feed. */
public final class Inputs {
    private Inputs() { }

    /** A stream that supports mark/reset, wrapping {@code in} when it does not. */
    public static InputStream markable(InputStream in) {
        return in.markSupported() ? in : new BufferedInputStream(in, 64 * 1024);
    }

    /**
     * The first character that is neither whitespace nor a UTF-8 byte order mark, or -1 for an
     * empty stream; the stream is left where it was.
     */
    public static int firstSignificantByte(InputStream markable) throws IOException {
        markable.mark(4096);
        try {
            for (int i = 0; i < 4096; i++) {
                int b = markable.read();
                if (b < 0) return -1;
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF) continue;
                return b;
            }
            return -1;
        } finally {
            markable.reset();
        }
    }

    /** Consumes a UTF-8 byte order mark if the stream starts with one. */
    public static void skipBom(InputStream markable) throws IOException {
        markable.mark(3);
        if (markable.read() == 0xEF && markable.read() == 0xBB && markable.read() == 0xBF) return;
        markable.reset();
    }
}
