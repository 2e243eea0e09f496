package jp.mamori.advisory.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.ProductStatus;
import jp.mamori.advisory.Reference;
import jp.mamori.advisory.Remediation;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.VexStatement;
import jp.mamori.advisory.VexStatus;
import jp.mamori.testsupport.Feeds;
import jp.mamori.testsupport.GeneratedInput;
import jp.mamori.testsupport.RecordingSink;
import org.junit.jupiter.api.Test;

class CsafParserTest {
    private final CsafParser parser = new CsafParser();

    @Test
    void vexDocumentGivesAnAdvisoryWithResolvedProductStatusesVendorScoreAndExploitation() throws Exception {
        RecordingSink sink = Feeds.resource(parser, "feeds/csaf/netscaler-vex.json");

        assertThat(sink.advisories).hasSize(1);
        Advisory a = sink.advisories.get(0);
        assertThat(a.vulnId()).isEqualTo("CVE-2023-4966");
        assertThat(a.source()).isEqualTo(Source.CSAF);
        assertThat(a.documentId()).isEqualTo("EX-VEX-2023-4966");
        assertThat(a.modified()).isEqualTo(Instant.parse("2023-10-24T09:00:00Z"));
        assertThat(a.published()).isEqualTo(Instant.parse("2023-10-10T14:15:10.977Z"));
        assertThat(a.title()).isEqualTo("Sensitive information disclosure in NetScaler ADC and NetScaler Gateway");
        assertThat(a.descriptions().get("en")).startsWith("Sensitive information disclosure in NetScaler ADC");
        assertThat(a.cwes()).containsExactly("CWE-119");
        assertThat(a.cvss()).containsExactly(new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:L", 9.4,
                "vendor:Example Municipal Systems PSIRT", null));
        assertThat(a.exploited()).isTrue();
        assertThat(a.productStatuses()).containsExactly(
                new ProductStatus("known_affected", "ADC-13.1-49.13", "NetScaler ADC 13.1-49.13",
                        "cpe:2.3:a:citrix:netscaler_application_delivery_controller:13.1-49.13:*:*:*:-:*:*:*", null),
                new ProductStatus("fixed", "ADC-14.1-8.50", "NetScaler ADC 14.1-8.50",
                        "cpe:2.3:a:citrix:netscaler_application_delivery_controller:14.1-8.50:*:*:*:-:*:*:*", null),
                new ProductStatus("known_not_affected", "PORTAL-2.4", "example-portal 2.4", null,
                        "pkg:maven/jp.example/example-portal@2.4"),
                new ProductStatus("under_investigation", "ADC-12.1-FIPS", "NetScaler ADC 12.1-55.300 FIPS", null, null),
                new ProductStatus("recommended", "ADC-14.1-8.50", "NetScaler ADC 14.1-8.50",
                        "cpe:2.3:a:citrix:netscaler_application_delivery_controller:14.1-8.50:*:*:*:-:*:*:*", null));
        assertThat(a.remediations()).containsExactly(new Remediation("vendor_fix",
                "Upgrade to NetScaler ADC 13.1-49.15 or later, then kill all active and persistent sessions.",
                "https://support.citrix.com/article/CTX579459", List.of("ADC-13.1-49.13")));
        assertThat(a.references()).contains(new Reference("https://psirt.example.jp/csaf/2023/ex-vex-2023-4966.json",
                List.of("exploit_status", "Exploitation of unmitigated appliances has been observed.")));
    }

    @Test
    void vexProfileAlsoGivesOneStatementPerProductStatusNamedByPurlCpeOrName() throws Exception {
        RecordingSink sink = Feeds.resource(parser, "feeds/csaf/netscaler-vex.json");

        Instant released = Instant.parse("2023-10-24T09:00:00Z");
        assertThat(sink.vex).containsExactly(
                new VexStatement("CVE-2023-4966", "cpe:2.3:a:citrix:netscaler_application_delivery_controller:13.1-49.13:*:*:*:-:*:*:*",
                        VexStatus.AFFECTED, null, null,
                        "Upgrade to NetScaler ADC 13.1-49.15 or later, then kill all active and persistent sessions.",
                        Source.CSAF, "EX-VEX-2023-4966", released),
                new VexStatement("CVE-2023-4966", "cpe:2.3:a:citrix:netscaler_application_delivery_controller:14.1-8.50:*:*:*:-:*:*:*",
                        VexStatus.FIXED, null, null, null, Source.CSAF, "EX-VEX-2023-4966", released),
                new VexStatement("CVE-2023-4966", "pkg:maven/jp.example/example-portal@2.4", VexStatus.NOT_AFFECTED,
                        "component_not_present", "The portal does not include NetScaler code.", null,
                        Source.CSAF, "EX-VEX-2023-4966", released),
                new VexStatement("CVE-2023-4966", "NetScaler ADC 12.1-55.300 FIPS", VexStatus.UNDER_INVESTIGATION,
                        null, null, null, Source.CSAF, "EX-VEX-2023-4966", released));
    }

    @Test
    void relationshipProductsTakeThePackagePurlAndThePlatformCpeAndGroupsExpand() throws Exception {
        RecordingSink sink = Feeds.resource(parser, "feeds/csaf/advisory-relationships.json");

        Advisory a = sink.advisory("CVE-2023-45288");
        assertThat(a.productStatuses()).extracting(ProductStatus::status, ProductStatus::cpe, ProductStatus::purl).containsExactly(
                tuple("fixed", "cpe:/a:redhat:rhel_aus:8.6::appstream", "pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6.1?arch=x86_64"),
                tuple("known_not_affected", "cpe:/a:redhat:rhel_aus:8.6::appstream", "pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6.1?arch=src"));
        assertThat(a.productStatuses().get(0).productName())
                .isEqualTo("git-lfs-0:2.13.3-3.el8_6.1.x86_64 as a component of Red Hat Enterprise Linux AppStream AUS (v.8.6)");
        assertThat(a.remediations().get(0).productIds()).containsExactly(
                "AppStream-8.6.0.Z.AUS:git-lfs-0:2.13.3-3.el8_6.1.x86_64", "AppStream-8.6.0.Z.AUS:git-lfs-0:2.13.3-3.el8_6.1.src");
        assertThat(a.cvss()).as("the same score for two product sets is kept once").hasSize(1);
        assertThat(a.cvss().get(0).source()).isEqualTo("vendor:Red Hat Product Security");
        assertThat(a.descriptions()).containsEntry("en",
                "golang: net/http, x/net/http2: unlimited number of CONTINUATION frames causes DoS");
        assertThat(sink.vex).as("not a csaf_vex document").isEmpty();
    }

    @Test
    void proofOfConceptStatusIsTaggedExploitButIsNotExploitation() throws Exception {
        Advisory a = Feeds.resource(parser, "feeds/csaf/advisory-relationships.json").advisory("CVE-2023-45288");

        assertThat(a.exploited()).isFalse();
        assertThat(a.references()).filteredOn(r -> r.tags().contains("exploit_status"))
                .singleElement().satisfies(r -> assertThat(r.isExploit()).isTrue());
    }

    @Test
    void vulnerabilityWithoutCveIsKeyedByItsFirstIdentifierLikeIdElseByDocumentAndIndex() throws Exception {
        RecordingSink sink = Feeds.resource(parser, "feeds/csaf/advisory-relationships.json");

        assertThat(sink.advisories).extracting(Advisory::vulnId)
                .containsExactly("CVE-2023-45288", "GHSA-4v7x-pqxf-cx7m", "RHSA-2024:4546#2");
        assertThat(sink.advisory("RHSA-2024:4546#2").productStatuses())
                .containsExactly(new ProductStatus("under_investigation", "unknown-product", null, null, null));
        assertThat(sink.advisory("GHSA-4v7x-pqxf-cx7m").title())
                .isEqualTo("Mamori test: git-lfs security update (shape of RHSA-2024:4546)");
    }

    @Test
    void missingTrackingIdIsRejectedNamingTheField() {
        String doc = "{\"document\": {\"category\": \"csaf_base\", \"tracking\": {}}, \"vulnerabilities\": [{\"cve\": \"CVE-2024-3400\"}]}";
        assertThatThrownBy(() -> Feeds.text(parser, "bad.json", doc))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> {
                    assertThat(e.location()).isEqualTo("line 1:14 at /document/tracking/id");
                    assertThat(e.getMessage()).contains("missing document tracking id");
                });
    }

    @Test
    void badDateInsideAVulnerabilityNamesItsPointer() {
        String doc = "{\"document\": {\"category\": \"csaf_base\", \"tracking\": {\"id\": \"X-1\"}},\n"
                + "\"vulnerabilities\": [{\"cve\": \"CVE-2024-3400\"},\n {\"cve\": \"CVE-2024-21762\", \"release_date\": \"yesterday\"}]}";
        assertThatThrownBy(() -> Feeds.text(parser, "bad.json", doc))
                .isInstanceOfSatisfying(FeedFormatException.class, e ->
                        assertThat(e.location()).isEqualTo("line 3:2 at /vulnerabilities/1/release_date"));
    }

    @Test
    void malformedJsonNamesLineColumnAndPointer() {
        String doc = "{\"document\": {\"category\": \"csaf_vex\",\n \"tracking\": {\"id\": \"X\" \"version\": \"1\"}}}";
        assertThatThrownBy(() -> Feeds.text(parser, "broken.json", doc))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("broken.json");
                    assertThat(e.location()).startsWith("line 2:").contains("/document/tracking/id");
                    assertThat(e.getMessage()).contains("malformed JSON");
                });
    }

    @Test
    void notCsafIsRejected() {
        assertThatThrownBy(() -> Feeds.text(parser, "openvex.json", "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"statements\": []}"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("not a CSAF document");
        assertThatThrownBy(() -> Feeds.text(parser, "array.json", "[]"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void vulnerabilitiesAreEmittedWhileTheDocumentIsStillBeingRead() throws Exception {
        String head = "{\"document\": {\"category\": \"csaf_security_advisory\", \"tracking\": {\"id\": \"GEN-1\"}},"
                + " \"product_tree\": {\"full_product_names\": [{\"product_id\": \"P1\", \"name\": \"Product 1\"}]},"
                + " \"vulnerabilities\": [";
        GeneratedInput input = new GeneratedInput(head,
                i -> (i == 0 ? "" : ",") + "{\"cve\": \"CVE-2024-" + (10000 + i) + "\", \"product_status\": {\"fixed\": [\"P1\"]}}",
                50_000, "]}");
        List<Boolean> finishedAtFirst = new java.util.ArrayList<>();
        RecordingSink sink = new RecordingSink() {
            @Override
            public void advisory(Advisory advisory) {
                if (advisories.isEmpty()) finishedAtFirst.add(input.finished());
                super.advisory(advisory);
            }
        };
        parser.parse(input, "generated.json", sink);

        assertThat(sink.advisories).hasSize(50_000);
        assertThat(sink.advisories.get(49_999).productStatuses().get(0).productName()).isEqualTo("Product 1");
        assertThat(finishedAtFirst).containsExactly(false);
    }
}
