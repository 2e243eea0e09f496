package jp.mamori.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.app.inventory.CreateSystem;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository.NewAsset;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The role matrix per information system (体制表, where a system differs from the organisation's):
 * the rules (overlay, "-", gaps, drills that count) and the store and use cases on H2 and PostgreSQL
 * — set and clear audited, an unknown or another organisation's system or vendor refused with nothing written.
 */
class SystemRolesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    static final Actor OFFICER = Actor.web("officer", false, true);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T01:00:00Z"), ZoneOffset.UTC);

    // --- rules ---------------------------------------------------------------------------------

    static RoleMatrix org() {
        List<RoleMatrix.Assignment> cells = new java.util.ArrayList<>();
        for (Phase p : Phase.values()) cells.add(new RoleMatrix.Assignment(p, Party.CSIRT, "R", null));
        cells.add(new RoleMatrix.Assignment(Phase.ERADICATE, Party.MAINTENANCE_VENDOR, "R", "A社"));
        cells.add(new RoleMatrix.Assignment(Phase.DETECT, Party.PREFECTURE_CLOUD, "C", null));
        return new RoleMatrix(cells, List.of(new RoleMatrix.Drill(1, TODAY.minusDays(30), "団体の訓練", null, "officer", null)));
    }

    static SystemRoles system(boolean boundary, List<SystemRoles.Cell> cells, List<RoleMatrix.Drill> drills) {
        return new SystemRoles(7, "juki", "住民記録", boundary, org(), cells, drills);
    }

    @Test
    void aSystemsOwnCellReplacesTheOrganisationsAndDashRemovesIt() {
        SystemRoles s = system(false, List.of(new SystemRoles.Cell(Phase.ERADICATE, Party.MAINTENANCE_VENDOR, "ra", "B社"),
                new SystemRoles.Cell(Phase.DETECT, Party.PREFECTURE_CLOUD, "-", null)), List.of());
        RoleMatrix m = s.effective();
        assertThat(m.cell(Phase.ERADICATE, Party.MAINTENANCE_VENDOR)).isEqualTo("RA");
        assertThat(m.vendor(Phase.ERADICATE, Party.MAINTENANCE_VENDOR)).as("the system's maintenance vendor, not the organisation's").isEqualTo("B社");
        assertThat(m.cell(Phase.DETECT, Party.PREFECTURE_CLOUD)).as("'-': no role in this system").isEmpty();
        assertThat(m.cell(Phase.RECOVER, Party.CSIRT)).as("cells the system does not set are the organisation's").isEqualTo("R");
        assertThat(s.own(Phase.DETECT, Party.PREFECTURE_CLOUD).none()).isTrue();
        assertThat(s.gaps()).isEmpty();
        assertThat(system(false, List.of(), List.of()).effective().assignments()).containsExactlyInAnyOrderElementsOf(org().assignments());
    }

    @Test
    void raciOfASystemCellIsCheckedAndDashIsWrittenAsTheUserWritesIt() {
        assertThat(SystemRoles.normalise("－")).isEqualTo(SystemRoles.NONE);
        assertThat(SystemRoles.normalise("なし")).isEqualTo(SystemRoles.NONE);
        assertThat(SystemRoles.normalise(" ci ")).isEqualTo("CI");
        assertThatThrownBy(() -> SystemRoles.normalise("RX")).isInstanceOf(PartnersException.class).hasMessageContaining("RACI");
        assertThatThrownBy(() -> SystemRoles.normalise("--")).isInstanceOf(PartnersException.class);
    }

    @Test
    void aPhaseWithoutResponsibleAndAVendorRoleNamingNoVendorAreTheSystemsGaps() {
        SystemRoles s = system(true, List.of(new SystemRoles.Cell(Phase.EVIDENCE, Party.CSIRT, "-", null),
                new SystemRoles.Cell(Phase.CONTAIN, Party.DEVELOPMENT_VENDOR, "C", null)), List.of());
        assertThat(s.gaps()).containsExactly(new SystemRoles.Gap(Phase.CONTAIN, Party.DEVELOPMENT_VENDOR), new SystemRoles.Gap(Phase.EVIDENCE, null));
        assertThat(s.gaps().get(0).ja()).isEqualTo("「初動・封じ込め」の開発ベンダの役割に事業者が決まっていません");
        assertThat(s.gaps().get(1).ja()).isEqualTo("「証拠保全」の実施責任者（R）がいません");
        assertThat(s.gaps().get(1).en()).isEqualTo("no one is responsible for evidence preservation");
    }

    @Test
    void theSystemRolesRowIsRedForAGapOnABoundarySystemAmberElsewhereAndNamesTheSystem() {
        SystemRoles gapOnBoundary = new SystemRoles(1, "telework", "テレワーク", true, org(),
                List.of(new SystemRoles.Cell(Phase.EVIDENCE, Party.CSIRT, "-", null)), List.of());
        SystemRoles gapInside = new SystemRoles(2, "juki", "住民記録", false, org(),
                List.of(new SystemRoles.Cell(Phase.EVIDENCE, Party.CSIRT, "-", null)), List.of());
        SystemRoles followsOrg = new SystemRoles(3, "bunsho", "文書管理", false, org(), List.of(), List.of());
        SystemRoles completeBoundary = new SystemRoles(4, "border", "境界", true, org(), List.of(), List.of());

        ReadinessReport.Row red = Readiness.systemRoles(List.of(gapOnBoundary, gapInside, followsOrg, completeBoundary));
        assertThat(red.key()).isEqualTo("system-roles");
        assertThat(red.status()).isEqualTo(Status.RED);
        assertThat(red.evidence()).anySatisfy(e -> assertThat(e).startsWith("システム テレワーク（telework）［境界装置あり］: 「証拠保全」の実施責任者（R）がいません"))
                .anySatisfy(e -> assertThat(e).startsWith("システム 住民記録（juki）: 「証拠保全」"))
                .anySatisfy(e -> assertThat(e).startsWith("システム 境界（border）［境界装置あり］: 空白なし（団体の体制表のとおり）"))
                .noneSatisfy(e -> assertThat(e).contains("bunsho"));
        assertThat(Readiness.systemRoles(List.of(gapInside, completeBoundary)).status()).isEqualTo(Status.AMBER);
        assertThat(Readiness.systemRoles(List.of(completeBoundary, followsOrg)).status()).isEqualTo(Status.GREEN);
        assertThat(Readiness.systemRoles(List.of(followsOrg)).evidence()).singleElement().asString().contains("境界装置のあるシステム・個別の体制を持つシステムはありません");
    }

    @Test
    void aSystemWithRolesOfItsOwnCountsOnlyItsOwnDrillsAndAnOverdueOneTurnsTheDrillRowAmber() {
        List<SystemRoles.Cell> own = List.of(new SystemRoles.Cell(Phase.ERADICATE, Party.MAINTENANCE_VENDOR, "R", "B社"));
        RoleMatrix.Drill old = new RoleMatrix.Drill(2, TODAY.minusDays(400), "住民記録の訓練", "連絡網が古い", "officer", "juki");
        RoleMatrix.Drill fresh = new RoleMatrix.Drill(3, TODAY.minusDays(10), "住民記録の訓練2", null, "officer", "juki");

        assertThat(system(false, List.of(), List.of()).drillOverdue(TODAY)).as("follows the organisation: its drill counts").isFalse();
        assertThat(system(false, own, List.of()).drillOverdue(TODAY)).as("roles of its own, no drill of them").isTrue();
        assertThat(system(false, own, List.of(old)).drillOverdue(TODAY)).isTrue();
        assertThat(system(false, own, List.of(old, fresh)).drillOverdue(TODAY)).isFalse();
        assertThat(system(false, own, List.of(new RoleMatrix.Drill(4, TODAY.minusDays(365), "ちょうど一年", null, "o", "juki"))).drillOverdue(TODAY))
                .as("365 days is still within the interval").isFalse();

        ReadinessReport.Row overdue = Readiness.drill(TODAY, org(), List.of(system(false, own, List.of(old))));
        assertThat(overdue.status()).isEqualTo(Status.AMBER);
        assertThat(overdue.evidence()).anySatisfy(e -> assertThat(e).contains("システム 住民記録（juki）: 最終訓練 " + TODAY.minusDays(400))
                .contains("400 日前・訓練期限切れ").contains("所見: 連絡網が古い"));
        ReadinessReport.Row none = Readiness.drill(TODAY, org(), List.of(system(false, own, List.of())));
        assertThat(none.status()).isEqualTo(Status.AMBER);
        assertThat(none.evidence()).anySatisfy(e -> assertThat(e).contains("個別の体制の訓練記録がありません"));
        assertThat(Readiness.drill(TODAY, org(), List.of(system(false, own, List.of(fresh)), system(true, List.of(), List.of()))).status())
                .isEqualTo(Status.GREEN);
    }

    // --- store and use cases on H2 and PostgreSQL -------------------------------------------------

    record World(Database db, Mamori m, Organization org, Organization other) implements AutoCloseable {
        @Override
        public void close() {
            db.close();
        }
    }

    static World world(Kind kind) throws Exception {
        Database db = Database.open(TestDatabases.settings(kind));
        Path dir = Files.createTempDirectory("mamori-sysroles-");
        Mamori m = Mamori.open(db, CLOCK, new MamoriSettings(dir, Map.of()));
        Organization org = m.createOrganization().run(OFFICER, "100001", "試験市", "municipality");
        ItSystem tw = m.createSystem().run(OFFICER, org.id(), new CreateSystem.Input("telework", "テレワーク", Segment.INTERNET,
                new Importance("3B", "2", "2"), "情報政策課", null, List.of("A社")));
        m.createAsset().run(OFFICER, org.id(), tw.id(), new NewAsset("gw", "VPNゲートウェイ", AssetKind.NETWORK_APPLIANCE, "Citrix", "NetScaler", "13.1",
                null, Exposure.OPEN, true, "A社"));
        m.createSystem().run(OFFICER, org.id(), new CreateSystem.Input("juki", "住民記録", Segment.MYNUMBER, new Importance("3A", "2", "2"), "市民課", null,
                List.of("B社")));
        m.saveVendor().run(OFFICER, org.id(), new VendorStore.Input("A社", null, VendorKind.MAINTENANCE, null, null, null, null, null, null, null, null));
        m.saveVendor().run(OFFICER, org.id(), new VendorStore.Input("B社", null, VendorKind.DEVELOPMENT, null, null, null, null, null, null, null, null));
        for (Phase p : Phase.values()) m.assignRole().run(OFFICER, org.id(), p, Party.CSIRT, "A", null);
        for (Phase p : Phase.values()) if (p != Phase.EVIDENCE) m.assignRole().run(OFFICER, org.id(), p, Party.MAINTENANCE_VENDOR, "R", "A社");
        Organization other = m.createOrganization().run(OFFICER, "100002", "隣町", "municipality");
        m.createSystem().run(OFFICER, other.id(), new CreateSystem.Input("kokuho", "国保", Segment.MYNUMBER, new Importance("3A", "2", "2"), "保険課", null,
                List.of("丙社")));
        m.saveVendor().run(OFFICER, other.id(), new VendorStore.Input("丙社", null, VendorKind.MAINTENANCE, null, null, null, null, null, null, null, null));
        return new World(db, m, org, other);
    }

    static long count(Database db, String sql) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String lastAudit(Database db) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT action, target, detail FROM audit_event ORDER BY id DESC")) {
            rs.next();
            return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSystemsCellIsSetClearedAndAuditedAndTheReadinessReportJudgesEachSystem(Kind kind) throws Exception {
        try (World w = world(kind)) {
            long org = w.org().id();
            SystemRoles juki = w.m().assignSystemRole().set(OFFICER, org, "juki", Phase.ERADICATE, Party.MAINTENANCE_VENDOR, "ra", "B社");
            assertThat(juki.effective().cell(Phase.ERADICATE, Party.MAINTENANCE_VENDOR)).isEqualTo("RA");
            assertThat(juki.effective().vendor(Phase.ERADICATE, Party.MAINTENANCE_VENDOR)).isEqualTo("B社");
            assertThat(lastAudit(w.db())).isEqualTo(Audited.SYSTEM_ROLE_ASSIGNED + " roles:juki:eradicate/maintenance-vendor via=web system=juki raci=RA vendor=B社");
            assertThat(w.m().roles().matrix(org).vendor(Phase.ERADICATE, Party.MAINTENANCE_VENDOR)).as("the organisation's cell is untouched").isEqualTo("A社");
            w.m().assignSystemRole().set(OFFICER, org, "juki", Phase.DETECT, Party.CSIRT, "-", null);
            assertThat(w.m().roles().system(org, "juki").orElseThrow().effective().cell(Phase.DETECT, Party.CSIRT)).isEmpty();

            SystemRoles cleared = w.m().assignSystemRole().clear(OFFICER, org, "juki", Phase.ERADICATE, Party.MAINTENANCE_VENDOR);
            assertThat(cleared.effective().vendor(Phase.ERADICATE, Party.MAINTENANCE_VENDOR)).as("back to the organisation's").isEqualTo("A社");
            assertThat(cleared.cells()).hasSize(1);
            assertThat(lastAudit(w.db())).startsWith(Audited.SYSTEM_ROLE_CLEARED + " roles:juki:eradicate/maintenance-vendor");

            // the telework system has the gateway: inherits the organisation's gap in 証拠保全 → red, named
            w.m().recordDrill().run(OFFICER, org, "juki", TODAY.minusDays(400), "住民記録の机上訓練", "連絡網が古い");
            assertThat(lastAudit(w.db())).contains("system=juki held_on=" + TODAY.minusDays(400));
            ReadinessReport r = w.m().partners().readiness(org, "100001", "試験市", TODAY);
            assertThat(r.row("system-roles").status()).isEqualTo(Status.RED);
            assertThat(r.row("system-roles").evidence()).anySatisfy(e -> assertThat(e).startsWith("システム テレワーク（telework）［境界装置あり］: 「証拠保全」の実施責任者（R）がいません"));
            assertThat(r.row("drill").status()).isEqualTo(Status.AMBER);
            assertThat(r.row("drill").evidence()).anySatisfy(e -> assertThat(e).contains("住民記録（juki）").contains("訓練期限切れ"));
            assertThat(w.m().roles().matrix(org).drills()).as("a system's drill is not the organisation's").isEmpty();
            assertThat(w.m().roles().system(org, "juki").orElseThrow().ownDrills()).singleElement().satisfies(d -> assertThat(d.systemCode()).isEqualTo("juki"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUnknownOrAnotherOrganisationsSystemOrVendorIsRefusedClearlyAndNothingIsWritten(Kind kind) throws Exception {
        try (World w = world(kind)) {
            long org = w.org().id();
            long audit = count(w.db(), "SELECT COUNT(*) FROM audit_event");
            assertThatThrownBy(() -> w.m().assignSystemRole().set(OFFICER, org, "no-such", Phase.DETECT, Party.CSIRT, "R", null))
                    .isInstanceOf(PartnersException.class).hasMessage("情報システムが見つかりません / no system 'no-such' in this organisation");
            assertThatThrownBy(() -> w.m().assignSystemRole().set(OFFICER, org, "kokuho", Phase.DETECT, Party.CSIRT, "R", null))
                    .as("the neighbour's system reads as absent").hasMessageContaining("情報システムが見つかりません").hasMessageContaining("kokuho");
            assertThatThrownBy(() -> w.m().assignSystemRole().clear(OFFICER, org, "kokuho", Phase.DETECT, Party.CSIRT))
                    .hasMessageContaining("情報システムが見つかりません");
            assertThatThrownBy(() -> w.m().assignSystemRole().set(OFFICER, org, "juki", Phase.DETECT, Party.MAINTENANCE_VENDOR, "R", "丙社"))
                    .as("the neighbour's vendor").hasMessageContaining("事業者が見つかりません");
            assertThatThrownBy(() -> w.m().assignSystemRole().set(OFFICER, org, "juki", Phase.DETECT, Party.CSIRT, "RX", null)).hasMessageContaining("RACI");
            assertThatThrownBy(() -> w.m().assignSystemRole().set(OFFICER, org, "juki", Phase.DETECT, Party.CSIRT, " ", null)).hasMessageContaining("RACI");
            assertThatThrownBy(() -> w.m().assignSystemRole().set(OFFICER, org, "juki", Phase.DETECT, Party.MAINTENANCE_VENDOR, "-", "A社"))
                    .hasMessageContaining("役割なし（-）に事業者は指定できません");
            assertThatThrownBy(() -> w.m().recordDrill().run(OFFICER, org, "kokuho", TODAY, "訓練", null)).hasMessageContaining("情報システムが見つかりません");
            assertThatThrownBy(() -> w.m().assignSystemRole().set(OFFICER, org, "x".repeat(5000), Phase.DETECT, Party.CSIRT, "R", null))
                    .hasMessageContaining("情報システムが見つかりません").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
            assertThat(count(w.db(), "SELECT COUNT(*) FROM system_role_assignment")).isZero();
            assertThat(count(w.db(), "SELECT COUNT(*) FROM ir_drill")).isZero();
            assertThat(count(w.db(), "SELECT COUNT(*) FROM audit_event")).as("nothing audited for what was refused").isEqualTo(audit);
            // the other organisation's system is not touched by a direct store call with our organisation either
            long kokuho = w.m().inventory().systems().require(w.other().id(), "kokuho").id();
            assertThatThrownBy(() -> w.db().inUnitOfWork(c -> w.m().roles().assignSystem(c, org, kokuho, Phase.DETECT, Party.CSIRT, "R", null)))
                    .hasMessageContaining("情報システムが見つかりません");
            assertThat(count(w.db(), "SELECT COUNT(*) FROM system_role_assignment")).isZero();
        }
    }
}
