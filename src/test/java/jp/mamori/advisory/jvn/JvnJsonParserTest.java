package jp.mamori.advisory.jvn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.ProductStatus;
import jp.mamori.advisory.Remediation;
import jp.mamori.testsupport.Feeds;
import jp.mamori.testsupport.RecordingSink;
import org.junit.jupiter.api.Test;

class JvnJsonParserTest {
    private final JvnParser parser = new JvnParser();

    @Test
    void okaOverviewEntryBecomesAnAdvisoryAndAlertEntriesAreNotVulnerabilities() throws Exception {
        RecordingSink sink = Feeds.resource(parser, "feeds/jvn/oka-overview.json");

        assertThat(sink.advisories).extracting(Advisory::vulnId).containsExactly("CVE-2025-23120");
        Advisory a = sink.advisories.get(0);
        assertThat(a.documentId()).isEqualTo("JVNDB-2025-002884");
        assertThat(a.aliases()).containsExactlyInAnyOrder("JVNDB-2025-002884", "JVNVU#99709964");
        assertThat(a.cwes()).containsExactly("CWE-502");
        assertThat(sink.meta).containsEntry("totalRes", "6").containsEntry("totalResRet", "1").containsEntry("firstRes", "1");
    }

    @Test
    void okaCpe23WithPercentEncodingEqualsTheConversionOfTheSameCpe22() throws Exception {
        Advisory a = Feeds.resource(parser, "feeds/jvn/oka-overview.json").advisories.get(0);

        String fromCpe22 = JvnCpe.versionless("cpe:/a:rockwellautomation:industrial_data_center_%28idc%29_with_veeam");
        assertThat(fromCpe22).isEqualTo("cpe:2.3:a:rockwellautomation:industrial_data_center_\\(idc\\)_with_veeam:*:*:*:*:*:*:*:*");
        assertThat(a.cpeNames()).containsExactly(fromCpe22);
    }

    @Test
    void okaDetailGivesEachCveItsOwnScoreAndTheEntryLevelCwes() throws Exception {
        RecordingSink sink = Feeds.resource(parser, "feeds/jvn/oka-detail-jvncsaf.json");

        assertThat(sink.advisories).extracting(Advisory::vulnId).containsExactly("CVE-2022-41993", "CVE-2022-46288");
        Advisory xss = sink.advisory("CVE-2022-41993");
        assertThat(xss.documentId()).isEqualTo("JVNDB-2022-000097");
        assertThat(xss.aliases()).containsExactlyInAnyOrder("JVNDB-2022-000097", "JVN#96321933");
        assertThat(xss.cwes()).containsExactlyInAnyOrder("CWE-79", "CWE-20");
        assertThat(xss.cvss()).containsExactly(
                new CvssScore("3.0", "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "jvn", null));
        assertThat(xss.remediations()).extracting(Remediation::category, Remediation::productIds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vendor_fix",
                        java.util.List.of("jvnpid:1.0::jacic:electronic_bidding_core_system")));
        assertThat(sink.advisory("CVE-2022-46288").cvss()).extracting(CvssScore::baseScore).containsExactly(4.7);
        assertThat(sink.advisory("CVE-2022-46288").remediations()).isEmpty();
        assertThat(xss.descriptions().get("ja")).startsWith("電子入札コアシステムに");
        assertThat(sink.meta).containsEntry("totalRes", "1");
    }

    @Test
    void okaDetailProductStatusKeepsNamesButNoCpeAndCpeNamesAreVersionless() throws Exception {
        Advisory a = Feeds.resource(parser, "feeds/jvn/oka-detail-jvncsaf.json").advisory("CVE-2022-41993");

        assertThat(a.productStatuses()).containsExactly(new ProductStatus("known_affected",
                "jvnpid:1.0::jacic:electronic_bidding_core_system", "電子入札コアシステム", null, null));
        assertThat(a.cpeNames()).containsExactly("cpe:2.3:a:jacic:electronic_bidding_core_system:*:*:*:*:*:*:*:*");
    }

    @Test
    void stixBundleEmbeddingVuldefDocumentsIsReadDocumentByDocument() throws Exception {
        String stix = "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[{\"type\":\"identity\",\"id\":\"identity--1\"},"
                + "{\"type\":\"jvn-jp-sdo\",\"VULDEF-Document\":["
                + "{\"document\":{\"title\":\"t1\",\"tracking\":{\"id\":\"JVNDB-2018-009328\"}},\"vulnerabilities\":[{\"cve\":\"\"}]},"
                + "{\"document\":{\"title\":\"t2\",\"tracking\":{\"id\":\"JVNDB-2025-000001\"}},\"vulnerabilities\":[{\"cve\":\"CVE-2025-21603\"}]}"
                + "]}],\"status\":{\"method\":\"getVulnDetailInfo\",\"retCd\":0,\"totalRes\":2,\"totalResRet\":2}}";
        RecordingSink sink = Feeds.text(parser, "stix.json", stix);

        assertThat(sink.advisories).extracting(Advisory::vulnId, Advisory::documentId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("JVNDB-2018-009328", "JVNDB-2018-009328"),
                org.assertj.core.groups.Tuple.tuple("CVE-2025-21603", "JVNDB-2025-000001"));
        assertThat(sink.meta).containsEntry("totalRes", "2");
    }

    @Test
    void brokenRetMaxIsRejectedWithLineColumnAndPointer() {
        String broken = "{\n  \"feed\": {\"entry\": []},\n  \"status\": {\n    \"retMax\": ,\n    \"totalRes\": 1\n  }\n}";
        assertThatThrownBy(() -> Feeds.text(parser, "dataFeed_jvndb_detail_oka.json", broken))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("dataFeed_jvndb_detail_oka.json");
                    assertThat(e.location()).isEqualTo("line 4:15 at /status/retMax");
                    assertThat(e.getMessage()).contains("malformed JSON").contains("','");
                });
    }

    @Test
    void myJvnListsWithoutVulnerabilitiesAreRefusedSayingSo() {
        String vendors = "{\"$schema\":\"https://jvndb.jvn.jp/schema/jvnpid_1.0.json\",\"jvn-product-dictionary\":{},"
                + "\"status\":{\"method\":\"getVendorList\",\"retCd\":0}}";
        assertThatThrownBy(() -> Feeds.text(parser, "getVendorList_oka.json", vendors))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("getVendorList response holds no vulnerability records");
        String unknown = "{\"hello\": 1}";
        assertThatThrownBy(() -> Feeds.text(parser, "other.json", unknown))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("not a MyJVN vulnerability document");
    }

    @Test
    void jsonNestingDepthIsBounded() {
        String deep = "{\"unknown\":" + "[".repeat(500) + "]".repeat(500) + "}";
        assertThatThrownBy(() -> Feeds.text(parser, "deep.json", deep))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("deep.json")
                .hasMessageContaining("nesting depth");
    }
}
