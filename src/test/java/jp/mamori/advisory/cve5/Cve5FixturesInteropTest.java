package jp.mamori.advisory.cve5;

import static jp.mamori.advisory.feed.InteropFiles.filesIn;
import static jp.mamori.advisory.feed.InteropFiles.parse;
import static jp.mamori.advisory.feed.InteropFiles.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.advisory.feed.CollectingSink;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every CVE 5 record in the shared fixtures, checked against a plain reading of the same file. */
class Cve5FixturesInteropTest {
    private final Cve5Parser parser = new Cve5Parser();

    @TestFactory
    Stream<DynamicTest> everyCve5Fixture() {
        return filesIn("cve5").stream().map(f -> DynamicTest.dynamicTest("cve5/" + f.getFileName(), () -> check(f)));
    }

    private void check(Path file) throws Exception {
        JsonNode doc = tree(file);
        CollectingSink sink = parse(parser, file);

        assertThat(sink.advisories).hasSize(1);
        Advisory a = sink.advisories.get(0);
        assertThat(a.vulnId()).isEqualTo(doc.at("/cveMetadata/cveId").asText());
        assertThat(a.withdrawn()).isEqualTo(doc.at("/cveMetadata/state").asText().equals("REJECTED"));
        assertThat(a.descriptions()).containsKey("en");
        long cvss = Stream.concat(Stream.of(doc.at("/containers/cna")), adps(doc))
                .flatMap(c -> stream(c.path("metrics")))
                .flatMap(m -> Stream.of("cvssV4_0", "cvssV3_1", "cvssV3_0", "cvssV2_0").filter(m::has))
                .count();
        assertThat(a.cvss()).hasSize((int) cvss);
        boolean active = adps(doc).flatMap(c -> stream(c.path("metrics")))
                .anyMatch(m -> m.at("/other/content/options").toString().contains("\"Exploitation\":\"active\""));
        assertThat(a.exploited()).isEqualTo(active);
    }

    private static Stream<JsonNode> adps(JsonNode doc) { return stream(doc.at("/containers/adp")); }

    private static Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private Advisory record(String file) throws Exception {
        return parse(parser, SharedFixtures.require("cve5/" + file)).advisories.get(0);
    }

    @Test
    void citrixBleedFromCvelist() throws Exception {
        Advisory a = record("CVE-2023-4966.json");

        assertThat(a.cvss()).containsExactly(
                new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:L", 9.4, "cna:Citrix", null));
        assertThat(a.exploited()).isTrue();
        assertThat(a.packages()).filteredOn(p -> p.name().equals("NetScaler Gateway")).singleElement()
                .satisfies(p -> assertThat(p.ranges()).contains(new PackageRange("PATCH",
                        List.of(new RangeEvent("introduced", "14.1"), new RangeEvent("fixed", "8.50")))));
    }

    @Test
    void log4jAffectedChangesAndAdpScore() throws Exception {
        Advisory a = record("CVE-2021-44228.json");

        assertThat(a.cvss()).extracting(CvssScore::source, CvssScore::baseScore)
                .contains(org.assertj.core.groups.Tuple.tuple("adp:CISA-ADP", 10.0));
        assertThat(a.packages()).extracting(AffectedPackage::name).contains("Apache Log4j2");
        assertThat(a.packages().stream().filter(p -> p.name().equals("Apache Log4j2")).findFirst().orElseThrow().ranges())
                .anySatisfy(r -> assertThat(r.events()).contains(new RangeEvent("fixed", "2.15.0")));
    }

    @Test
    void curlLessThanOrEqualSameVersionIsAnExactVersion() throws Exception {
        Advisory a = record("CVE-2024-7264.json");

        assertThat(a.packages()).singleElement().satisfies(p -> {
            assertThat(p.ecosystem()).isEqualTo("cve5:curl");
            assertThat(p.versions()).contains("8.9.0", "7.32.0");
        });
        assertThat(a.cwes()).containsExactly("CWE-125");
    }

    @Test
    void mitreNaPlaceholdersSayNothing() throws Exception {
        Advisory a = record("CVE-2023-38408.json");

        assertThat(a.packages()).isEmpty();
        assertThat(a.configurations()).isEmpty();
        assertThat(a.published()).isEqualTo(java.time.Instant.parse("2023-07-20T00:00:00Z"));
    }
}
