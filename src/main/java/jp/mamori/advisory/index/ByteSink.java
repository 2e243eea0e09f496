package jp.mamori.advisory.index;

import java.util.Arrays;

/** A growable little-endian byte buffer with unsigned varints, for writing the index. */
final class ByteSink {

    private byte[] buf;
    private int size;

    ByteSink(int initial) {
        buf = new byte[Math.max(16, initial)];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return buf;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) size + more);
            if (want > Integer.MAX_VALUE - 16) throw new IllegalStateException("match index larger than 2 GB");
            buf = Arrays.copyOf(buf, (int) want);
        }
    }

    void varint(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    void bool(boolean b) {
        ensure(1);
        buf[size++] = (byte) (b ? 1 : 0);
    }

    void int32(int v) {
        ensure(4);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 24);
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    void append(ByteSink other) {
        ensure(other.size);
        System.arraycopy(other.buf, 0, buf, size, other.size);
        size += other.size;
    }
}
