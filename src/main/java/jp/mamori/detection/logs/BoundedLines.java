package jp.mamori.detection.logs;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Splits a log into lines without trusting it: {@code .gz} detected by its magic bytes, lines longer
 * than {@link #maxLine} bytes cut off and rejected (the rest of that line is skipped, never held),
 * lines that are not UTF-8 or contain NUL bytes rejected, merge-conflict markers rejected, a BOM
 * dropped. A truncated or corrupt gzip stream is an error for the whole file.
 */
public final class BoundedLines {

    public static final int DEFAULT_MAX_LINE = 64 * 1024;

    /** Receives each line; {@code rejected} gets the lines that cannot be read, with the reason. */
    public interface Sink {
        void line(long lineNo, String line);

        void rejected(long lineNo, String reason);
    }

    private final int maxLine;

    public BoundedLines(int maxLine) {
        if (maxLine < 256) throw new IllegalArgumentException("maxLine");
        this.maxLine = maxLine;
    }

    public BoundedLines() {
        this(DEFAULT_MAX_LINE);
    }

    public int maxLine() { return maxLine; }

    /** Reads {@code in} to its end (gunzipping when it starts with the gzip magic); returns the number of lines. */
    public long read(InputStream raw, Sink sink) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read(), b1 = in.read();
        in.reset();
        InputStream src = in;
        boolean gz = b0 == 0x1f && b1 == 0x8b;
        if (gz) src = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        long[] lines = {0};
        try {
            return split(src, sink, lines);
        } catch (EOFException | ZipException e) {
            if (gz) {
                throw new LogFileException("gzip が壊れているか途中で切れています（" + (lines[0] + 1) + " 行目） / the gzip stream is truncated or corrupt (in line "
                        + (lines[0] + 1) + ", after " + lines[0] + " complete lines): " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L, HIGHS = 0x8080808080808080L, NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    /**
     * Eight bytes at a time (P5): the byte-by-byte loop was a fifth of a gateway import. A line that
     * lies inside one read chunk is taken from the chunk itself; only a line that spans two chunks
     * is gathered in {@code buf}. Lengths, caps and checks are those of one byte at a time.
     */
    private long split(InputStream in, Sink sink, long[] linesSoFar) throws IOException {
        byte[] buf = new byte[maxLine];
        byte[] chunk = new byte[1 << 16];
        int len = 0;
        boolean overlong = false, nul = false, ascii = true;
        long lineNo = 0;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int n;
        boolean any = false;
        while ((n = in.read(chunk)) > 0) {
            any = true;
            int i = 0;
            while (i < n) {
                int nl = newline(chunk, i, n);
                int segEnd = nl < 0 ? n : nl;
                int seg = segEnd - i;
                if (nl >= 0 && len == 0 && !overlong && seg <= maxLine) {
                    // the whole line is in this chunk
                    lineNo++;
                    linesSoFar[0] = lineNo;
                    emit(chunk, i, seg, false, hasZero(chunk, i, segEnd), ascii(chunk, i, segEnd), lineNo, sink, utf8);
                    i = nl + 1;
                    continue;
                }
                if (!overlong) {
                    int room = maxLine - len;
                    int take = Math.min(seg, room);
                    if (take > 0) {
                        nul |= hasZero(chunk, i, i + take);
                        ascii &= ascii(chunk, i, i + take);
                        System.arraycopy(chunk, i, buf, len, take);
                        len += take;
                    }
                    if (seg > room) overlong = true;
                }
                if (nl < 0) break;
                lineNo++;
                linesSoFar[0] = lineNo;
                emit(buf, 0, len, overlong, nul, ascii, lineNo, sink, utf8);
                len = 0; overlong = false; nul = false; ascii = true;
                i = nl + 1;
            }
        }
        if (len > 0 || overlong) {
            lineNo++;
            emit(buf, 0, len, overlong, nul, ascii, lineNo, sink, utf8);
        }
        return any ? lineNo : 0;
    }

    /** The index of the first {@code '\n'} in {@code a[from, to)}, or -1. */
    static int newline(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(a, i) ^ NEWLINES;
            long t = (x - ONES) & ~x & HIGHS;
            if (t != 0) return i + (Long.numberOfTrailingZeros(t) >>> 3);
        }
        for (; i < to; i++) if (a[i] == '\n') return i;
        return -1;
    }

    static boolean hasZero(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(a, i);
            if (((x - ONES) & ~x & HIGHS) != 0) return true;
        }
        for (; i < to; i++) if (a[i] == 0) return true;
        return false;
    }

    static boolean ascii(byte[] a, int from, int to) {
        int i = from;
        long or = 0;
        for (; i + 8 <= to; i += 8) or |= (long) LONGS.get(a, i);
        if ((or & HIGHS) != 0) return false;
        for (; i < to; i++) if (a[i] < 0) return false;
        return true;
    }

    private void emit(byte[] buf, int off, int len, boolean overlong, boolean nul, boolean ascii, long lineNo, Sink sink, CharsetDecoder utf8) {
        if (overlong) {
            sink.rejected(lineNo, "行が長すぎます（" + maxLine + " バイト超） / line longer than " + maxLine + " bytes");
            return;
        }
        if (nul) {
            sink.rejected(lineNo, "NULバイトを含みます / contains NUL bytes");
            return;
        }
        int end = len;
        if (end > 0 && buf[off + end - 1] == '\r') end--;
        String s;
        if (ascii) {
            s = new String(buf, off, end, StandardCharsets.ISO_8859_1);
        } else {
            try {
                CharBuffer cb = utf8.reset().decode(ByteBuffer.wrap(buf, off, end));
                s = cb.toString();
            } catch (CharacterCodingException e) {
                sink.rejected(lineNo, "UTF-8 ではありません（Shift_JIS などは UTF-8 に変換してください） / not UTF-8 (convert Shift_JIS and others to UTF-8)");
                return;
            }
            if (!s.isEmpty() && s.charAt(0) == '\uFEFF') s = s.substring(1);
        }
        if (s.startsWith("<<<<<<< ") || s.equals("=======") || s.startsWith(">>>>>>> ")) {
            sink.rejected(lineNo, "マージ競合の印です（ファイルが編集途中です） / a merge-conflict marker left in the file");
            return;
        }
        if (s.isBlank()) return;
        sink.line(lineNo, s);
    }
}
