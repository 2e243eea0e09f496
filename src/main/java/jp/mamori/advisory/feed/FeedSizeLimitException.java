package jp.mamori.advisory.feed;

import java.io.IOException;
import jp.mamori.advisory.FeedFormatException;

/**
 * A stream grew past its size bound (a gzip or zip entry that decompresses to more than allowed).
 * It is an {@link IOException} because it surfaces from {@code InputStream.read}; the parsers turn
 * it into a {@link jp.mamori.advisory.FeedFormatException} naming the file.
 */
public class FeedSizeLimitException extends IOException {
    private final String file;
    private final long limit;
    private final String detail;

    public FeedSizeLimitException(String file, long limit, String what) {
        this(file, limit, what + " exceeds the limit of " + limit + " bytes"
                + " (a decompression bomb or a wrong file; raise the limit if the file is genuine)", true);
    }

    private FeedSizeLimitException(String file, long limit, String detail, boolean unused) {
        super(file + ": " + detail);
        this.file = file;
        this.limit = limit;
        this.detail = detail;
    }

    /** The same problem as a format error of the document {@code name}, for parsers to throw. */
    public FeedFormatException asFormatError(String name, String location) {
        return new FeedFormatException(name, location, detail, this);
    }

    public String file() { return file; }

    public long limit() { return limit; }
}
