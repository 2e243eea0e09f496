package jp.mamori.advisory.jvn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.ProductStatus;
import jp.mamori.advisory.Remediation;
import jp.mamori.advisory.Source;
import jp.mamori.testsupport.Feeds;
import jp.mamori.testsupport.RecordingSink;
import org.junit.jupiter.api.Test;

class JvnXmlParserTest {
    private final JvnParser parser = new JvnParser();

    @Test
    void overviewItemWithThreeCvesBecomesOneAdvisoryPerCveKeyedByCveWithTheJvndbIdAsAlias() throws Exception {
        RecordingSink sink = Feeds.resource(parser, "feeds/jvn/jvnrss-overview.xml");

        assertThat(sink.advisories).extracting(Advisory::vulnId)
                .containsExactly("CVE-2022-41993", "CVE-2022-46287", "CVE-2022-46288", "CVE-2025-21603");
        Advisory a = sink.advisory("CVE-2022-46287");
        assertThat(a.source()).isEqualTo(Source.JVN);
        assertThat(a.documentId()).isEqualTo("JVNDB-2022-000097");
        assertThat(a.aliases()).containsExactlyInAnyOrder("JVNDB-2022-000097", "JVN#96321933");
        assertThat(a.title()).isEqualTo("電子入札コアシステムにおける複数の脆弱性");
        assertThat(a.descriptions()).containsOnlyKeys("ja");
        assertThat(a.descriptions().get("ja")).startsWith("自治体が利用する電子入札コアシステム");
        assertThat(a.cwes()).containsExactly("CWE-79");
        assertThat(a.cvss()).containsExactly(
                new CvssScore("3.0", "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "jvn", null));
        assertThat(a.published()).isEqualTo(Instant.parse("2022-12-15T03:04:51Z"));
        assertThat(a.modified()).isEqualTo(Instant.parse("2024-05-29T08:39:51Z"));
        assertThat(a.exploited()).isFalse();
    }

    @Test
    void jvnCpesBecomeVersionlessCpe23NamesAndNeverVersionEvidence() throws Exception {
        Advisory a = Feeds.resource(parser, "feeds/jvn/jvnrss-overview.xml").advisory("CVE-2022-41993");

        assertThat(a.cpeNames()).containsExactly("cpe:2.3:a:jacic:electronic_bidding_core_system:*:*:*:*:*:*:*:*");
        assertThat(a.configurations()).isEmpty();
        assertThat(a.productStatuses()).extracting(ProductStatus::cpe, ProductStatus::purl).containsOnly(
                org.assertj.core.groups.Tuple.tuple(null, null));
        assertThat(a.productStatuses()).extracting(ProductStatus::productName)
                .containsExactly("一般財団法人日本建設情報総合センター 電子入札コアシステム");
    }

    @Test
    void overviewReferencesKeepLinksButNotCweLinks() throws Exception {
        Advisory a = Feeds.resource(parser, "feeds/jvn/jvnrss-overview.xml").advisory("CVE-2022-41993");

        assertThat(a.references()).extracting(r -> r.url()).contains(
                "https://jvndb.jvn.jp/ja/contents/2022/JVNDB-2022-000097.html",
                "https://nvd.nist.gov/vuln/detail/CVE-2022-41993",
                "https://jvn.jp/jp/JVN96321933/index.html")
                .doesNotContain("https://cwe.mitre.org/data/definitions/79.html");
    }

    @Test
    void minutePrecisionDatesAsMyJvnWritesThemAreRead() throws Exception {
        Advisory a = Feeds.resource(parser, "feeds/jvn/jvnrss-overview.xml").advisory("CVE-2025-21603");

        assertThat(a.published()).isEqualTo(Instant.parse("2025-01-08T03:16:00Z"));
        assertThat(a.modified()).isEqualTo(a.published());
    }

    @Test
    void pagingValuesOfTheStatusBlockAreEmittedAsMeta() throws Exception {
        RecordingSink sink = Feeds.resource(parser, "feeds/jvn/jvnrss-overview.xml");

        assertThat(sink.meta).containsEntry("totalRes", "120").containsEntry("totalResRet", "2")
                .containsEntry("firstRes", "51");
    }

    @Test
    void vuldefDetailGivesProductsWithJapaneseVersionTextSolutionsAndJvnIds() throws Exception {
        RecordingSink sink = Feeds.resource(parser, "feeds/jvn/vuldef-detail.xml");

        assertThat(sink.advisories).extracting(Advisory::vulnId).containsExactly("CVE-2025-21603", "JVNDB-2018-009328");
        Advisory planex = sink.advisory("CVE-2025-21603");
        assertThat(planex.documentId()).isEqualTo("JVNDB-2025-000001");
        assertThat(planex.aliases()).containsExactlyInAnyOrder("JVNDB-2025-000001", "JVN#57428125");
        assertThat(planex.cwes()).containsExactly("CWE-79");
        assertThat(planex.cpeNames()).containsExactly("cpe:2.3:o:planex:mzk-dp300n:*:*:*:*:*:*:*:*");
        assertThat(planex.productStatuses()).extracting(ProductStatus::productName).containsExactly(
                "プラネックスコミュニケーションズ株式会社 MZK-DP300N (ファームウェアバージョン 1.05およびそれ以前)");
        assertThat(planex.cvss()).extracting(CvssScore::baseScore, CvssScore::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4.8, "jvn"));
        assertThat(planex.remediations()).extracting(Remediation::category).containsExactly("vendor_fix");
        assertThat(planex.published()).isEqualTo(Instant.parse("2025-01-08T03:16:23Z"));
        assertThat(sink.meta).containsEntry("totalRes", "2");
    }

    @Test
    void entryWithoutCveIsKeyedByItsJvndbIdAndItsHtmlListBecomesPlainText() throws Exception {
        Advisory a = Feeds.resource(parser, "feeds/jvn/vuldef-detail.xml").advisory("JVNDB-2018-009328");

        assertThat(a.documentId()).isEqualTo("JVNDB-2018-009328");
        assertThat(a.aliases()).isEmpty();
        assertThat(a.descriptions().get("ja")).isEqualTo("バックアップ製品に情報漏えいの脆弱性があります。\n・対象：NetBackup\n・対象：JP1/VERITAS NetBackup");
        assertThat(a.cpeNames()).containsExactly("cpe:2.3:a:veritas:netbackup:*:*:*:*:*:*:*:*",
                "cpe:2.3:a:hitachi:jp1_veritas_netbackup:*:*:*:*:*:*:*:*");
        assertThat(a.productStatuses()).extracting(ProductStatus::productName)
                .containsExactly("ベリタス Veritas NetBackup (7.7, 8.0, 8.1)", "日立 JP1/VERITAS NetBackup");
        assertThat(a.remediations()).extracting(Remediation::category).containsExactly("workaround");
        assertThat(a.cvss()).isEmpty();
    }

    @Test
    void myJvnErrorStatusIsRaisedNotImportedAsAnEmptyPage() {
        assertThatThrownBy(() -> Feeds.resource(parser, "feeds/jvn/myjvn-error.xml"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("myjvn-error.xml")
                .hasMessageContaining("retCd=1 errCd=1001 パラメタ不正");
    }

    @Test
    void malformedXmlNamesFileLineColumnAndElementPath() {
        assertThatThrownBy(() -> Feeds.resource(parser, "feeds/jvn/malformed.xml"))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("malformed.xml");
                    assertThat(e.location()).matches("line 6:\\d+ at /rdf:RDF/item.*");
                    assertThat(e.getMessage()).contains("malformed XML");
                });
    }

    @Test
    void otherMyJvnXmlDocumentsAreRefusedAsHoldingNoVulnerabilities() {
        String vendorList = "<?xml version=\"1.0\"?><Result version=\"3.3\" xmlns=\"http://jvndb.jvn.jp/myjvn/Results\">"
                + "<VendorInfo><Vendor vid=\"1\" vname=\"東芝\" cpe=\"cpe:/:toshiba\"/></VendorInfo></Result>";
        assertThatThrownBy(() -> Feeds.text(parser, "getVendorList.xml", vendorList))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("getVendorList.xml")
                .hasMessageContaining("root element <Result>");
    }

    @Test
    void itemsAreEmittedWhileTheDocumentIsStillBeingRead() throws Exception {
        String head = "<?xml version=\"1.0\"?><rdf:RDF xmlns=\"http://purl.org/rss/1.0/\" "
                + "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:sec=\"http://jvn.jp/rss/mod_sec/3.0/\">";
        var input = new jp.mamori.testsupport.GeneratedInput(head, i -> String.format(
                "<item><title>t</title><sec:identifier>JVNDB-2024-%06d</sec:identifier></item>", i), 50_000, "</rdf:RDF>");
        List<Boolean> finishedAtFirst = new java.util.ArrayList<>();
        RecordingSink sink = new RecordingSink() {
            @Override
            public void advisory(Advisory advisory) {
                if (advisories.isEmpty()) finishedAtFirst.add(input.finished());
                super.advisory(advisory);
            }
        };
        parser.parse(input, "generated.rdf", sink);

        assertThat(sink.advisories).hasSize(50_000);
        assertThat(finishedAtFirst).containsExactly(false);
    }
}
