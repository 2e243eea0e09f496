package jp.mamori.advisory.feed;

import java.io.IOException;

/**
 * A stream grew past its size bound (a gzip or zip entry that decompresses to more than allowed).
 * It is an {@link IOException} because it surfaces from {@code InputStream.read}; the parsers turn
 * it into a {@link jp.mamori.advisory.FeedFormatException} naming the file.
 */
public class FeedSizeLimitException extends IOException {
    private final String file;
    private final long limit;

    public FeedSizeLimitException(String file, long limit, String what) {
        super(file + ": " + what + " exceeds the limit of " + limit + " bytes"
                + " (a decompression bomb or a wrong file; raise the limit if the file is genuine)");
        this.file = file;
        this.limit = limit;
    }

    public String file() { return file; }

    public long limit() { return limit; }
}
