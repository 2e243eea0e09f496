package jp.mamori.advisory.feed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it and fails once more than {@code limit} have passed. */
public final class SizeLimitedInputStream extends FilterInputStream {
    private final long limit;
    private final String file;
    private final String what;
    private long count;

    public SizeLimitedInputStream(InputStream in, long limit, String file, String what) {
        super(in);
        this.limit = limit;
        this.file = file;
        this.what = what;
    }

    public long count() { return count; }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) add(1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) add(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) add(skipped);
        return skipped;
    }

    // mark/reset would let a caller re-read counted bytes; nothing here needs it
    @Override
    public boolean markSupported() { return false; }

    private void add(long n) throws FeedSizeLimitException {
        count += n;
        if (count > limit) throw new FeedSizeLimitException(file, limit, what);
    }
}
