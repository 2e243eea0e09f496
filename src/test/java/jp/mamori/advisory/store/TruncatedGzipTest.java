package jp.mamori.advisory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import jp.mamori.detection.logs.BoundedLines;
import jp.mamori.detection.logs.LogFileException;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18.10: a truncated {@code .gz} (an interrupted download) is bad input — reported with the file's name and
 * the place it broke, nothing of it stored, the other files imported — never an unexplained failure (exit 3).
 * The CLI turns these failures into exit 2 ({@code FeedsCommand}: documents not imported).
 */
class TruncatedGzipTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Path truncatedGzip(String name, byte[] content, double keep) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            gz.write(content);
        }
        byte[] whole = b.toByteArray();
        Path p = tmp.resolve(name);
        Files.write(p, Arrays.copyOf(whole, (int) (whole.length * keep)));
        return p;
    }

    /** EPSS as FIRST publishes it (.csv.gz), large enough that the cut lies beyond what format detection reads. */
    private static byte[] epss(int rows) {
        StringBuilder sb = new StringBuilder("#model_version:v2026.06.15,score_date:2026-09-29T12:00:22Z\ncve,epss,percentile\n");
        for (int i = 0; i < rows; i++) sb.append("CVE-2020-").append(10000 + i).append(',').append("0.0").append(i % 10).append("351,0.5").append(i % 10).append("255\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JVN VULDEF document with a long comment inside, so that the cut falls inside the XML parser's reading. */
    private static byte[] jvn() throws Exception {
        String xml = Files.readString(Path.of("src/test/resources/feeds/jvn/vuldef-detail.xml"));
        int inside = xml.indexOf("<Vulinfo>");
        return (xml.substring(0, inside) + "<!-- " + "padding ".repeat(60_000) + "-->\n  " + xml.substring(inside)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTruncatedFeedIsReportedWithItsNameAndPlaceAndTheOtherFilesAreImported() throws Exception {
        Path epss = truncatedGzip("epss_scores-2026-09-29.csv.gz", epss(40_000), 0.6);
        Path jvn = truncatedGzip("jvn-detail.xml.gz", jvn(), 0.5);
        Path early = truncatedGzip("nvd-page.json.gz", Files.readAllBytes(Path.of("src/test/resources/feeds/nvd/api-response-3.json")), 0.4);
        Path kev = tmp.resolve("kev.json");
        Files.copy(Path.of("src/test/resources/feeds/kev/kev-2.json"), kev);
        try (Database db = Database.open(TestDatabases.h2())) {
            FeedFileImporter.Summary s = new FeedFileImporter(db, CLOCK, null).importPaths(List.of(epss, jvn, early, kev), null, false);

            assertThat(s.failures()).hasSize(3);
            assertThat(s.failures().get(0)).startsWith(epss.toString() + ": gzip が途中で切れているか壊れています（圧縮データ " + Files.size(epss) + " バイト中 ")
                    .contains("/ the gzip file is truncated or corrupt (at compressed byte ").contains("download it again");
            assertThat(s.failures().get(1)).contains(jvn.toString()).contains("gzip が途中で切れているか壊れています").contains("圧縮データ " + Files.size(jvn) + " バイト中");
            assertThat(s.failures().get(2)).startsWith(early.toString() + ": gzip が途中で切れているか壊れています");
            assertThat(s.documents()).as("only the intact KEV file").isEqualTo(1);
            assertThat(count(db, "epss_score")).as("nothing of the truncated EPSS file").isZero();
            assertThat(count(db, "advisory_statement")).as("nothing of the truncated JVN or NVD file").isZero();
            assertThat(count(db, "kev_entry")).isPositive();
        }
    }

    @Test
    void aTruncatedLogNamesTheLineWhereItBroke() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 20_000; i++) log.append("2026-11-24T00:00:00Z GET /index.html 200 line ").append(i).append('\n');
        Path cut = truncatedGzip("access.log.gz", log.toString().getBytes(StandardCharsets.UTF_8), 0.5);
        assertThatThrownBy(() -> new BoundedLines().read(Files.newInputStream(cut), new BoundedLines.Sink() {
            @Override public void line(long lineNo, String line) { }
            @Override public void rejected(long lineNo, String reason) { }
        })).isInstanceOf(LogFileException.class)
                .hasMessageMatching("(?s)gzip が壊れているか途中で切れています（\\d+ 行目） / the gzip stream is truncated or corrupt \\(in line \\d+, after \\d+ complete lines\\).*");
    }

    private static long count(Database db, String table) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
