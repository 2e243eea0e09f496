package jp.mamori.advisory.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.ProductStatus;
import jp.mamori.advisory.VexStatement;
import jp.mamori.advisory.VexStatus;
import jp.mamori.advisory.vex.OpenVexParser;
import jp.mamori.testsupport.Feeds;
import jp.mamori.testsupport.Inventory;
import jp.mamori.testsupport.RecordingSink;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file under {@code ../shared/fixtures/csaf} (OASIS examples incl. CSAF VEX, Red Hat CSAF,
 * and the OpenVEX folder, which also holds CSAF VEX files): CSAF documents parse with one
 * advisory per vulnerability (INVENTORY.tsv counts) and, for csaf_vex, one statement per
 * product status; OpenVEX documents with one statement per product of each statement.
 */
class CsafFixturesInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyDocumentParsesWithTheInventoriedCounts() throws Exception {
        Path root = SharedFixtures.require("csaf");
        Inventory inventory = Inventory.load();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".json")).sorted()
                    .collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(38);
        return files.stream().map(f -> dynamicTest(root.relativize(f).toString(), () -> {
            String rel = "csaf/" + root.relativize(f).toString().replace('\\', '/');
            JsonNode tree = JSON.readTree(f.toFile());
            if (tree.has("@context")) checkOpenVex(f, tree, inventory.count(rel, "statements"));
            else checkCsaf(f, tree, inventory.count(rel, "vulnerabilities"));
        }));
    }

    private void checkCsaf(Path file, JsonNode tree, int inventoried) throws Exception {
        RecordingSink sink = Feeds.file(new CsafParser(), file, new RecordingSink());
        int vulnerabilities = tree.path("vulnerabilities").size();
        if (inventoried >= 0) assertThat(vulnerabilities).isEqualTo(inventoried);
        assertThat(sink.advisories).hasSize(vulnerabilities);
        String trackingId = tree.path("document").path("tracking").path("id").asText();
        assertThat(sink.advisories).allSatisfy(a -> {
            assertThat(a.documentId()).isEqualTo(trackingId);
            assertThat(a.vulnId()).matches("CVE-\\d{4}-\\d+");
        });
        int statuses = 0;
        int vexStatuses = 0;
        for (JsonNode v : tree.path("vulnerabilities")) {
            var fields = v.path("product_status").fields();
            while (fields.hasNext()) {
                var e = fields.next();
                statuses += e.getValue().size();
                if (!e.getKey().equals("recommended")) vexStatuses += e.getValue().size();
            }
        }
        assertThat(sink.advisories.stream().mapToInt(a -> a.productStatuses().size()).sum()).isEqualTo(statuses);
        boolean vex = "csaf_vex".equals(tree.path("document").path("category").asText());
        assertThat(sink.vex).hasSize(vex ? vexStatuses : 0);
    }

    private void checkOpenVex(Path file, JsonNode tree, int inventoried) throws Exception {
        RecordingSink sink = Feeds.file(new OpenVexParser(), file, new RecordingSink());
        JsonNode statements = tree.path("statements");
        if (inventoried >= 0) assertThat(statements.size()).isEqualTo(inventoried);
        int products = 0;
        for (JsonNode s : statements) products += s.path("products").size();
        assertThat(sink.vex).hasSize(products);
        assertThat(sink.vex).allSatisfy(v -> {
            assertThat(v.documentId()).isEqualTo(tree.path("@id").asText());
            assertThat(v.vulnId()).isNotBlank();
            assertThat(v.product()).isNotBlank();
            assertThat(v.timestamp()).isNotNull();
        });
    }

    @Test
    void secvisogramVexJustifiesNotAffectedWithComponentNotPresent() throws Exception {
        RecordingSink sink = Feeds.file(new CsafParser(),
                SharedFixtures.require("csaf/oasis-csaf-2.0-examples/csaf_vex/sec-vex-2022-0001.json"), new RecordingSink());

        assertThat(sink.vex).extracting(VexStatement::vulnId).containsExactly("CVE-2021-44228", "CVE-2021-45046", "CVE-2021-45105");
        assertThat(sink.vex).allSatisfy(v -> {
            assertThat(v.status()).isEqualTo(VexStatus.NOT_AFFECTED);
            assertThat(v.justification()).isEqualTo("component_not_present");
            assertThat(v.impact()).isNotBlank();
        });
    }

    @Test
    void useCaseNotAffectedNamesTheProductAndCarriesTheImpactStatement() throws Exception {
        RecordingSink sink = Feeds.file(new CsafParser(),
                SharedFixtures.require("csaf/oasis-csaf-2.0-examples/csaf_vex/2022-evd-uc-01-na-001.json"), new RecordingSink());

        assertThat(sink.vex).singleElement().satisfies(v -> {
            assertThat(v.vulnId()).isEqualTo("CVE-2021-44228");
            assertThat(v.product()).isEqualTo("Example Company ABC 4.2");
            assertThat(v.status()).isEqualTo(VexStatus.NOT_AFFECTED);
            assertThat(v.impact()).isEqualTo("Class with vulnerable code was removed before shipping.");
            assertThat(v.documentId()).isEqualTo("2022-EVD-UC-01-NA-001");
        });
    }

    @Test
    void redHatAdvisoryResolvesFixedPackagesToPurlAndRhelCpe() throws Exception {
        RecordingSink sink = Feeds.file(new CsafParser(),
                SharedFixtures.require("csaf/redhat-csaf/rhsa-2024_4546.json"), new RecordingSink());

        Advisory a = sink.advisory("CVE-2023-45288");
        assertThat(a.documentId()).isEqualTo("RHSA-2024:4546");
        assertThat(a.cwes()).containsExactly("CWE-400");
        assertThat(a.productStatuses()).hasSize(15).allSatisfy(p -> assertThat(p.status()).isEqualTo("fixed"));
        assertThat(a.productStatuses()).extracting(ProductStatus::productId, ProductStatus::cpe, ProductStatus::purl)
                .contains(tuple("AppStream-8.6.0.Z.AUS:git-lfs-0:2.13.3-3.el8_6.1.x86_64",
                        "cpe:/a:redhat:rhel_aus:8.6::appstream", "pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6.1?arch=x86_64"));
        assertThat(a.cvss()).allSatisfy(c -> assertThat(c.source()).isEqualTo("vendor:Red Hat Product Security"));
        assertThat(a.remediations()).extracting(r -> r.category()).contains("vendor_fix");
    }

    @Test
    void largeRedHatAdvisoryParses() throws Exception {
        RecordingSink sink = Feeds.file(new CsafParser(),
                SharedFixtures.require("csaf/redhat-csaf/rhsa-2024_6220.json"), new RecordingSink());

        assertThat(sink.advisories).extracting(Advisory::vulnId).containsExactly("CVE-2024-6345");
        assertThat(sink.advisories.get(0).productStatuses()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.productName()).isNotNull());
    }

    @Test
    void bsiAdvisoryKeepsFirstFixedStatus() throws Exception {
        RecordingSink sink = Feeds.file(new CsafParser(),
                SharedFixtures.require("csaf/oasis-csaf-2.0-examples/bsi-2022-0001.json"), new RecordingSink());

        assertThat(sink.advisory("CVE-2022-27193").productStatuses()).extracting(ProductStatus::status)
                .contains("first_fixed", "fixed", "known_affected");
    }

    @Test
    void openVex020StatementsAreAboutTheImageNotEachSubcomponent() throws Exception {
        RecordingSink sink = Feeds.file(new OpenVexParser(),
                SharedFixtures.require("csaf/openvex/go-vex-pkg__vex__testdata__v0.2.0.json"), new RecordingSink());

        assertThat(sink.vex).hasSize(5).allSatisfy(v -> assertThat(v.product())
                .isEqualTo("pkg:oci/alpine@sha256%3A124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126"));
        assertThat(sink.vex).filteredOn(v -> v.vulnId().equals("CVE-2023-3446")).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(VexStatus.NOT_AFFECTED);
            assertThat(v.justification()).isEqualTo("vulnerable_code_not_present");
            assertThat(v.impact()).isEqualTo("affected functions were removed before packaging");
        });
    }
}
