package jp.mamori.advisory.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.mamori.advisory.VexStatement;
import jp.mamori.advisory.VexStatus;
import jp.mamori.testsupport.Feeds;
import jp.mamori.testsupport.Inventory;
import jp.mamori.testsupport.RecordingSink;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * CycloneDX VEX samples ({@code ../shared/fixtures/sbom/cyclonedx/vex/**}, CycloneDX use cases and
 * CISA use cases, with their companion BOMs) and the spec's vulnerability test vectors (JSON and
 * XML): each parses to one statement per analysed vulnerability and affected ref.
 */
class CycloneDxVexFixturesInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CycloneDxVexParser parser = new CycloneDxVexParser();

    @TestFactory
    Stream<DynamicTest> everyVexSampleParsesToOneStatementPerAnalysedRef() throws Exception {
        Path root = SharedFixtures.require("sbom/cyclonedx");
        Inventory inventory = Inventory.load();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile)
                    .filter(f -> root.relativize(f).toString().startsWith("vex") && f.toString().endsWith(".json")
                            || f.getFileName().toString().startsWith("valid-vulnerability-"))
                    .sorted().collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        return files.stream().map(f -> dynamicTest(root.relativize(f).toString(), () -> {
            String rel = "sbom/cyclonedx/" + root.relativize(f).toString().replace('\\', '/');
            RecordingSink sink = Feeds.file(parser, f, new RecordingSink());
            if (f.toString().endsWith(".xml")) {
                // The XML test vectors mirror the JSON ones: one analysed vulnerability, one target.
                assertThat(sink.vex).singleElement().satisfies(v -> {
                    assertThat(v.vulnId()).isEqualTo("SNYK-JAVA-COMFASTERXMLJACKSONCORE-32111");
                    assertThat(v.product()).isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.4");
                    assertThat(v.status()).isEqualTo(VexStatus.NOT_AFFECTED);
                    assertThat(v.justification()).isEqualTo("code_not_reachable");
                    assertThat(v.documentId()).isEqualTo("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79");
                });
                return;
            }
            JsonNode tree = JSON.readTree(f.toFile());
            JsonNode vulnerabilities = tree.path("vulnerabilities");
            int inventoried = inventory.count(rel, "vulnerabilities");
            if (inventoried >= 0) assertThat(vulnerabilities.size()).isEqualTo(inventoried);
            int expected = 0;
            for (JsonNode v : vulnerabilities) {
                if (v.path("analysis").hasNonNull("state")) expected += v.path("affects").size();
            }
            assertThat(sink.vex).hasSize(expected);
            assertThat(sink.vex).allSatisfy(v -> {
                assertThat(v.product()).isNotBlank();
                assertThat(v.vulnId()).isNotBlank();
            });
        }));
    }

    @Test
    void cisaCase1NotAffectedNamesTheProductAndItsJustification() throws Exception {
        RecordingSink sink = Feeds.file(parser,
                SharedFixtures.require("sbom/cyclonedx/vex/CISA-Use-Cases/Case-1/vex-not_affected.json"), new RecordingSink());

        assertThat(sink.vex).singleElement().satisfies(v -> {
            assertThat(v.vulnId()).isEqualTo("CVE-2021-44228");
            assertThat(v.product()).as("bom-ref of a component without purl or CPE, as written").isEqualTo("product-ABC");
            assertThat(v.status()).isEqualTo(VexStatus.NOT_AFFECTED);
            assertThat(v.justification()).isEqualTo("code_not_present");
            assertThat(v.impact()).contains("Class with vulnerable code was removed before shipping.");
        });
    }

    @Test
    void cisaCase1FourFilesCoverTheFourStatuses() throws Exception {
        for (String[] c : new String[][] {{"affected", "AFFECTED"}, {"fixed", "FIXED"}, {"not_affected", "NOT_AFFECTED"},
                {"under_investigation", "UNDER_INVESTIGATION"}}) {
            RecordingSink sink = Feeds.file(parser,
                    SharedFixtures.require("sbom/cyclonedx/vex/CISA-Use-Cases/Case-1/vex-" + c[0] + ".json"), new RecordingSink());
            assertThat(sink.vex).extracting(VexStatement::status).containsExactly(VexStatus.valueOf(c[1]));
        }
    }

    @Test
    void bomLinkRefsAreKeptAsWritten() throws Exception {
        RecordingSink sink = Feeds.file(parser, SharedFixtures.require("sbom/cyclonedx/vex/vex.json"), new RecordingSink());

        assertThat(sink.vex).singleElement().satisfies(v -> {
            assertThat(v.vulnId()).isEqualTo("CVE-2020-25649");
            assertThat(v.product()).isEqualTo(
                    "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar");
            assertThat(v.justification()).isEqualTo("code_not_reachable");
        });
    }

    @Test
    void exploitableBecomesAffectedWithTheResponsesAsAction() throws Exception {
        RecordingSink sink = Feeds.file(parser, SharedFixtures.require("sbom/cyclonedx/vex/Use-Cases/Case-12/vex.json"),
                new RecordingSink());

        assertThat(sink.vex).filteredOn(v -> v.vulnId().equals("CVE-2020-35491")).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(VexStatus.AFFECTED);
            assertThat(v.action()).isEqualTo("responses: will_not_fix, update");
            assertThat(v.impact()).isEqualTo("Update to Acme Product v2.4.0 or higher");
        });
        assertThat(sink.vex).filteredOn(v -> v.vulnId().equals("CVE-2020-14195")).singleElement()
                .satisfies(v -> assertThat(v.justification()).isEqualTo("protected_by_mitigating_control"));
    }
}
