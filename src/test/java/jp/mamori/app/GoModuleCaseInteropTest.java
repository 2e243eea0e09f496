package jp.mamori.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import jp.mamori.assessment.AssessedFinding;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.SharedFixtures;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.triage.AssetContext;
import jp.mamori.triage.ssvc.Exposure;
import jp.mamori.triage.ssvc.Mission;
import org.junit.jupiter.api.Test;

/**
 * A real SBOM written by another tool (../shared/fixtures, harp's CycloneDX; skipped visibly without it)
 * lists github.com/Masterminds/goutils v1.1.1 and sprig/v3 v3.2.2 with their capitals. Our own OSV
 * records in the published case must reach them.
 */
class GoModuleCaseInteropTest {

    @Test
    void mixedCaseModulesOfARealSbomMeetAdvisoriesInThePublishedCase() throws Exception {
        Path sbom = SharedFixtures.require("sbom/cyclonedx/bom-shelter/harp-darwin-amd64.sbom.json");
        Path dir = Files.createTempDirectory("mamori-go-case-interop-");
        String sprig = GoModuleCaseTest.OSV.replace("GO-2022-0411", "GO-2099-0001").replace("GHSA-xg2h-wx96-xgxr", "GHSA-0000-0000-0001")
                .replace("github.com/Masterminds/goutils\"", "github.com/Masterminds/sprig/v3\"").replace("\"1.1.1\"", "\"3.2.3\"");
        try (Database db = Database.open(TestDatabases.h2())) {
            Mamori mamori = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dir, Map.of()));
            assertThat(mamori.importFeeds().run(Actor.system("test"), List.of(Files.writeString(dir.resolve("a.json"), GoModuleCaseTest.OSV),
                    Files.writeString(dir.resolve("b.json"), sprig)), null, null).summary().failed()).isFalse();
            List<AssessedFinding> f = mamori.scanSbom().run(sbom, new AssetContext(Exposure.CONTROLLED, Mission.MEDIUM, "scan", "scan"),
                    List.of()).findings();
            assertThat(f).extracting(x -> x.match().vulnId()).as("goutils v1.1.1 is the fixed version").contains("GO-2099-0001")
                    .doesNotContain("GO-2022-0411");
            assertThat(f).filteredOn(x -> x.match().vulnId().equals("GO-2099-0001"))
                    .allSatisfy(x -> assertThat(x.match().identifier()).startsWith("Go/github.com/Masterminds/sprig/v3@v3.2.2"));
        }
    }
}
