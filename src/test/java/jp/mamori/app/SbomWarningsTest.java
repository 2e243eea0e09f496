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
import java.util.List;
import java.util.Map;
import jp.mamori.app.inventory.AddSbom;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.SbomStore;
import jp.mamori.inventory.Segment;
import jp.mamori.inventory.sbom.TestSboms;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13 defect 4 through the application layer (what the CLI, the web page and the API call), on H2
 * and PostgreSQL: an SBOM with a schema problem is stored "accepted with 1 warning" and the warning
 * names its pointer; {@code --strict} and the organisation's setting refuse it and store nothing; a
 * malformed document is refused and stores nothing.
 */
class SbomWarningsTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anSbomWithASchemaProblemIsStoredWithItsWarningUnlessStrict(Kind kind) throws Exception {
        Path dir = Files.createTempDirectory("mamori-sbom-warn-");
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori mamori = Mamori.open(db, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC), new MamoriSettings(dir, Map.of()));
            InventoryRepository inv = mamori.inventory();
            long org = inv.createOrganization("012060", "D町", "municipality").id();
            long sys = inv.createSystem(org, "s", "業務", Segment.LGWAN, new Importance("2", "2", "2"), null, null, List.of()).id();
            Asset ap = inv.createAsset(org, sys, new InventoryRepository.NewAsset("ap", "AP", AssetKind.SERVER, null, null, null, null,
                    Exposure.CONTROLLED, false, null));
            Path osv = Files.write(dir.resolve("osv.cdx.json"), TestSboms.bytes("osv-scanner-style.cdx.json"));
            Path malformed = Files.write(dir.resolve("bad.json"), TestSboms.bytes("malformed.json"));
            Actor officer = Actor.cli("suzuki", "suzuki");

            // strict by the caller (--strict): refused, nothing stored
            assertThatThrownBy(() -> mamori.addSbom().run(officer, org, ap.id(), new AddSbom.Input(osv, "osv.cdx.json", null, false, true)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("osv.cdx.json (/metadata/component/type): not valid against the CycloneDX 1.6 schema");
            // malformed: refused in any mode, nothing stored
            assertThatThrownBy(() -> mamori.addSbom().run(officer, org, ap.id(), new AddSbom.Input(malformed, "bad.json", null, false)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("malformed JSON");
            assertThat(mamori.sboms().history(org, ap.id())).isEmpty();
            assertThat(count(db, "SELECT COUNT(*) FROM component WHERE asset_id = ?", ap.id())).isZero();

            // default: accepted with 1 warning, stored with the document
            AddSbom.Result r = mamori.addSbom().run(officer, org, ap.id(), new AddSbom.Input(osv, "osv.cdx.json", null, false));
            assertThat(r.document().components()).hasSize(2);
            SbomStore.StoredSbom stored = mamori.sboms().find(org, r.sbom().id()).orElseThrow();
            assertThat(stored.warningCount()).isEqualTo(1);
            assertThat(stored.warnings()).singleElement().asString()
                    .startsWith("/metadata/component/type: CycloneDX 1.6 スキーマに適合しません / not valid against the CycloneDX 1.6 schema");
            assertThat(stored.componentCount()).isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM audit_event WHERE action = 'sbom.added' AND detail LIKE '%warnings=1%'")).isEqualTo(1);

            // the organisation's setting: strict from now on, audited
            mamori.changeOrganizationSettings().sbomStrict(officer, org, true);
            assertThat(mamori.organizationSettings().sbomStrict(org)).isTrue();
            assertThat(count(db, "SELECT COUNT(*) FROM audit_event WHERE action = 'organization.settings_changed' AND actor = 'suzuki' "
                    + "AND detail LIKE '%sbom_strict=on%'")).isEqualTo(1);
            assertThatThrownBy(() -> mamori.addSbom().run(officer, org, ap.id(), new AddSbom.Input(osv, "osv.cdx.json", null, false)))
                    .hasMessageContaining("(/metadata/component/type): not valid against the CycloneDX 1.6 schema");
            assertThat(mamori.sboms().history(org, ap.id())).hasSize(1);
            assertThatThrownBy(() -> mamori.changeOrganizationSettings().sbomStrict(Actor.web("sato", false, false), org, false))
                    .hasMessageContaining("only a security officer");
            assertThat(mamori.organizationSettings().sbomStrict(org)).isTrue();
        }
    }

    private static long count(Database db, String sql, Object... params) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
