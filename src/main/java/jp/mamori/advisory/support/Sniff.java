package jp.mamori.advisory.support;

import java.io.BufferedInputStream;
import java.io.IOException;

/** Tells XML from JSON by the first significant byte, for formats published in both. */
public final class Sniff {
    private static final int LIMIT = 4096;

    private Sniff() { }

    /**
     * Peeks past a UTF-8 byte order mark and whitespace without consuming anything.
     *
     * @return the first other byte ('&lt;' for XML, '{' for JSON), -1 for an empty stream,
     *         0 when the first 4 KiB are only whitespace
     */
    public static int firstSignificant(BufferedInputStream b) throws IOException {
        b.mark(LIMIT + 1);
        try {
            for (int i = 0; i < LIMIT; i++) {
                int c = b.read();
                if (c < 0) return -1;
                if (c == 0xEF || c == 0xBB || c == 0xBF || Character.isWhitespace(c)) continue;
                return c;
            }
            return 0;
        } finally {
            b.reset();
        }
    }
}
