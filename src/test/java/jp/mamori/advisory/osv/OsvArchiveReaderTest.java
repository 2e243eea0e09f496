package jp.mamori.advisory.osv;

import static jp.mamori.advisory.feed.CollectingSink.resourceBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.feed.CollectingSink;
import jp.mamori.advisory.feed.FeedLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvArchiveReaderTest {
    @TempDir
    Path dir;

    /** Records what the reader hands out, one sink per document, and which documents completed. */
    private static final class Documents implements OsvArchiveReader.EntryListener {
        final Map<String, CollectingSink> sinks = new LinkedHashMap<>();
        final List<String> ended = new ArrayList<>();
        final List<String> failed = new ArrayList<>();
        boolean skipFailures;

        @Override
        public FeedSink begin(String documentName) {
            CollectingSink s = new CollectingSink();
            sinks.put(documentName, s);
            return s;
        }

        @Override
        public void end(String documentName) { ended.add(documentName); }

        @Override
        public void failed(String documentName, FeedFormatException error) throws FeedFormatException {
            failed.add(error.getMessage());
            if (!skipFailures) throw error;
        }
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path z = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(z); ZipOutputStream zos = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zos.putNextEntry(new ZipEntry(e.getKey()));
                zos.write(e.getValue());
                zos.closeEntry();
            }
        }
        return z;
    }

    private static Map<String, byte[]> entries(String... nameAndResource) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndResource.length; i += 2) {
            m.put(nameAndResource[i], nameAndResource[i + 1].startsWith("/") ? resourceBytes(nameAndResource[i + 1])
                    : nameAndResource[i + 1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void everyJsonEntryIsOneDocument() throws Exception {
        Path z = zip("all.zip", entries(
                "GHSA-jfh8-c2jp-5v3q.json", "/feeds/osv/GHSA-jfh8-c2jp-5v3q.json",
                "GO-2023-2102.json", "/feeds/osv/GO-2023-2102.json",
                "README.txt", "not a record"));
        Documents docs = new Documents();

        int n = new OsvArchiveReader().read(z, docs);

        assertThat(n).isEqualTo(2);
        assertThat(docs.ended).containsExactly("all.zip!/GHSA-jfh8-c2jp-5v3q.json", "all.zip!/GO-2023-2102.json");
        assertThat(docs.sinks.get("all.zip!/GO-2023-2102.json").advisories).extracting(Advisory::vulnId).containsExactly("CVE-2023-39325");
    }

    @Test
    void pathTraversalEntryRefusesTheWholeArchiveBeforeAnyDocument() throws Exception {
        Path z = zip("evil.zip", entries(
                "GHSA-jfh8-c2jp-5v3q.json", "/feeds/osv/GHSA-jfh8-c2jp-5v3q.json",
                "../evil.json", "/feeds/osv/GO-2023-2102.json"));
        Documents docs = new Documents();

        assertThatThrownBy(() -> new OsvArchiveReader().read(z, docs))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("evil.zip (entry ../evil.json): unsafe entry name (path traversal or absolute path); archive refused");
        assertThat(docs.sinks).isEmpty();
    }

    @Test
    void unsafeNames() {
        assertThat(OsvArchiveReader.safeName("osv/GHSA-jfh8-c2jp-5v3q.json")).isTrue();
        assertThat(OsvArchiveReader.safeName("a..b.json")).isTrue();
        assertThat(OsvArchiveReader.safeName("../evil.json")).isFalse();
        assertThat(OsvArchiveReader.safeName("osv/../../evil.json")).isFalse();
        assertThat(OsvArchiveReader.safeName("/etc/passwd")).isFalse();
        assertThat(OsvArchiveReader.safeName("..\\evil.json")).isFalse();
        assertThat(OsvArchiveReader.safeName("C:evil.json")).isFalse();
    }

    @Test
    void tooManyEntriesIsRefused() throws Exception {
        Path z = zip("many.zip", entries("a.json", "{}", "b.json", "{}", "c.json", "{}"));

        assertThatThrownBy(() -> new OsvArchiveReader(new ArchiveLimits(2, 1 << 20, 1 << 30), FeedLimits.DEFAULT).read(z, new Documents()))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("many.zip: archive has 3 entries, more than 2 (ArchiveLimits.maxEntries); refused");
    }

    @Test
    void entryLargerThanItsBoundIsRefused() throws Exception {
        Path z = zip("big.zip", entries("GHSA-jfh8-c2jp-5v3q.json", "/feeds/osv/GHSA-jfh8-c2jp-5v3q.json"));

        assertThatThrownBy(() -> new OsvArchiveReader(new ArchiveLimits(10, 100, 1 << 30), FeedLimits.DEFAULT).read(z, new Documents()))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("big.zip (entry GHSA-jfh8-c2jp-5v3q.json)")
                .hasMessageContaining("more than 100 (ArchiveLimits.maxEntryBytes)");
    }

    @Test
    void malformedEntryIsReportedAndCanBeSkipped() throws Exception {
        Path z = zip("mixed.zip", entries("broken.json", "{\"id\": \"GHSA-", "GO-2023-2102.json", "/feeds/osv/GO-2023-2102.json"));
        Documents docs = new Documents();
        docs.skipFailures = true;

        int n = new OsvArchiveReader().read(z, docs);

        assertThat(n).isEqualTo(2);
        assertThat(docs.failed).singleElement().asString().startsWith("mixed.zip!/broken.json (line 1");
        assertThat(docs.ended).containsExactly("mixed.zip!/GO-2023-2102.json");
    }

    @Test
    void notAZipIsRefused() throws Exception {
        Path f = dir.resolve("all.zip");
        Files.writeString(f, "{\"id\":\"GHSA-jfh8-c2jp-5v3q\"}");

        assertThatThrownBy(() -> new OsvArchiveReader().read(f, new Documents()))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageStartingWith("all.zip: not a readable zip archive");
    }
}
