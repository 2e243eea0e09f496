package jp.mamori.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import jp.mamori.app.inventory.AddSbom;
import jp.mamori.assessment.AssessedFinding;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingRow;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import jp.mamori.triage.AssetContext;
import jp.mamori.triage.ssvc.Mission;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13 defect 2 end to end: our own OSV record of GO-2022-0411 (github.com/Masterminds/goutils,
 * published case) against our own CycloneDX SBOM whose purl keeps the module's capitals — scanned and
 * stored, on H2 and PostgreSQL. The finding shows the module path as the SBOM gave it.
 */
class GoModuleCaseTest {

    static final String OSV = """
            {"schema_version": "1.4.0", "id": "GO-2022-0411", "modified": "2024-05-20T16:03:47Z",
             "published": "2022-05-24T20:14:11Z", "aliases": ["GHSA-xg2h-wx96-xgxr"],
             "summary": "Predictable random strings in github.com/Masterminds/goutils (test record)",
             "affected": [{"package": {"name": "github.com/Masterminds/goutils", "ecosystem": "Go"},
               "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.1.1"}]}]}],
             "references": [{"type": "FIX", "url": "https://github.com/Masterminds/goutils/commit/869801f20f9f1e7ecdbdb6422049d8241270d5e1"}]}
            """;

    static final String SBOM = """
            {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
             "metadata": {"component": {"type": "application", "bom-ref": "app", "name": "helm-plugin"}},
             "components": [
               {"type": "library", "bom-ref": "goutils", "name": "github.com/Masterminds/goutils",
                "version": "v1.1.1-0.20210101000000-abcdefabcdef",
                "purl": "pkg:golang/github.com/Masterminds/goutils@v1.1.1-0.20210101000000-abcdefabcdef?type=module"},
               {"type": "library", "bom-ref": "fixed", "name": "github.com/Masterminds/goutils",
                "version": "v1.1.1", "purl": "pkg:golang/github.com/Masterminds/goutils@v1.1.1"}]}
            """;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMixedCaseModuleMatchesItsAdvisoryAndKeepsItsSpelling(Kind kind) throws Exception {
        Path dir = Files.createTempDirectory("mamori-go-case-");
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori mamori = Mamori.open(db, Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC), new MamoriSettings(dir, Map.of()));
            assertThat(mamori.importFeeds().run(Actor.system("test"), List.of(Files.writeString(dir.resolve("GO-2022-0411.json"), OSV)),
                    null, null).summary().failed()).isFalse();
            try (Connection c = db.connection(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT package_name FROM advisory_package_key WHERE ecosystem = 'Go'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("indexed the way components are keyed").isEqualTo("github.com/masterminds/goutils");
            }
            Path sbom = Files.writeString(dir.resolve("app.cdx.json"), SBOM);

            List<AssessedFinding> scanned = mamori.scanSbom().run(sbom,
                    new AssetContext(jp.mamori.triage.ssvc.Exposure.CONTROLLED, Mission.MEDIUM, "scan", "scan"), List.of()).findings();
            assertThat(scanned).singleElement().satisfies(f -> {
                assertThat(f.match().vulnId()).isEqualTo("GO-2022-0411");
                assertThat(f.target().ref()).as("the pseudo-version before the fix, not v1.1.1").isEqualTo("goutils");
                assertThat(f.match().identifier()).isEqualTo("Go/github.com/Masterminds/goutils@v1.1.1-0.20210101000000-abcdefabcdef");
            });

            InventoryRepository inv = mamori.inventory();
            long org = inv.createOrganization("012050", "C村", "municipality").id();
            long sys = inv.createSystem(org, "s", "業務", Segment.LGWAN, new Importance("2", "2", "2"), null, null, List.of()).id();
            Asset ap = inv.createAsset(org, sys, new InventoryRepository.NewAsset("ap", "AP", AssetKind.SERVER, null, null, null, null,
                    Exposure.CONTROLLED, false, null));
            mamori.addSbom().run(Actor.system("test"), org, ap.id(), new AddSbom.Input(sbom, "app.cdx.json", null, false));
            List<FindingRow> rows = mamori.findings().list(org, FindingQuery.Filter.all(), 10, 0);
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.vulnId()).isEqualTo("GO-2022-0411");
                assertThat(r.componentName()).isEqualTo("github.com/Masterminds/goutils");
                assertThat(r.componentVersion()).isEqualTo("v1.1.1-0.20210101000000-abcdefabcdef");
            });
        }
    }
}
