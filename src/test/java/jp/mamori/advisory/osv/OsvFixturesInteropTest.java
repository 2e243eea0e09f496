package jp.mamori.advisory.osv;

import static jp.mamori.advisory.feed.InteropFiles.filesIn;
import static jp.mamori.advisory.feed.InteropFiles.parse;
import static jp.mamori.advisory.feed.InteropFiles.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.advisory.feed.CollectingSink;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every OSV record in the shared fixtures, checked against a plain reading of the same file. */
class OsvFixturesInteropTest {
    private final OsvParser parser = new OsvParser();

    @TestFactory
    Stream<DynamicTest> everyOsvFixture() {
        return filesIn("osv").stream().map(f -> DynamicTest.dynamicTest("osv/" + f.getFileName(), () -> check(f)));
    }

    private void check(Path file) throws Exception {
        JsonNode doc = tree(file);
        CollectingSink sink = parse(parser, file);

        assertThat(sink.advisories).hasSize(1);
        Advisory a = sink.advisories.get(0);
        assertThat(a.documentId()).isEqualTo(doc.get("id").asText());
        assertThat(a.withdrawn()).isEqualTo(doc.hasNonNull("withdrawn"));
        assertThat(a.packages()).hasSize(doc.path("affected").size());
        for (int i = 0; i < a.packages().size(); i++) {
            JsonNode affected = doc.get("affected").get(i);
            AffectedPackage p = a.packages().get(i);
            assertThat(p.ranges()).hasSize(affected.path("ranges").size());
            assertThat(p.versions()).hasSize(affected.path("versions").size());
            for (int r = 0; r < p.ranges().size(); r++) {
                assertThat(p.ranges().get(r).events()).hasSize(affected.get("ranges").get(r).get("events").size());
            }
        }
        if (doc.get("id").asText().startsWith("CVE-")) assertThat(a.vulnId()).isEqualTo(doc.get("id").asText());
        assertThat(a.vulnId()).matches(id -> id.startsWith("CVE-") || id.equals(doc.get("id").asText()));
    }

    private Advisory record(String file) throws Exception {
        return parse(parser, SharedFixtures.require("osv/" + file)).advisories.get(0);
    }

    @Test
    void log4jGithubAdvisory() throws Exception {
        Advisory a = record("GHSA-jfh8-c2jp-5v3q.json");

        assertThat(a.vulnId()).isEqualTo("CVE-2021-44228");
        assertThat(a.aliases()).contains("GHSA-jfh8-c2jp-5v3q");
        assertThat(a.packages()).allSatisfy(p -> assertThat(p.name()).isEqualTo("org.apache.logging.log4j:log4j-core"));
        assertThat(a.packages()).flatExtracting(AffectedPackage::ranges).contains(
                new PackageRange("ECOSYSTEM", List.of(new RangeEvent("introduced", "2.13.0"), new RangeEvent("fixed", "2.15.0"))),
                new PackageRange("ECOSYSTEM", List.of(new RangeEvent("introduced", "0"), new RangeEvent("fixed", "2.3.1"))));
    }

    @Test
    void distributionAndMalwareRecords() throws Exception {
        assertThat(record("osvdev-testdata-UBUNTU-CVE-2025-38094.json").vulnId()).isEqualTo("CVE-2025-38094");
        assertThat(record("osvschema-testdata-MAL-2024-10238.json").vulnId()).isEqualTo("MAL-2024-10238");
        assertThat(record("osvschema-testdata-SUSE-FU-2022_0444-1.json").vulnId()).isEqualTo("SUSE-FU-2022:0444-1");
        assertThat(record("osvdev-testdata-DSA-3029-1.json").vulnId()).isEqualTo("CVE-2014-3616");
        assertThat(record("osvschema-testdata-CVE-2018-5407.json").packages())
                .anySatisfy(p -> assertThat(p.ecosystem()).isEqualTo("GIT"));
    }

    @Test
    void fixturesAsAnArchive(@TempDir Path dir) throws Exception {
        List<Path> files = filesIn("osv");
        Path zip = dir.resolve("all.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path f : files) {
                out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        int[] advisories = {0};
        int n = new OsvArchiveReader().read(zip, doc -> new FeedSink() {
            @Override
            public void advisory(Advisory advisory) { advisories[0]++; }
        });

        assertThat(n).isEqualTo(files.size());
        assertThat(advisories[0]).isEqualTo(files.size());
    }
}
