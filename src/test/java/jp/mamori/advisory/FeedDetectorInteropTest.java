package jp.mamori.advisory;

import static jp.mamori.advisory.feed.InteropFiles.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Detection of every file in the shared fixtures of the formats this package reads, and of the hooks. */
class FeedDetectorInteropTest {

    @TestFactory
    Stream<DynamicTest> everyFeedFixtureIsDetected() {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("nvd", "nvd/responses", "cve5", "kev", "epss", "epss/emba-per-cve", "osv")) files.addAll(filesIn(dir));
        return files.stream().map(f -> DynamicTest.dynamicTest(SharedFixtures.root().relativize(f).toString(),
                () -> assertThat(FeedDetector.detect(f).format()).isEqualTo(expected(f))));
    }

    private static FeedFormat expected(Path f) {
        String rel = SharedFixtures.root().relativize(f).toString().replace('\\', '/');
        String name = f.getFileName().toString();
        if (rel.startsWith("nvd/responses/")) return name.contains("-cves-") || name.startsWith("osv-dev") ? FeedFormat.NVD_API_RESPONSE : FeedFormat.UNKNOWN;
        if (rel.startsWith("nvd/")) return name.contains("api-response") ? FeedFormat.NVD_API_RESPONSE : FeedFormat.NVD_CVE;
        if (rel.startsWith("cve5/")) return FeedFormat.CVE5;
        if (rel.startsWith("kev/")) {
            if (name.equals("known_exploited_vulnerabilities.json")) return FeedFormat.KEV_JSON;
            return name.equals("known_exploited_vulnerabilities.csv") ? FeedFormat.KEV_CSV : FeedFormat.UNKNOWN;
        }
        if (rel.startsWith("epss/")) return name.endsWith(".csv") ? FeedFormat.EPSS_CSV : FeedFormat.EPSS_JSON;
        return FeedFormat.OSV;
    }

    @Test
    void hooksOnRealSamplesOfTheOtherFormats() throws Exception {
        assertThat(FeedDetector.detect(SharedFixtures.require("csaf/oasis-csaf-2.0-examples/csaf_vex/2022-evd-uc-01-a-001.json")).format())
                .isEqualTo(FeedFormat.CSAF);
        assertThat(FeedDetector.detect(SharedFixtures.require("csaf/redhat-csaf/rhsa-2024_4546.json")).format()).isEqualTo(FeedFormat.CSAF);
        assertThat(FeedDetector.detect(SharedFixtures.require("csaf/openvex/vexctl-examples__openvex__demo.vex.json")).format())
                .isEqualTo(FeedFormat.OPENVEX);
        assertThat(FeedDetector.detect(SharedFixtures.require("jvn/myjvn-hnd/getVulnOverviewList_hnd.xml")).format()).isEqualTo(FeedFormat.JVN_XML);
        assertThat(FeedDetector.detect(SharedFixtures.require("jvn/myjvn-hnd/getVulnDetailInfo_hnd_JVNDB-2017-009608.xml")).format())
                .isEqualTo(FeedFormat.JVN_XML);
        // not well-formed as published (PROVENANCE.md): detected by its start, refused later by the JVN parser
        assertThat(FeedDetector.detect(SharedFixtures.require("jvn/myjvn-hnd/dataFeed_jvndb_rss_hnd.xml")).format()).isEqualTo(FeedFormat.JVN_XML);
        assertThat(FeedDetector.detect(SharedFixtures.require("sbom/cyclonedx/vex/vex.json")).format()).isEqualTo(FeedFormat.CYCLONEDX_VEX);
        assertThat(FeedDetector.detect(SharedFixtures.require("sbom/cyclonedx/vex/bom.json")).format()).isEqualTo(FeedFormat.UNKNOWN);
        // an SBOM larger than the prefix is read through before it is called an SBOM
        FeedDetector.Detection big = FeedDetector.detect(SharedFixtures.require("sbom/cyclonedx/bom-examples/keycloak-10.0.2.cdx-1.2.json"));
        assertThat(big.format()).isEqualTo(FeedFormat.UNKNOWN);
        assertThat(big.reason()).contains("an SBOM, not a feed");
        assertThat(FeedDetector.detect(SharedFixtures.require("cpe/nvd-cpe-api2-products-page0.json")).reason()).contains("NVD_CPE");
    }
}
