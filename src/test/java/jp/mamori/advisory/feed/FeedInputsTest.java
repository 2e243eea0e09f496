package jp.mamori.advisory.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.kev.KevParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedInputsTest {
    @TempDir
    Path dir;

    private Path gzip(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(content);
        }
        return p;
    }

    @Test
    void plainFilesPassThrough() throws Exception {
        Path p = Files.writeString(dir.resolve("a.csv"), "cve,epss,percentile\n");
        try (InputStream in = FeedInputs.open(p)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("cve,epss,percentile\n");
        }
    }

    @Test
    void gzipIsRecognisedByItsMagicWhateverTheName() throws Exception {
        Path p = gzip("download.bin", "cve,epss,percentile\n".getBytes(StandardCharsets.UTF_8));
        try (InputStream in = FeedInputs.open(p)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("cve,epss,percentile\n");
        }
    }

    @Test
    void decompressedSizeIsBounded() throws Exception {
        Path bomb = gzip("bomb.json.gz", new byte[1_000_000]); // 1 MB of zeros compresses to ~1 KB
        assertThat(Files.size(bomb)).isLessThan(10_000);

        try (InputStream in = FeedInputs.open(bomb, 100_000)) {
            assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(FeedSizeLimitException.class)
                    .hasMessageStartingWith("bomb.json.gz: decompressed gzip content exceeds the limit of 100000 bytes");
        }
    }

    @Test
    void jsonParsersReportTheBoundWithThePlaceReached() throws Exception {
        String record = new String(CollectingSink.resourceBytes("/feeds/osv/GHSA-jfh8-c2jp-5v3q.json"), StandardCharsets.UTF_8);
        String array = "[" + String.join(",", java.util.Collections.nCopies(200, record)) + "]";
        Path p = gzip("osv-array.json.gz", array.getBytes(StandardCharsets.UTF_8));
        CollectingSink sink = new CollectingSink();

        try (InputStream in = FeedInputs.open(p, 300_000)) {
            assertThatThrownBy(() -> new jp.mamori.advisory.osv.OsvParser().parse(in, "osv-array.json.gz", sink))
                    .isInstanceOf(FeedFormatException.class)
                    .hasMessageMatching("osv-array\\.json\\.gz \\(line \\d+, column \\d+, at /\\d+.*\\): "
                            + "decompressed gzip content exceeds the limit of 300000 bytes.*");
        }
        assertThat(sink.advisories).isNotEmpty().hasSizeLessThan(200);
    }

    @Test
    void parsersReportTheBoundAsAFormatErrorNamingTheFile() throws Exception {
        byte[] kev = CollectingSink.resourceBytes("/feeds/kev/kev-2.json");
        Path p = gzip("kev.json.gz", kev);

        try (InputStream in = FeedInputs.open(p, kev.length / 2)) {
            assertThatThrownBy(() -> new KevParser().parse(in, "kev.json.gz", new CollectingSink()))
                    .isInstanceOf(FeedFormatException.class)
                    .hasMessageStartingWith("kev.json.gz: decompressed gzip content exceeds the limit of " + kev.length / 2 + " bytes");
        }
    }
}
