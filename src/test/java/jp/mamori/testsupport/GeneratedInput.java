package jp.mamori.testsupport;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A feed produced while it is read: head, then {@code count} records, then tail. Tests use it
 * to show a parser emits the first record before the input is exhausted, i.e. that it streams.
 */
public final class GeneratedInput extends InputStream {
    private final String head;
    private final IntFunction<String> record;
    private final int count;
    private final String tail;
    private int next = -1;
    private byte[] buffer = new byte[0];
    private int pos;
    private boolean tailServed;
    private long bytesServed;

    public GeneratedInput(String head, IntFunction<String> record, int count, String tail) {
        this.head = head;
        this.record = record;
        this.count = count;
        this.tail = tail;
    }

    /** True once the last bytes of the document have been handed out. */
    public boolean finished() {
        return tailServed && pos >= buffer.length;
    }

    public long bytesServed() {
        return bytesServed;
    }

    @Override
    public int read() {
        if (!fill()) return -1;
        bytesServed++;
        return buffer[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        if (!fill()) return -1;
        int n = Math.min(len, buffer.length - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        bytesServed += n;
        return n;
    }

    private boolean fill() {
        while (pos >= buffer.length) {
            if (tailServed) return false;
            String s;
            if (next < 0) s = head;
            else if (next < count) s = record.apply(next);
            else {
                s = tail;
                tailServed = true;
            }
            next++;
            buffer = s.getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        return true;
    }
}
