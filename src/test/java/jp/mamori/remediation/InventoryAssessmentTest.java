package jp.mamori.remediation;


import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.mamori.advisory.store.FeedFileImporter;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;
import jp.mamori.inventory.SbomStore;
import jp.mamori.inventory.Segment;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.IdentifierOrigin;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingRecorder;
import jp.mamori.remediation.FindingRow;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import jp.mamori.triage.policy.TriagePolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Findings follow the inventory and the knowledge base: a new advisory finds what it touches,
 * a version update closes a finding (never deletes it), a downgrade reopens it, and re-running
 * changes nothing.
 */
class InventoryAssessmentTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final Path DEMO = Path.of("src/main/resources/demo/feeds");

    private static SbomDocument sbom(String log4jVersion) {
        Component c = new Component("log4j", null, "library", "org.apache.logging.log4j", "log4j-core", log4jVersion, "Apache",
                "pkg:maven/org.apache.logging.log4j/log4j-core@" + log4jVersion, null, Map.of(), List.of(), null,
                IdentifierOrigin.DECLARED, true);
        return new SbomDocument("CycloneDX", "1.5", null, "app", null, List.of(c), List.of());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void findingsFollowAdvisoriesAndVersions(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            InventoryRepository repo = new InventoryRepository(db.dataSource());
            Organization org = repo.createOrganization("131016", "テスト区", null);
            ItSystem sys = repo.createSystem(org.id(), "juki", "住民記録", Segment.MYNUMBER, new Importance("3A", "2", "2"), null, null, List.of());
            Asset app = repo.createAsset(org.id(), sys.id(), new InventoryRepository.NewAsset("ap-01", "業務AP", AssetKind.SERVER,
                    null, null, null, null, Exposure.CONTROLLED, false, null));
            Asset gw = repo.createAsset(org.id(), sys.id(), new InventoryRepository.NewAsset("gw-01", "VPN", AssetKind.NETWORK_APPLIANCE,
                    "Citrix", "NetScaler Gateway", "13.1-49.13", "cpe:2.3:a:citrix:netscaler_gateway:13.1-49.13:*:*:*:*:*:*:*",
                    Exposure.OPEN, true, null));
            InventoryAssessment assessment = new InventoryAssessment(db, CLOCK, TriagePolicy.defaults());
            SbomStore sboms = new SbomStore(db);
            sboms.add(org.id(), app, sbom("2.14.1"), "v1.json", "a1", null, "test", CLOCK.instant());
            assertThat(assessment.assessAsset(org.id(), app.id(), "test").detected()).as("no advisory yet").isZero();

            FeedFileImporter importer = new FeedFileImporter(db, CLOCK, null);
            FeedFileImporter.Summary imported = importer.importPaths(List.of(DEMO.resolve("osv/GHSA-jfh8-c2jp-5v3q.json"),
                    DEMO.resolve("nvd-boundary-devices.json"), DEMO.resolve("kev-demo.json")), null, false);
            FindingRecorder.Result r = assessment.reassess(imported.touchedVulnerabilities(), "feeds");
            assertThat(r.detected()).as("log4j on the app server and CVE-2023-4966 on the gateway").isEqualTo(2);

            FindingQuery q = new FindingQuery(db.dataSource());
            List<FindingRow> open = q.list(org.id(), FindingQuery.Filter.open(), 10, 0);
            assertThat(open).extracting(FindingRow::vulnId).containsExactly("CVE-2023-4966", "CVE-2021-44228");
            assertThat(open.get(0).boundary()).isTrue();
            assertThat(open.get(0).outcome()).isEqualTo("act");
            assertThat(open.get(0).due()).as("the KEV due date passed before detection: first seen + 3 days")
                    .isEqualTo(java.time.LocalDate.now(CLOCK.withZone(TriagePolicy.TOKYO)).plusDays(3));

            assertThat(assessment.reassess(imported.touchedVulnerabilities(), "feeds").changes()).as("re-running changes nothing").isZero();

            sboms.add(org.id(), app, sbom("2.17.1"), "v2.json", "a2", null, "test", CLOCK.instant());
            FindingRecorder.Result updated = assessment.assessAsset(org.id(), app.id(), "test");
            assertThat(updated.closed()).isEqualTo(1);
            FindingRow closed = q.list(org.id(), FindingQuery.Filter.all(), 10, 0).stream()
                    .filter(f -> f.vulnId().equals("CVE-2021-44228")).findFirst().orElseThrow();
            assertThat(closed.state()).isEqualTo("fixed");

            sboms.add(org.id(), app, sbom("2.14.1"), "v3.json", "a3", null, "test", CLOCK.instant());
            assertThat(assessment.assessAsset(org.id(), app.id(), "test").reopened()).isEqualTo(1);
            assertThat(events(db, closed.id())).containsExactly("detected", "closed", "reopened");
            assertThat(q.count(org.id(), FindingQuery.Filter.all())).as("closed findings are kept, not duplicated").isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPersonsOverrideOfAnSsvcInputIsRecordedAndKeptAcrossReMatching(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            InventoryRepository repo = new InventoryRepository(db.dataSource());
            Organization org = repo.createOrganization("131016", "テスト区", null);
            ItSystem sys = repo.createSystem(org.id(), "bunsho", "文書管理", Segment.LGWAN, new Importance("2", "1", "1"), null, null, List.of());
            Asset app = repo.createAsset(org.id(), sys.id(), new InventoryRepository.NewAsset("ap-01", "業務AP", AssetKind.SERVER,
                    null, null, null, null, Exposure.SMALL, false, null));
            new FeedFileImporter(db, CLOCK, null).importPaths(List.of(DEMO.resolve("osv/GHSA-35jh-r3h4-6jhm.json"),
                    DEMO.resolve("nvd-boundary-devices.json")), null, false);
            Component lodash = new Component("lodash", null, "library", null, "lodash", "4.17.20", null, "pkg:npm/lodash@4.17.20", null,
                    Map.of(), List.of(), null, IdentifierOrigin.DECLARED, true);
            new SbomStore(db).add(org.id(), app, new SbomDocument("CycloneDX", "1.5", null, "x", null, List.of(lodash), List.of()),
                    "x.json", "h", null, "test", CLOCK.instant());
            InventoryAssessment assessment = new InventoryAssessment(db, CLOCK, TriagePolicy.defaults());
            assessment.assessAsset(org.id(), app.id(), "test");
            FindingQuery q = new FindingQuery(db.dataSource());
            FindingRow before = q.list(org.id(), FindingQuery.Filter.all(), 10, 0).get(0);
            assertThat(before.exploitation()).as("lodash has a public exploit reference, no attacks").isEqualTo("poc");

            jp.mamori.remediation.OverrideStore store = new jp.mamori.remediation.OverrideStore(db);
            store.add(before.id(), store.target(org.id(), before.id()),
                    new jp.mamori.triage.ssvc.SsvcOverride("exploitation", "active", "庁内CSIRTが攻撃を確認", "sec-officer"), CLOCK.instant());
            assessment.assessAsset(org.id(), app.id(), "test");
            FindingRow after = q.find(org.id(), before.id()).orElseThrow();
            assertThat(after.exploitation()).isEqualTo("active");
            assertThat(FindingOrderRank.of(after.outcome())).isGreaterThan(FindingOrderRank.of(before.outcome()));
            assertThat(events(db, before.id())).contains("override", "outcome_changed");
            assessment.assessAsset(org.id(), app.id(), "test");
            assertThat(q.find(org.id(), before.id()).orElseThrow().exploitation()).as("kept on the next re-match").isEqualTo("active");
        }
    }

    /** Outcome keys in rank order, for comparisons in assertions. */
    static final class FindingOrderRank {
        static int of(String key) {
            return List.of("track", "track-star", "attend", "act").indexOf(key);
        }
    }

    private static List<String> events(Database db, long findingId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT kind FROM finding_event WHERE finding_id = ? ORDER BY id")) {
            ps.setLong(1, findingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }
}
