package jp.mamori.advisory.jvn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.testsupport.Feeds;
import jp.mamori.testsupport.RecordingSink;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the shared MyJVN samples ({@code ../shared/fixtures/jvn}): vulnerability
 * documents parse, the files broken as published (PROVENANCE.md §6) are rejected at the broken
 * place, and MyJVN responses without vulnerabilities (and the XSDs) are refused as such.
 */
class JvnFixturesInteropTest {
    private final JvnParser parser = new JvnParser();

    /** Broken as published: file → the location the error must name. */
    private static final Map<String, String> BROKEN = Map.of(
            "myjvn-hnd/dataFeed_jvndb_rss_hnd.xml", "line 116:",
            "myjvn-oka/dataFeed_jvndb_detail_oka.json", "line 1377:15 at /status/retMax",
            "myjvn-oka/dataFeed_myjvn_product_oka.json", "line 143:15 at /status/retMax",
            "myjvn-oka/dataFeed_myjvn_product_version_oka.json", "line 178:15 at /status/retMax");

    /** Vulnerability documents → the merge keys they must yield, in order. */
    private static final Map<String, List<String>> VULNERABILITIES = Map.ofEntries(
            Map.entry("myjvn-hnd/getVulnOverviewList_hnd.xml", List.of("CVE-2025-31084", "CVE-2025-23120")),
            Map.entry("myjvn-hnd/getVulnDetailInfo_hnd_JVNDB-2017-009608.xml", List.of("CVE-2017-14937")),
            Map.entry("myjvn-hnd/getVulnDetailInfo_hnd_JVNDB-2018-009328.xml", List.of("JVNDB-2018-009328")),
            Map.entry("myjvn-hnd/getVulnDetailInfo_hnd_JVNDB-2021-002774.xml", List.of("CVE-2021-36745")),
            Map.entry("myjvn-hnd/getVulnDetailInfo_hnd_JVNDB-2022-000097.xml",
                    List.of("CVE-2022-41993", "CVE-2022-46287", "CVE-2022-46288")),
            Map.entry("myjvn-oka/getVulnOverviewList_oka.json",
                    List.of("JVNDB-2025-000000", "CVE-2025-31084", "CVE-2025-23120")),
            Map.entry("myjvn-oka/dataFeed_jvndb_rss_oka.json",
                    List.of("JVNDB-2025-000000", "CVE-2025-31084", "CVE-2025-23120")),
            Map.entry("myjvn-oka/getVulnDetailInfo_oka_JVNDB-2017-009608.json", List.of("CVE-2017-14937")),
            Map.entry("myjvn-oka/getVulnDetailInfo_oka_JVNDB-2018-009328.json", List.of("JVNDB-2018-009328")),
            Map.entry("myjvn-oka/getVulnDetailInfo_oka_JVNDB-2021-002774.json", List.of("CVE-2021-36745")),
            Map.entry("myjvn-oka/getVulnDetailInfo_oka_JVNDB-2022-000097.json",
                    List.of("CVE-2022-41993", "CVE-2022-46287", "CVE-2022-46288")),
            Map.entry("myjvn-oka/getVulnDetailInfo_oka_jvncsaf.json", List.of("CVE-2025-0000")),
            Map.entry("myjvn-oka/getVulnDetailInfo_oka_jvnstix.json", List.of("CVE-2025-0000")),
            Map.entry("myjvn-oka/getVulnDetailInfo_oka_JVNDB-2017-009608_jvnstix.json", List.of("CVE-2017-14937")));

    @TestFactory
    Stream<DynamicTest> everyFileParsesOrIsRejectedForTheReasonItShould() throws Exception {
        Path root = SharedFixtures.require("jvn");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        return files.stream().map(f -> {
            String rel = root.relativize(f).toString().replace('\\', '/');
            return dynamicTest(rel, () -> check(rel, f));
        });
    }

    private void check(String rel, Path file) throws Exception {
        if (BROKEN.containsKey(rel)) {
            assertThatThrownBy(() -> Feeds.file(parser, file, new RecordingSink()))
                    .isInstanceOfSatisfying(FeedFormatException.class, e -> {
                        assertThat(e.file()).isEqualTo(file.getFileName().toString());
                        assertThat(e.location()).startsWith(BROKEN.get(rel));
                        assertThat(e.getMessage()).containsPattern("malformed (XML|JSON)");
                    });
        } else if (VULNERABILITIES.containsKey(rel)) {
            RecordingSink sink = Feeds.file(parser, file, new RecordingSink());
            assertThat(sink.advisories).extracting(Advisory::vulnId).containsExactlyElementsOf(VULNERABILITIES.get(rel));
            assertThat(sink.advisories).allSatisfy(a -> {
                assertThat(a.documentId()).matches("JVNDB-\\d{4}-\\d{6}");
                assertThat(a.title()).isNotBlank();
                assertThat(a.exploited()).isFalse();
                assertThat(a.productStatuses()).allSatisfy(p -> assertThat(p.cpe()).isNull());
                assertThat(a.cpeNames()).allSatisfy(c -> assertThat(c).matches("cpe:2\\.3:[aoh*]:[^:]+:[^:]+:\\*:\\*:\\*:\\*:\\*:\\*:\\*:\\*"));
            });
        } else if (rel.equals("myjvn-hnd/dataFeed_jvndb_detail_hnd.xml")) {
            RecordingSink sink = Feeds.file(parser, file, new RecordingSink());
            assertThat(sink.advisories.stream().map(Advisory::documentId).distinct())
                    .containsExactly("JVNDB-2025-000001", "JVNDB-2025-000002", "JVNDB-2025-000003", "JVNDB-2017-009608",
                            "JVNDB-2018-009328", "JVNDB-2021-002774", "JVNDB-2022-000097");
        } else {
            // MyJVN vendor/product lists, statistics, alerts, and the XSD schemas: no vulnerability records.
            RecordingSink sink = new RecordingSink();
            assertThatThrownBy(() -> Feeds.file(parser, file, sink))
                    .isInstanceOf(FeedFormatException.class)
                    .hasMessageContaining(file.getFileName().toString())
                    .hasMessageMatching("(?s).*(no vulnerability records|not a (JVN|MyJVN) vulnerability document).*");
            assertThat(sink.advisories).isEmpty();
        }
    }

    @Test
    void overviewListCarriesJvnCvssCpeAndPaging() throws Exception {
        RecordingSink sink = Feeds.file(parser, SharedFixtures.require("jvn/myjvn-hnd/getVulnOverviewList_hnd.xml"), new RecordingSink());

        Advisory photoCart = sink.advisory("CVE-2025-31084");
        assertThat(photoCart.documentId()).isEqualTo("JVNDB-2025-002953");
        assertThat(photoCart.aliases()).containsExactly("JVNDB-2025-002953");
        assertThat(photoCart.cvss()).containsExactly(
                new CvssScore("3.0", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "jvn", null));
        assertThat(photoCart.cwes()).containsExactly("CWE-502");
        assertThat(photoCart.cpeNames()).containsExactly("cpe:2.3:a:sunshinephotocart:sunshine_photo_cart:*:*:*:*:*:*:*:*");
        Advisory rockwell = sink.advisory("CVE-2025-23120");
        assertThat(rockwell.aliases()).containsExactlyInAnyOrder("JVNDB-2025-002884", "JVNVU#99709964");
        assertThat(rockwell.cpeNames()).hasSize(2)
                .contains("cpe:2.3:a:rockwellautomation:versavirtual_appliance_\\(vva\\)_with_veeam:*:*:*:*:*:*:*:*");
        assertThat(sink.meta).containsExactlyInAnyOrderEntriesOf(Map.of("totalRes", "6", "totalResRet", "2", "firstRes", "1"));
    }

    @Test
    void detailOfJvndb2022000097LinksItsThreeCvesAndBothCvssVersions() throws Exception {
        RecordingSink sink = Feeds.file(parser,
                SharedFixtures.require("jvn/myjvn-hnd/getVulnDetailInfo_hnd_JVNDB-2022-000097.xml"), new RecordingSink());

        assertThat(sink.advisories).allSatisfy(a -> {
            assertThat(a.documentId()).isEqualTo("JVNDB-2022-000097");
            assertThat(a.aliases()).contains("JVNDB-2022-000097", "JVN#96321933");
            assertThat(a.cvss()).extracting(CvssScore::version, CvssScore::baseScore).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("2.0", 4.3), org.assertj.core.groups.Tuple.tuple("3.0", 6.1));
            assertThat(a.cwes()).containsExactly("CWE-79", "CWE-20");
            assertThat(a.productStatuses()).extracting(p -> p.productName())
                    .containsExactly("一般財団法人日本建設情報総合センター 電子入札コアシステム (v6 R4 およびそれ以前のバージョン)");
        });
        assertThat(sink.advisory("CVE-2022-46288").descriptions().get("ja")).contains("\n・オープンリダイレクト (CWE-601) - CVE-2022-46288");
    }

    @Test
    void okaAndHndDetailOfTheSameEntryAgreeOnKeysAndDocument() throws Exception {
        RecordingSink xml = Feeds.file(parser,
                SharedFixtures.require("jvn/myjvn-hnd/getVulnDetailInfo_hnd_JVNDB-2017-009608.xml"), new RecordingSink());
        RecordingSink json = Feeds.file(parser,
                SharedFixtures.require("jvn/myjvn-oka/getVulnDetailInfo_oka_JVNDB-2017-009608.json"), new RecordingSink());

        assertThat(json.advisories).extracting(Advisory::vulnId, Advisory::documentId)
                .containsExactlyElementsOf(xml.advisories.stream()
                        .map(a -> org.assertj.core.groups.Tuple.tuple(a.vulnId(), a.documentId())).toList());
        assertThat(json.advisories.get(0).cpeNames()).isEqualTo(xml.advisories.get(0).cpeNames());
    }
}
