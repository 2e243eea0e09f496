package jp.mamori.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
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
import jp.mamori.app.inventory.AddSbom;
import jp.mamori.app.inventory.ConfirmIdentifier;
import jp.mamori.app.inventory.ConfirmIdentifier.Verdict;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13 defect 5 through the application layer, on H2 and PostgreSQL, with our own advisories and
 * vendor tables: a match that rests on an identifier Mamori suggested is a candidate (medium, evidence
 * says suggested) until a security officer confirms it; the confirmation is remembered for the
 * supplier/name, so the next table of the same vendor is confirmed too; a rejection takes the
 * identifier away. The appliance whose vendor table names its own OS (the demo's firewall) keeps its
 * exploited findings on the device. Hostile input: nothing is written.
 */
class ConfirmIdentifierTest {

    static final String OSV = """
            {"schema_version": "1.4.0", "id": "TEST-2026-0501", "modified": "2026-11-01T00:00:00Z",
             "published": "2026-10-01T00:00:00Z", "aliases": ["CVE-2026-90501"],
             "summary": "Request smuggling in tomcat-embed-core (test record)",
             "affected": [{"package": {"name": "org.apache.tomcat.embed:tomcat-embed-core", "ecosystem": "Maven"},
               "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "9.0.0"}, {"fixed": "9.0.81"}]}]}],
             "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]}
            """;

    static final String NVD = """
            {"resultsPerPage": 1, "startIndex": 0, "totalResults": 1, "format": "NVD_CVE", "version": "2.0",
             "timestamp": "2026-11-01T00:00:00.000", "vulnerabilities": [{"cve": {"id": "CVE-2026-90502",
              "sourceIdentifier": "test@example.invalid", "published": "2026-10-01T00:00:00.000",
              "lastModified": "2026-10-02T00:00:00.000", "vulnStatus": "Analyzed",
              "descriptions": [{"lang": "en", "value": "Out-of-bounds write in the SSL VPN of FortiOS (test record)."}],
              "metrics": {"cvssMetricV31": [{"source": "nvd@nist.gov", "type": "Primary", "cvssData": {"version": "3.1",
                "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8, "baseSeverity": "CRITICAL"}}]},
              "configurations": [{"nodes": [{"operator": "OR", "negate": false, "cpeMatch": [{"vulnerable": true,
                "criteria": "cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*", "versionStartIncluding": "7.0.0",
                "versionEndExcluding": "7.0.14", "matchCriteriaId": "00000000-0000-0000-0000-000000000001"}]}]}]}}]}
            """;

    static final String TABLE = """
            サプライヤ名,コンポーネント名,バージョン,製品URL
            Fortinet,FortiOS,7.0.12,https://www.fortinet.com/products/fortigate
            Apache Software Foundation,Apache Tomcat,9.0.80,https://repo1.maven.org/maven2/org/apache/tomcat/embed/tomcat-embed-core/9.0.80/
            """;

    /** The same vendor's next table, for another server, typed a little differently (full-width spaces, case). */
    static final String NEXT_TABLE = """
            サプライヤ名,コンポーネント名,バージョン,製品URL
            apache software foundation,Apache　Tomcat,9.0.79,https://repo1.maven.org/maven2/org/apache/tomcat/embed/tomcat-embed-core/9.0.79/
            """;

    static final String CYCLONEDX = """
            {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
             "components": [{"type": "library", "bom-ref": "tc", "name": "tomcat-embed-core", "version": "9.0.80",
               "purl": "pkg:maven/org.apache.tomcat.embed/tomcat-embed-core@9.0.80"}]}
            """;

    record Row(String identity, String confidence, boolean candidate, String evidence, String state) { }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSuggestedIdentifierIsACandidateUntilConfirmedAndTheConfirmationIsRemembered(Kind kind) throws Exception {
        Path dir = Files.createTempDirectory("mamori-confirm-id-");
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori mamori = mamori(db, dir);
            long org = mamori.inventory().createOrganization("012070", "E町", "municipality").id();
            long sys = system(mamori, org);
            Asset fw = mamori.inventory().createAsset(org, sys, new InventoryRepository.NewAsset("fw-01", "境界FW", AssetKind.NETWORK_APPLIANCE,
                    "Fortinet", "FortiGate (FortiOS)", "7.0.12", "cpe:2.3:o:fortinet:fortios:7.0.12:*:*:*:*:*:*:*", Exposure.OPEN, true, null));
            Actor officer = Actor.cli("suzuki", "suzuki");
            mamori.addSbom().run(officer, org, fw.id(), new AddSbom.Input(Files.writeString(dir.resolve("fw.csv"), TABLE), "fw.csv", null, false));

            assertThat(origins(db, fw.id())).containsExactly("row-2 SUGGESTED cpe:2.3:o:fortinet:fortios:7.0.12:*:*:*:*:*:*:*",
                    "row-3 SUGGESTED pkg:maven/org.apache.tomcat.embed/tomcat-embed-core@9.0.80");
            List<Row> rows = findings(db, fw.id());
            // the trap: the table's suggested FortiOS CPE is the device's own; the device keeps its exploited finding, not twice
            assertThat(rows).filteredOn(r -> r.evidence().contains("CVE-2026-90502")).singleElement().satisfies(r -> {
                assertThat(r.identity()).isEqualTo("device");
                assertThat(r.candidate()).isFalse();
                assertThat(r.confidence()).isEqualTo("high");
            });
            assertThat(rows).filteredOn(r -> r.evidence().contains("TEST-2026-0501")).singleElement().satisfies(r -> {
                assertThat(r.candidate()).as("rests on a suggested purl").isTrue();
                assertThat(r.confidence()).isEqualTo("medium");
                assertThat(r.evidence()).contains("\"identifierOrigin\":\"suggested\"").contains("識別子はMamoriの推定です");
            });

            ConfirmIdentifier.Result r = mamori.confirmIdentifier().run(officer, org,
                    new ConfirmIdentifier.Input(fw.id(), "row-3", Verdict.CONFIRM, null, null));
            assertThat(r.confirmed()).isTrue();
            assertThat(r.purl()).isEqualTo("pkg:maven/org.apache.tomcat.embed/tomcat-embed-core@9.0.80");
            assertThat(origins(db, fw.id())).contains("row-3 CONFIRMED pkg:maven/org.apache.tomcat.embed/tomcat-embed-core@9.0.80");
            assertThat(findings(db, fw.id())).filteredOn(x -> x.evidence().contains("TEST-2026-0501")).singleElement().satisfies(x -> {
                assertThat(x.candidate()).as("confirmed: a finding like a declared one").isFalse();
                assertThat(x.confidence()).isEqualTo("high");
                assertThat(x.evidence()).doesNotContain("identifierOrigin");
            });
            assertThat(count(db, "SELECT COUNT(*) FROM audit_event WHERE action = 'sbom.identifier_confirmed' AND actor = 'suzuki' "
                    + "AND detail LIKE '%component=row-3%' AND detail LIKE '%suggested_purl=pkg:maven/%'")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM identifier_confirmation WHERE organization_id = ? AND decision = 'confirmed' "
                    + "AND supplier_key = 'apache software foundation' AND name_key = 'apache tomcat'", org)).isEqualTo(1);

            // the same vendor's next table (another asset, another version) is confirmed on arrival
            Asset ap = mamori.inventory().createAsset(org, sys, new InventoryRepository.NewAsset("ap-01", "AP", AssetKind.SERVER, null, null, null,
                    null, Exposure.CONTROLLED, false, null));
            mamori.addSbom().run(officer, org, ap.id(), new AddSbom.Input(Files.writeString(dir.resolve("ap.csv"), NEXT_TABLE), "ap.csv", null, false));
            assertThat(origins(db, ap.id())).containsExactly("row-2 CONFIRMED pkg:maven/org.apache.tomcat.embed/tomcat-embed-core@9.0.79");
            assertThat(findings(db, ap.id())).singleElement().satisfies(x -> assertThat(x.candidate()).isFalse());

            // rejecting the FortiOS suggestion: the row loses it, the device's finding stays as it was
            ConfirmIdentifier.Result rej = mamori.confirmIdentifier().run(officer, org,
                    new ConfirmIdentifier.Input(fw.id(), "row-2", Verdict.REJECT, null, null));
            assertThat(rej.confirmed()).isFalse();
            assertThat(origins(db, fw.id())).contains("row-2 REJECTED -");
            assertThat(findings(db, fw.id())).filteredOn(x -> x.evidence().contains("CVE-2026-90502")).singleElement()
                    .satisfies(x -> assertThat(x.identity()).isEqualTo("device"));
            assertThat(count(db, "SELECT COUNT(*) FROM audit_event WHERE action = 'sbom.identifier_rejected' AND detail LIKE '%component=row-2%'"))
                    .isEqualTo(1);

            // a correction: the Tomcat rows now carry the purl the officer gave, with each row's own version
            mamori.confirmIdentifier().run(officer, org, new ConfirmIdentifier.Input(ap.id(), "row-2", Verdict.CONFIRM,
                    "pkg:maven/org.apache.tomcat/tomcat-catalina@9.0.79", null));
            assertThat(origins(db, ap.id())).containsExactly("row-2 CONFIRMED pkg:maven/org.apache.tomcat/tomcat-catalina@9.0.79");
            assertThat(origins(db, fw.id())).contains("row-3 CONFIRMED pkg:maven/org.apache.tomcat/tomcat-catalina@9.0.80");
            assertThat(findings(db, ap.id())).as("the corrected package has no advisory here: the old finding is closed")
                    .allSatisfy(x -> assertThat(x.state()).isEqualTo("fixed"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void hostileConfirmationsAreRefusedClearlyAndWriteNothing(Kind kind) throws Exception {
        Path dir = Files.createTempDirectory("mamori-confirm-id-bad-");
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori mamori = mamori(db, dir);
            long org = mamori.inventory().createOrganization("012071", "F町", "municipality").id();
            long other = mamori.inventory().createOrganization("012072", "G村", "municipality").id();
            long sys = system(mamori, org);
            Actor officer = Actor.cli("suzuki", "suzuki");
            Asset ap = mamori.inventory().createAsset(org, sys, new InventoryRepository.NewAsset("ap-01", "AP", AssetKind.SERVER, null, null, null,
                    null, Exposure.CONTROLLED, false, null));
            Asset app = mamori.inventory().createAsset(org, sys, new InventoryRepository.NewAsset("app-01", "APP", AssetKind.SERVER, null, null, null,
                    null, Exposure.CONTROLLED, false, null));
            mamori.addSbom().run(officer, org, ap.id(), new AddSbom.Input(Files.writeString(dir.resolve("ap.csv"), TABLE), "ap.csv", null, false));
            mamori.addSbom().run(officer, org, app.id(), new AddSbom.Input(Files.writeString(dir.resolve("app.cdx.json"), CYCLONEDX),
                    "app.cdx.json", null, false));
            List<String> before = origins(db, ap.id());
            List<Row> findingsBefore = findings(db, ap.id());
            long auditBefore = count(db, "SELECT COUNT(*) FROM audit_event");

            // another organisation's officer names this organisation's asset: as if it did not exist
            assertThatThrownBy(() -> mamori.confirmIdentifier().run(officer, other, new ConfirmIdentifier.Input(ap.id(), "row-3", Verdict.CONFIRM, null, null)))
                    .isInstanceOf(InventoryException.class).hasMessage("資産が見つかりません / no such asset");
            assertThatThrownBy(() -> mamori.confirmIdentifier().run(officer, org, new ConfirmIdentifier.Input(ap.id(), "row-99", Verdict.CONFIRM, null, null)))
                    .isInstanceOf(InventoryException.class).hasMessageContaining("コンポーネント「row-99」はありません")
                    .hasMessageContaining("has no component 'row-99'");
            assertThatThrownBy(() -> mamori.confirmIdentifier().run(officer, org, new ConfirmIdentifier.Input(app.id(), "tc", Verdict.CONFIRM, null, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("declared by the SBOM");
            assertThatThrownBy(() -> mamori.confirmIdentifier().run(Actor.web("sato", false, false), org,
                    new ConfirmIdentifier.Input(ap.id(), "row-3", Verdict.CONFIRM, null, null)))
                    .hasMessageContaining("only a security officer");
            assertThatThrownBy(() -> mamori.confirmIdentifier().run(officer, org, new ConfirmIdentifier.Input(ap.id(), "row-3", Verdict.CONFIRM,
                    null, "cpe:2.3:a:apache'; DROP TABLE component;--")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a CPE 2.3 name");
            assertThatThrownBy(() -> mamori.confirmIdentifier().run(officer, org, new ConfirmIdentifier.Input(ap.id(), "row-3", Verdict.CONFIRM,
                    "not a purl", null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a valid purl");
            assertThatThrownBy(() -> mamori.confirmIdentifier().run(officer, org, new ConfirmIdentifier.Input(ap.id(), "row-3", Verdict.REJECT,
                    "pkg:maven/a/b@1", null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("a rejection takes no purl or CPE");
            assertThatThrownBy(() -> mamori.confirmIdentifier().run(officer, org, new ConfirmIdentifier.Input(ap.id(), " ", Verdict.CONFIRM, null, null)))
                    .isInstanceOf(InvalidInputException.class);

            assertThat(origins(db, ap.id())).isEqualTo(before);
            assertThat(findings(db, ap.id())).isEqualTo(findingsBefore);
            assertThat(count(db, "SELECT COUNT(*) FROM identifier_confirmation")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM audit_event")).isEqualTo(auditBefore);
        }
    }

    private static Mamori mamori(Database db, Path dir) throws Exception {
        Mamori mamori = Mamori.open(db, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC), new MamoriSettings(dir, Map.of()));
        assertThat(mamori.importFeeds().run(Actor.system("test"), List.of(Files.writeString(dir.resolve("TEST-2026-0501.json"), OSV),
                Files.writeString(dir.resolve("nvd-fortios.json"), NVD)), null, null).summary().failed()).isFalse();
        return mamori;
    }

    private static long system(Mamori mamori, long org) {
        return mamori.inventory().createSystem(org, "s", "業務", Segment.INTERNET, new Importance("2", "2", "2"), null, null, List.of()).id();
    }

    static List<String> origins(Database db, long assetId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ref, id_origin, COALESCE(purl, cpe, '-') FROM component WHERE asset_id = ? AND current_doc = TRUE ORDER BY id")) {
            ps.setLong(1, assetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return out;
    }

    static List<Row> findings(Database db, long assetId) throws Exception {
        List<Row> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT component_identity, confidence, candidate, evidence, state FROM finding WHERE asset_id = ? ORDER BY id")) {
            ps.setLong(1, assetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5)));
            }
        }
        return out;
    }

    static long count(Database db, String sql, Object... params) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
