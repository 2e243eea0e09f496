package jp.mamori.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import jp.mamori.assessment.report.ScanJson;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.SharedFixtures;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.triage.AssetContext;
import jp.mamori.triage.ssvc.Exposure;
import jp.mamori.triage.ssvc.Mission;
import org.junit.jupiter.api.Test;

/**
 * The real NVD record of CVE-2019-19781 (../shared/fixtures/nvd, skipped visibly without it) against
 * our own SBOM of a Citrix ADC that lists firmware and hardware as separate components.
 */
class RunningOnFixturesInteropTest {

    @Test
    void theRealAdcRecordMatchesFirmwareListedApartFromItsHardware() throws Exception {
        Path nvd = SharedFixtures.require("nvd/CVE-2019-19781.json");
        Path dir = Files.createTempDirectory("mamori-running-on-interop-");
        try (Database db = Database.open(TestDatabases.h2())) {
            Mamori mamori = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dir, Map.of()));
            assertThat(mamori.importFeeds().run(Actor.system("test"), List.of(nvd), null, null).summary().failed()).isFalse();
            AssetContext ctx = new AssetContext(Exposure.OPEN, Mission.HIGH, "scan", "scan");
            Path both = Files.writeString(dir.resolve("adc.cdx.json"), RunningOnPlatformTest.sbom(true, true));
            assertThat(mamori.scanSbom().run(both, ctx, List.of()).findings()).filteredOn(f -> !f.candidate())
                    .singleElement().satisfies(f -> {
                        assertThat(f.match().vulnId()).isEqualTo("CVE-2019-19781");
                        assertThat(f.target().ref()).isEqualTo("fw");
                        assertThat(ScanJson.finding(f).at("/match/runningOn/0").asText())
                                .contains("cpe:2.3:h:citrix:application_delivery_controller:-").contains("component hw");
                    });
            Path alone = Files.writeString(dir.resolve("fw.cdx.json"), RunningOnPlatformTest.sbom(true, false));
            assertThat(mamori.scanSbom().run(alone, ctx, List.of()).findings()).filteredOn(f -> !f.candidate()).isEmpty();
        }
    }
}
