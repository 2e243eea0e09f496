package jp.mamori.advisory.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.VexStatement;
import jp.mamori.advisory.VexStatus;
import jp.mamori.testsupport.Feeds;
import jp.mamori.testsupport.RecordingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CycloneDxVexParserTest {
    private final CycloneDxVexParser parser = new CycloneDxVexParser();

    @Test
    void jsonStatesMapToVexStatusesAndBomRefsResolveToPurlOrCpe() throws Exception {
        RecordingSink sink = Feeds.resource(parser, "feeds/vex/cyclonedx-vex.json");

        assertThat(sink.vex).extracting(VexStatement::vulnId, VexStatement::product, VexStatement::status).containsExactly(
                tuple("CVE-2021-44228", "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1", VexStatus.FIXED),
                tuple("CVE-2022-22965", "pkg:maven/org.springframework/spring-beans@5.3.17", VexStatus.AFFECTED),
                tuple("CVE-2020-36518", "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.2", VexStatus.NOT_AFFECTED),
                tuple("CVE-2025-21603", "cpe:2.3:o:planex:mzk-dp300n_firmware:1.05:*:*:*:*:*:*:*", VexStatus.UNDER_INVESTIGATION),
                tuple("CVE-2023-4966", "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#netscaler", VexStatus.NOT_AFFECTED),
                tuple("CVE-2023-4966", "portal", VexStatus.NOT_AFFECTED),
                tuple("CVE-2023-4966", "not-in-this-bom", VexStatus.NOT_AFFECTED));
        assertThat(sink.vex).allSatisfy(v -> {
            assertThat(v.source()).isEqualTo(Source.CYCLONEDX_VEX);
            assertThat(v.documentId()).isEqualTo("urn:uuid:0b1b3f0c-4a1e-4d6c-9a4e-1f2d3c4b5a60");
        });
    }

    @Test
    void justificationDetailActionAndTimestampsAreCarried() throws Exception {
        RecordingSink sink = Feeds.resource(parser, "feeds/vex/cyclonedx-vex.json");

        VexStatement notAffected = sink.vex.get(2);
        assertThat(notAffected.justification()).isEqualTo("code_not_reachable");
        assertThat(notAffected.impact()).isEqualTo("Untrusted JSON is never deserialized.");
        assertThat(notAffected.timestamp()).as("metadata timestamp").isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        VexStatement affected = sink.vex.get(1);
        assertThat(affected.action()).isEqualTo("Upgrade Spring Framework to 5.3.18.\nresponses: update");
        assertThat(affected.justification()).isNull();
        assertThat(sink.vex.get(0).timestamp()).as("analysis lastUpdated").isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
        assertThat(sink.vex.get(4).justification()).isEqualTo("false_positive");
    }

    @Test
    void xmlIsReadTheSameWayAndComponentsListedAfterVulnerabilitiesStillResolve() throws Exception {
        RecordingSink sink = Feeds.resource(parser, "feeds/vex/cyclonedx-vex.xml");

        assertThat(sink.vex).extracting(VexStatement::vulnId, VexStatement::product, VexStatement::status,
                VexStatement::justification).containsExactlyInAnyOrder(
                tuple("CVE-2022-22965", "pkg:maven/org.springframework/spring-beans@5.3.17", VexStatus.AFFECTED, null),
                tuple("CVE-2022-22965", "tool-scanner", VexStatus.AFFECTED, null),
                tuple("CVE-2020-36518", "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.2",
                        VexStatus.NOT_AFFECTED, "code_not_reachable"));
        assertThat(sink.vex).allSatisfy(v ->
                assertThat(v.documentId()).isEqualTo("urn:uuid:5d1e7c3a-2b4f-4e8a-9c1d-7e6f5a4b3c21"));
        assertThat(sink.vex).filteredOn(v -> v.vulnId().equals("CVE-2020-36518")).singleElement()
                .satisfies(v -> assertThat(v.timestamp()).isEqualTo(Instant.parse("2024-03-05T00:00:00Z")));
    }

    @Test
    void unknownAnalysisStateIsRejectedWithItsPlace() {
        String doc = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\",\n \"vulnerabilities\": [\n"
                + "  {\"id\": \"CVE-2024-3400\", \"analysis\": {\"state\": \"patched\"}, \"affects\": [{\"ref\": \"pkg:npm/a@1\"}]}]}";
        assertThatThrownBy(() -> Feeds.text(parser, "bad.cdx.json", doc))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> {
                    assertThat(e.location()).isEqualTo("line 3:3 at /vulnerabilities/0");
                    assertThat(e.getMessage()).contains("unknown CycloneDX analysis state 'patched'");
                });
    }

    @Test
    void otherDocumentsAreRejected() {
        assertThatThrownBy(() -> Feeds.text(parser, "spdx.json", "{\"spdxVersion\": \"SPDX-2.3\"}"))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("not a CycloneDX document");
        assertThatThrownBy(() -> Feeds.text(parser, "x.xml", "<?xml version=\"1.0\"?><bom xmlns=\"urn:other\"/>"))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("not a CycloneDX document");
    }

    @Test
    void xmlWithExternalEntityIsRefusedAndNothingIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("passwd");
        Files.writeString(secret, "root:x:0:0:SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE bom [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><vulnerabilities><vulnerability><id>&x;</id>"
                + "<analysis><state>not_affected</state></analysis><affects><target><ref>pkg:npm/a@1</ref></target></affects>"
                + "</vulnerability></vulnerabilities></bom>";
        RecordingSink sink = new RecordingSink();
        assertThatThrownBy(() -> parser.parse(new java.io.ByteArrayInputStream(xxe.getBytes()), "xxe.cdx.xml", sink))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("xxe.cdx.xml")
                .hasMessageContaining("DOCTYPE declarations are not allowed")
                .hasMessageNotContaining("SECRET");
        assertThat(sink.vex).isEmpty();
    }

    @Test
    void malformedXmlNamesLineColumnAndPath() {
        String doc = "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\">\n<vulnerabilities>\n"
                + "<vulnerability><id>CVE-2024-3400</id></vulnerabilty>\n</vulnerabilities></bom>";
        assertThatThrownBy(() -> Feeds.text(parser, "broken.cdx.xml", doc))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> {
                    assertThat(e.location()).matches("line 4:\\d+ at /bom/vulnerabilities/vulnerability");
                    assertThat(e.getMessage()).contains("malformed XML");
                });
    }
}
