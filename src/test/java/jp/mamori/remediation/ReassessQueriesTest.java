package jp.mamori.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.triage.policy.TriagePolicy;
import org.junit.jupiter.api.Test;

/**
 * Bench P2 (one new advisory re-matched over a large inventory, SPEC §7): the re-match reads the touched
 * assets' components set-based and by index — counted by H2's own statistics, not by a clock. It regressed
 * from 0.69 s to 6.7 s when the "running on" platform of each touched asset was read by a full scan of the
 * component table, once per asset.
 */
class ReassessQueriesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final Path LOG4SHELL = Path.of("src/main/resources/demo/feeds/osv/GHSA-jfh8-c2jp-5v3q.json");
    private static final int ASSETS = 30;
    private static final int FILLER = 40;

    private static Component component(String ref, String group, String name, String version, String purl, String cpe) {
        return new Component(ref, null, "library", group, name, version, null, purl, cpe, Map.of(), List.of(), null, IdentifierOrigin.DECLARED, true);
    }

    /** log4j-core 2.14.1 (Log4Shell) and {@code FILLER} unrelated components, half of them with a CPE of their own. */
    private static SbomDocument sbom(int asset) {
        List<Component> cs = new ArrayList<>();
        cs.add(component("log4j", "org.apache.logging.log4j", "log4j-core", "2.14.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", null));
        for (int i = 0; i < FILLER; i++) {
            String v = "1." + i + "." + asset;
            cs.add(component("c" + i, "example", "lib" + i, v, "pkg:npm/lib" + i + "@" + v,
                    i % 2 == 0 ? "cpe:2.3:a:example:lib" + i + ":" + v + ":*:*:*:*:*:*:*" : null));
        }
        return new SbomDocument("CycloneDX", "1.5", null, "app" + asset, null, cs, List.of());
    }

    @Test
    void oneNewAdvisoryReadsTheTouchedAssetsComponentsInABoundedNumberOfQueries() throws Exception {
        try (Database db = Database.open(TestDatabases.h2())) {
            InventoryRepository repo = new InventoryRepository(db.dataSource());
            Organization org = repo.createOrganization("131016", "テスト区", null);
            ItSystem sys = repo.createSystem(org.id(), "juki", "住民記録", Segment.MYNUMBER, new Importance("3A", "2", "2"), null, null, List.of());
            SbomStore sboms = new SbomStore(db);
            for (int a = 0; a < ASSETS; a++) {
                Asset asset = repo.createAsset(org.id(), sys.id(), new InventoryRepository.NewAsset("ap-" + a, "業務AP" + a, AssetKind.SERVER,
                        null, null, null, null, Exposure.CONTROLLED, false, null));
                sboms.add(org.id(), asset, sbom(a), "a" + a + ".json", "sha" + a, null, "test", CLOCK.instant());
            }
            FeedFileImporter.Summary imported = new FeedFileImporter(db, CLOCK, null).importPaths(List.of(LOG4SHELL), null, false);

            startCounting(db);
            FindingRecorder.Result r = new InventoryAssessment(db, CLOCK, TriagePolicy.defaults()).reassess(imported.touchedVulnerabilities(), "feeds");

            assertThat(r.detected()).as("Log4Shell on every asset").isEqualTo(ASSETS);
            // one read by the advisory's package key; log4j-core is matched by its purl, so no asset's platform
            // ("running on", read for all touched assets at once when a CPE match needs it) is read at all
            // (it was 1 + one per asset, then 2)
            assertThat(executions(db, "SELECT%FROM COMPONENT%")).as("component reads for " + ASSETS + " touched assets").isEqualTo(1);
        }
    }

    @Test
    void anAssetsComponentsAreReadByIndexNotByScanningEveryComponent() throws Exception {
        try (Database db = Database.open(TestDatabases.h2())) {
            InventoryRepository repo = new InventoryRepository(db.dataSource());
            Organization org = repo.createOrganization("131016", "テスト区", null);
            ItSystem sys = repo.createSystem(org.id(), "juki", "住民記録", Segment.MYNUMBER, new Importance("3A", "2", "2"), null, null, List.of());
            SbomStore sboms = new SbomStore(db);
            long last = 0;
            for (int a = 0; a < ASSETS; a++) {
                Asset asset = repo.createAsset(org.id(), sys.id(), new InventoryRepository.NewAsset("ap-" + a, "業務AP" + a, AssetKind.SERVER,
                        null, null, null, null, Exposure.CONTROLLED, false, null));
                sboms.add(org.id(), asset, sbom(a), "a" + a + ".json", "sha" + a, null, "test", CLOCK.instant());
                last = asset.id();
            }
            // the queries InventoryAssessment runs per asset (assessAsset, the platform, sbomListsDevice)
            for (String where : List.of("organization_id = " + org.id() + " AND asset_id = " + last + " AND current_doc = TRUE",
                    "asset_id IN (" + last + ") AND current_doc = TRUE AND cpe IS NOT NULL")) {
                long scanned = scanCount(db, "SELECT id, cpe FROM component WHERE " + where + " ORDER BY id");
                assertThat(scanned).as(where + ": rows scanned of " + ASSETS * (FILLER + 1)).isLessThanOrEqualTo(FILLER + 2);
            }
        }
    }

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    /** Rows H2 scanned in the table for {@code sql}, from its EXPLAIN ANALYZE. */
    private static long scanCount(Database db, String sql) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN ANALYZE " + sql)) {
            rs.next();
            Matcher m = SCAN_COUNT.matcher(rs.getString(1));
            assertThat(m.find()).as(rs.getString(1)).isTrue();
            return Long.parseLong(m.group(1));
        }
    }

    private static void startCounting(Database db) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("SET QUERY_STATISTICS FALSE");
            s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
            s.execute("SET QUERY_STATISTICS TRUE");
        }
    }

    private static long executions(Database db, String like) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                     + "WHERE UPPER(SQL_STATEMENT) LIKE '" + like + "' AND UPPER(SQL_STATEMENT) NOT LIKE '%INFORMATION_SCHEMA%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
