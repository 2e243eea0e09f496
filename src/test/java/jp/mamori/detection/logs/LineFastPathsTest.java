package jp.mamori.detection.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The P5 fast paths read exactly what the plain code read: the line splitter eight bytes at a time
 * against a byte-at-a-time reading of the same bytes (lines across read chunks, caps, NUL, non-ASCII,
 * CR), the NetScaler date search and header host against the regular expressions they replace, and
 * the last-second cache of the time conversion.
 */
class LineFastPathsTest {

    /** What one line of the input must give: the text, or the rejection reason's English part. */
    private static List<String> expected(byte[] all, int maxLine) {
        List<String> out = new ArrayList<>();
        int start = 0;
        long no = 0;
        while (start < all.length) {
            int nl = start;
            while (nl < all.length && all[nl] != '\n') nl++;
            no++;
            int len = nl - start;
            if (len > maxLine) {
                out.add(no + " rejected: longer");
            } else {
                boolean nul = false, ascii = true;
                for (int i = start; i < nl; i++) {
                    if (all[i] == 0) nul = true;
                    else if (all[i] < 0) ascii = false;
                }
                int end = nl;
                if (end > start && all[end - 1] == '\r') end--;
                if (nul) {
                    out.add(no + " rejected: NUL");
                } else {
                    String s;
                    try {
                        s = ascii ? new String(all, start, end - start, StandardCharsets.ISO_8859_1)
                                : StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                                        .decode(ByteBuffer.wrap(all, start, end - start)).toString();
                        if (!ascii && !s.isEmpty() && s.charAt(0) == '\uFEFF') s = s.substring(1);
                    } catch (CharacterCodingException e) {
                        s = null;
                        out.add(no + " rejected: UTF-8");
                    }
                    if (s != null) {
                        if (s.startsWith("<<<<<<< ") || s.equals("=======") || s.startsWith(">>>>>>> ")) out.add(no + " rejected: merge");
                        else if (!s.isBlank()) out.add(no + " " + s);
                    }
                }
            }
            start = nl + 1;
        }
        return out;
    }

    private static List<String> read(byte[] all, int maxLine, long seed) throws IOException {
        List<String> out = new ArrayList<>();
        Random r = new Random(seed);
        // reads of every size, so that lines start and end anywhere in a chunk
        InputStream in = new InputStream() {
            int pos;

            @Override
            public int read() {
                return pos < all.length ? all[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= all.length) return -1;
                int n = Math.min(Math.min(len, all.length - pos), 1 + r.nextInt(r.nextBoolean() ? 16 : 100_000));
                System.arraycopy(all, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        new BoundedLines(maxLine).read(in, new BoundedLines.Sink() {
            @Override
            public void line(long lineNo, String line) {
                out.add(lineNo + " " + line);
            }

            @Override
            public void rejected(long lineNo, String reason) {
                String why = reason.contains("longer") ? "longer" : reason.contains("NUL") ? "NUL" : reason.contains("UTF-8") ? "UTF-8" : reason.contains("merge") ? "merge" : reason;
                out.add(lineNo + " rejected: " + why);
            }
        });
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theSplitterReadsWhatAByteAtATimeReads(long seed) throws IOException {
        Random r = new Random(seed);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[][] pieces = {"é".getBytes(StandardCharsets.UTF_8), "守里市".getBytes(StandardCharsets.UTF_8), {(byte) 0xC3, 0x28}, {0}, {'\r'},
                "\uFEFF".getBytes(StandardCharsets.UTF_8), "<<<<<<< HEAD".getBytes(StandardCharsets.US_ASCII), " ".getBytes(StandardCharsets.US_ASCII)};
        int maxLine = 300;
        while (b.size() < 400_000) {
            int len = r.nextInt(10) == 0 ? 280 + r.nextInt(40) : r.nextInt(20) == 0 ? 70_000 : r.nextInt(200);
            if (r.nextInt(8) == 0) b.writeBytes(pieces[r.nextInt(pieces.length)]);
            for (int i = 0; i < len; i++) b.write('a' + (i % 26));
            if (r.nextInt(8) == 0) b.writeBytes(pieces[r.nextInt(pieces.length)]);
            if (r.nextInt(6) == 0) b.write('\r');
            if (r.nextInt(300) != 0) b.write('\n');
        }
        b.writeBytes("last line without a newline".getBytes(StandardCharsets.US_ASCII));
        byte[] all = b.toByteArray();
        assertThat(read(all, maxLine, seed)).isEqualTo(expected(all, maxLine));
    }

    @Test
    void linesOfExactlyTheCapAndOneByteMore() throws IOException {
        for (int len : new int[] {255, 256, 257}) {
            for (String end : new String[] {"\n", "\r\n", ""}) {
                byte[] line = new byte[len];
                java.util.Arrays.fill(line, (byte) 'x');
                byte[] all = (new String(line, StandardCharsets.US_ASCII) + end + "next\n").getBytes(StandardCharsets.US_ASCII);
                assertThat(read(all, 256, len)).as(len + " bytes + " + end.replace("\r", "CR").replace("\n", "LF")).isEqualTo(expected(all, 256));
            }
        }
    }

    private static final Pattern NS_DATE = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{4}):(\\d{2}):(\\d{2}):(\\d{2})");

    @ParameterizedTest
    @ValueSource(strings = {"<134> 09/09/2024:20:46:07 GMT ns 0-PPE-0 : x", "09/09/2024:20:46:07", "9/09/2024:20:46:07 1/1/2024", "x 12/31/2024:23:59:5",
            "<134> 1/09/2024:20:46:07 then 10/09/2024:20:46:07 GMT", "099/09/2024:20:46:071", "١٢/٠٩/٢٠٢٤:٢٠:٤٦:٠٧ Arabic-Indic digits are not \\d", ""})
    void theDateSearchFindsWhatTheExpressionFound(String line) {
        Matcher m = NS_DATE.matcher(line);
        int want = m.find() && m.start() < 200 ? m.start() : -1;
        assertThat(NetScalerParser.dateAt(line)).isEqualTo(want);
    }

    @Test
    void aDateBeyondTheFirst200CharactersIsNotTheLinesDate() {
        String pad = "x".repeat(199);
        assertThat(NetScalerParser.dateAt(pad + "09/09/2024:20:46:07")).isEqualTo(199);
        assertThat(NetScalerParser.dateAt(pad + "x09/09/2024:20:46:07")).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {" GMT ns01 0-PPE-0", "GMT ns01 0-PPE-0", " ns01 0-PPE-0", " GMT ns01", "", "   ", " GMT\tns01 0-PPE-0", " GMTns01 x",
            "  ns01   0-PPE-0  ", "\u3000ns01 x", " ns01\u00a0x y", " GMT GMT"})
    void theHeaderHostIsWhatSplittingOnWhitespaceGave(String header) {
        String[] h = header.replace("GMT", " ").strip().split("\\s+");
        assertThat(NetScalerParser.host(header)).isEqualTo(h.length >= 2 ? h[0] : null);
    }

    @Test
    void theLastSecondIsConvertedOnceAndAnInvalidTimeIsStillRefused() throws MalformedLineException {
        Timestamps t = new Timestamps(ZoneId.of("Asia/Tokyo"), Instant.parse("2026-12-01T00:00:00Z"));
        Instant a = t.netscaler("11/24/2026:09:00:00", 0, false);
        assertThat(a).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(t.netscaler("11/24/2026:09:00:00", 0, false)).isEqualTo(a);
        assertThat(t.netscaler("11/24/2026:09:00:00", 0, true)).as("the same fields in GMT").isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(t.netscaler("11/24/2026:09:00:01", 0, false)).isEqualTo(Instant.parse("2026-11-24T00:00:01Z"));
        assertThatThrownBy(() -> t.netscaler("02/30/2026:09:00:01", 0, false)).isInstanceOf(MalformedLineException.class);
        assertThat(t.of(2026, 3, 8, 2, 30, 0, 0, ZoneId.of("America/New_York"))).as("a local time in a DST gap moves on, as before")
                .isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
    }
}
