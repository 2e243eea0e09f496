package jp.mamori.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import jp.mamori.detection.logs.LogEvent;
import jp.mamori.detection.logs.LogFileException;
import jp.mamori.detection.logs.LogReader;
import jp.mamori.detection.logs.LogSource;
import org.junit.jupiter.api.Test;

/** Hostile logs: each gets a clear, counted rejection or a whole-file error, and never aborts the good lines. */
class HostileLogsTest {

    static final String GOOD = "1157689320.327   2864 10.105.21.199 TCP_MISS/200 10182 GET http://www.example.org/ - DIRECT/175.16.199.61 text/html\n";

    static LogReader.Report read(byte[] bytes, List<LogEvent> out) throws IOException {
        return new LogReader().read(new ByteArrayInputStream(bytes), new LogReader.Options(LogSource.SQUID, null, null, null, 0), out::add);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) b.writeBytes(p);
        return b.toByteArray();
    }

    @Test
    void aOneMegabyteLineIsRejectedWithoutBeingHeldAndTheFileGoesOn() throws IOException {
        byte[] huge = new byte[1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        List<LogEvent> out = new ArrayList<>();
        LogReader.Report r = read(concat(GOOD.getBytes(), huge, "\n".getBytes(), GOOD.getBytes()), out);
        assertThat(out).hasSize(2);
        assertThat(r.lines()).isEqualTo(3);
        assertThat(r.rejected()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.reason()).contains("longer than 65536 bytes");
        });
    }

    @Test
    void invalidUtf8ShiftJisAndNulBytesAreCountedRejections() throws IOException {
        byte[] sjis = ("1157689320.327 1 10.0.0.1 TCP_MISS/200 1 GET http://例え.jp/ 鈴木 DIRECT/1.1.1.1 -\n").getBytes(Charset.forName("Shift_JIS"));
        byte[] broken = {(byte) 0xC3, (byte) 0x28, '\n'};
        byte[] nul = "1157689320.327 1 10.0.0.1\0 TCP_MISS/200 1 GET http://a/ - DIRECT/1.1.1.1 -\n".getBytes(StandardCharsets.US_ASCII);
        List<LogEvent> out = new ArrayList<>();
        LogReader.Report r = read(concat(GOOD.getBytes(), sjis, broken, nul, GOOD.getBytes()), out);
        assertThat(out).hasSize(2);
        assertThat(r.rejectedCount()).isEqualTo(3);
        assertThat(r.rejected().get(0).reason()).contains("not UTF-8");
        assertThat(r.rejected().get(1).reason()).contains("not UTF-8");
        assertThat(r.rejected().get(2).reason()).contains("NUL");
        assertThat(r.rejected()).extracting(LogReader.Rejected::line).containsExactly(2L, 3L, 4L);
    }

    @Test
    void mergeConflictMarkersAreNamed() throws IOException {
        List<LogEvent> out = new ArrayList<>();
        LogReader.Report r = read(("<<<<<<< HEAD\n" + GOOD + "=======\n" + GOOD + ">>>>>>> a36631d5f (Fix grok patterns)\n").getBytes(), out);
        assertThat(out).hasSize(2);
        assertThat(r.rejected()).hasSize(3).allSatisfy(x -> assertThat(x.reason()).contains("merge-conflict"));
    }

    @Test
    void aTruncatedGzipIsAnErrorForTheWholeFile() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            for (int i = 0; i < 2000; i++) gz.write(GOOD.getBytes());
        }
        byte[] whole = b.toByteArray();
        List<LogEvent> out = new ArrayList<>();
        assertThat(read(whole, out).events()).isEqualTo(2000);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> read(cut, new ArrayList<>())).isInstanceOf(LogFileException.class).hasMessageContaining("truncated");
    }

    @Test
    void aBinaryOrWrongFormatFileIsRefusedAsAWhole() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', '\n'};
        assertThatThrownBy(() -> read(png, new ArrayList<>())).isInstanceOf(LogFileException.class).hasMessageContaining("no line of this file is a Squid");
        assertThatThrownBy(() -> new LogReader().read(new ByteArrayInputStream(GOOD.getBytes()),
                new LogReader.Options(LogSource.NETSCALER, null, null, null, 0), e -> { }))
                .isInstanceOf(LogFileException.class).hasMessageContaining("NetScaler");
        assertThatThrownBy(() -> read(new byte[0], new ArrayList<>())).isInstanceOf(LogFileException.class).hasMessageContaining("empty");
    }

    /** The same words reach the CLI and the feeds/logs pages, so they name the format, not a command-line flag. */
    @Test
    void aLogOfNoKnownFormatIsToldSoInJapaneseFirstWithoutACommandLineFlag() {
        assertThatThrownBy(() -> jp.mamori.detection.logs.LogFormats.detect(List.of("hello", "this is not a gateway log")))
                .isInstanceOf(LogFileException.class)
                .hasMessageStartingWith("ログの形式を先頭の行から判別できません。形式を指定してください")
                .hasMessageContaining("netscaler | access | pulse | fortigate | globalprotect")
                .hasMessageNotContaining("--");
    }
}
