package jp.mamori.advisory.nvd;

import static jp.mamori.advisory.feed.InteropFiles.filesIn;
import static jp.mamori.advisory.feed.InteropFiles.parse;
import static jp.mamori.advisory.feed.InteropFiles.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.Reference;
import jp.mamori.advisory.feed.CollectingSink;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file in the shared fixtures' {@code nvd/} and {@code nvd/responses/}: CVE feeds parse and
 * agree, record by record, with a plain Jackson reading of the same file; the other NVD API
 * responses (CVE history, sources) are refused with a message naming their format.
 */
class NvdFixturesInteropTest {
    private final NvdParser parser = new NvdParser();

    @TestFactory
    Stream<DynamicTest> everyNvdFixture() {
        List<Path> files = new ArrayList<>(filesIn("nvd"));
        files.addAll(filesIn("nvd/responses"));
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName() + "/" + f.getFileName(), () -> check(f)));
    }

    private void check(Path file) throws Exception {
        JsonNode doc = tree(file);
        String format = doc.path("format").asText("");
        if (!format.isEmpty() && !format.equals("NVD_CVE")) {
            assertThatThrownBy(() -> parse(parser, file)).isInstanceOf(FeedFormatException.class)
                    .hasMessageStartingWith(file.getFileName().toString())
                    .hasMessageContaining("'" + format + "' is not a CVE feed");
            return;
        }
        List<JsonNode> expected = new ArrayList<>();
        if (doc.has("vulnerabilities")) doc.get("vulnerabilities").forEach(v -> expected.add(v.get("cve")));
        else expected.add(doc);

        CollectingSink sink = parse(parser, file);

        assertThat(sink.advisories).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) agrees(sink.advisories.get(i), expected.get(i));
        if (doc.has("totalResults")) {
            assertThat(sink.meta).containsEntry("totalResults", doc.get("totalResults").asText())
                    .containsEntry("startIndex", doc.get("startIndex").asText());
        }
    }

    /** The streamed record says what the file says: id, status, every score, every cpeMatch. */
    private static void agrees(Advisory a, JsonNode cve) {
        assertThat(a.vulnId()).isEqualTo(cve.get("id").asText());
        assertThat(a.withdrawn()).isEqualTo(cve.get("vulnStatus").asText().equals("Rejected"));
        int scores = 0;
        for (String k : List.of("cvssMetricV40", "cvssMetricV31", "cvssMetricV30", "cvssMetricV2")) {
            scores += cve.path("metrics").path(k).size();
        }
        assertThat(a.cvss()).as("CVSS of %s", a.vulnId()).hasSize(scores);
        assertThat(a.configurations()).as("configurations of %s", a.vulnId()).hasSize(cve.path("configurations").size());
        int matches = 0;
        for (JsonNode c : cve.path("configurations")) for (JsonNode n : c.path("nodes")) matches += n.path("cpeMatch").size();
        assertThat(a.configurations().stream().flatMap(c -> c.nodes().stream()).mapToInt(n -> n.cpeMatch().size()).sum())
                .as("cpeMatch entries of %s", a.vulnId()).isEqualTo(matches);
    }

    private static Advisory single(String file) throws Exception {
        CollectingSink sink = parse(new NvdParser(), SharedFixtures.require("nvd/" + file));
        assertThat(sink.advisories).hasSize(1);
        return sink.advisories.get(0);
    }

    @Test
    void citrixBleedKeepsBothScoresAndNetScalerRanges() throws Exception {
        Advisory a = single("CVE-2023-4966.json");

        assertThat(a.cvss()).contains(
                new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, "nvd", "Primary"),
                new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:L", 9.4, "cna:secure@citrix.com", "Secondary"));
        List<CpeMatch> matches = a.configurations().get(0).nodes().get(0).cpeMatch();
        assertThat(matches).contains(new CpeMatch(true,
                "cpe:2.3:a:citrix:netscaler_application_delivery_controller:*:*:*:*:-:*:*:*", "13.1", null, null, "13.1-49.15"));
        assertThat(matches).contains(new CpeMatch(true,
                "cpe:2.3:a:citrix:netscaler_application_delivery_controller:*:*:*:*:fips:*:*:*", "12.1", null, null, "12.1-55.300"));
        assertThat(a.cwes()).containsExactly("CWE-119");
        assertThat(a.exploited()).as("cisaExploitAdd alone does not set exploited").isFalse();
    }

    @Test
    void fortiOsAndConfigurationKeepsEndIncluding() throws Exception {
        Advisory a = single("CVE-2022-42475.json");

        assertThat(a.configurations()).anySatisfy(c -> assertThat(c.operator()).isEqualTo("AND"));
        assertThat(a.configurations().stream().flatMap(c -> c.nodes().stream()).flatMap(n -> n.cpeMatch().stream()))
                .contains(new CpeMatch(true, "cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*", "5.0.0", null, "5.0.14", null))
                .anySatisfy(m -> assertThat(m.vulnerable()).isFalse());
    }

    @Test
    void openSslKeepsStartExcluding() throws Exception {
        Advisory a = single("CVE-2022-0778.json");

        assertThat(a.configurations().stream().flatMap(c -> c.nodes().stream()).flatMap(n -> n.cpeMatch().stream()))
                .anySatisfy(m -> assertThat(m.versionStartExcluding()).isNotNull());
    }

    @Test
    void awaitingAnalysisRecordHasNoConfigurations() throws Exception {
        Advisory a = single("CVE-2024-3400.awaiting-analysis.json");

        assertThat(a.vulnId()).isEqualTo("CVE-2024-3400");
        assertThat(a.configurations()).isEmpty();
        assertThat(a.withdrawn()).isFalse();
    }

    @Test
    void ssvcNoneIsNoExploitEvidence() throws Exception {
        Advisory a = single("CVE-2021-23337.json");

        assertThat(a.exploited()).isFalse();
        assertThat(a.references()).noneMatch(r -> r.tags().contains("exploit:poc"));
    }

    @Test
    void fortiOsPathTraversalKeepsCvssV2() throws Exception {
        Advisory a = single("CVE-2018-13379.json");

        assertThat(a.cvss()).contains(new CvssScore("2.0", "AV:N/AC:L/Au:N/C:P/I:N/A:N", 5.0, "nvd", "Primary"));
    }

    @Test
    void nvdPageOfTwoHundredHasRejectedRecords() throws Exception {
        CollectingSink sink = parse(parser, SharedFixtures.require("nvd/responses/nvd-go-cves-page-startIndex200000.json"));

        assertThat(sink.advisories).hasSize(200);
        assertThat(sink.meta).containsEntry("startIndex", "200000").containsEntry("resultsPerPage", "200");
        assertThat(sink.advisories).filteredOn(Advisory::withdrawn).isNotEmpty()
                .allSatisfy(a -> assertThat(a.descriptions().get("en")).startsWith("** REJECT **"));
        assertThat(sink.advisories.stream().flatMap(a -> a.references().stream())).extracting(Reference::url).doesNotContainNull();
    }
}
