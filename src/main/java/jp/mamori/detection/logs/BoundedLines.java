package jp.mamori.detection.logs;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
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
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                if (b == '\n') {
                    lineNo++;
                    linesSoFar[0] = lineNo;
                    emit(buf, len, overlong, nul, ascii, lineNo, sink, utf8);
                    len = 0; overlong = false; nul = false; ascii = true;
                    continue;
                }
                if (overlong) continue;
                if (len == maxLine) {
                    overlong = true;
                    continue;
                }
                if (b == 0) nul = true;
                else if (b < 0) ascii = false;
                buf[len++] = b;
            }
        }
        if (len > 0 || overlong) {
            lineNo++;
            emit(buf, len, overlong, nul, ascii, lineNo, sink, utf8);
        }
        return any ? lineNo : 0;
    }

    private void emit(byte[] buf, int len, boolean overlong, boolean nul, boolean ascii, long lineNo, Sink sink, CharsetDecoder utf8) {
        if (overlong) {
            sink.rejected(lineNo, "行が長すぎます（" + maxLine + " バイト超） / line longer than " + maxLine + " bytes");
            return;
        }
        if (nul) {
            sink.rejected(lineNo, "NULバイトを含みます / contains NUL bytes");
            return;
        }
        int end = len;
        if (end > 0 && buf[end - 1] == '\r') end--;
        String s;
        if (ascii) {
            s = new String(buf, 0, end, StandardCharsets.ISO_8859_1);
        } else {
            try {
                CharBuffer cb = utf8.reset().decode(ByteBuffer.wrap(buf, 0, end));
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
