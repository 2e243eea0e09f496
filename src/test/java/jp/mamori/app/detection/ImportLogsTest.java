package jp.mamori.app.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Actor;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.rules.Category;
import jp.mamori.detection.sample.SyntheticLogs;
import jp.mamori.detection.store.DetectionStore;
import jp.mamori.detection.store.DetectionStore.IncidentRow;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code logs import} end to end on H2 and PostgreSQL: hijack + upload = one incident per user, re-import, bad files, tenants. */
class ImportLogsTest {

    static final Actor ACTOR = Actor.cli("tester", "tester");
    static final String FMT = SyntheticLogs.SQUID_FORMAT;

    @TempDir Path dir;

    record Org(long id) { }

    static long org(Mamori m, String code, String name) {
        InventoryRepository inv = m.inventory();
        long org = inv.createOrganization(code, name, "municipality").id();
        long sys = inv.createSystem(org, "telework", "テレワーク", Segment.INTERNET, new Importance("3B", "2", "2"), "情報政策課", null, List.of()).id();
        inv.createAsset(org, sys, new InventoryRepository.NewAsset("vpn-gw-01", "VPN", AssetKind.NETWORK_APPLIANCE, "Citrix", "NetScaler Gateway", "13.1-49.13",
                null, Exposure.OPEN, true, null));
        // the generated day uploads to the city's own SharePoint: sanctioned, whatever its volume
        m.detectionLists().addAllow(ACTOR, org, "sanctioned-domain", "mamori-city.sharepoint.com", null);
        return org;
    }

    ImportLogs.Result importDay(Mamori m, long org, SyntheticLogs.Day day, String suffix) throws Exception {
        Path gw = dir.resolve("ns" + suffix + ".log"), px = dir.resolve("squid" + suffix + ".log");
        Files.writeString(gw, day.gateway(), StandardCharsets.UTF_8);
        Files.writeString(px, day.proxy(), StandardCharsets.UTF_8);
        m.importLogs().run(ACTOR, org, List.of(new ImportLogs.Input(gw, gw.getFileName().toString())), new ImportLogs.Options(null, null, null, "vpn-gw-01"));
        return m.importLogs().run(ACTOR, org, List.of(new ImportLogs.Input(px, px.getFileName().toString())), new ImportLogs.Options(LogSource.SQUID, FMT, null, null));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void threeHijackedSessionsAndTheirUploadsAreThreeIncidents(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dir, Map.of()));
            long org = org(m, "999001", "守里市");
            SyntheticLogs.Day day = SyntheticLogs.demo(LocalDate.of(2026, 11, 24), 40, true, 7L);
            importDay(m, org, day, "");
            List<IncidentRow> incidents = m.detections().incidents(org);
            assertThat(incidents).extracting(IncidentRow::userKey).containsExactlyInAnyOrderElementsOf(SyntheticLogs.HIJACKED);
            for (IncidentRow r : incidents) {
                List<DetectionStore.DetectionRow> tl = m.detections().timeline(org, r.id());
                assertThat(tl).extracting(DetectionStore.DetectionRow::rule).contains("session-ip-drift", "vdi-launch-from-new-address", "storage-upload-volume");
                assertThat(tl).allSatisfy(d -> assertThat(d.evidence()).isNotEmpty().allSatisfy(e -> {
                    assertThat(e.file()).matches("(ns|squid)\\.log");
                    assertThat(e.line()).isPositive();
                    assertThat(e.text()).isNotBlank();
                }));
                assertThat(r.categories()).contains(Category.SESSION_HIJACK.key(), Category.EXFILTRATION.key());
                assertThat(r.assets()).containsExactly("vpn-gw-01");
                assertThat(r.state()).isEqualTo(DetectionStore.IncidentState.OPEN);
            }
            long detections = m.detections().detections(org, null, 10_000).size();

            // the same files again: nothing changes
            ImportLogs.Result again = importDay(m, org, day, "");
            assertThat(again.files()).allMatch(ImportLogs.FileResult::alreadyImported);
            assertThat(m.detections().detections(org, null, 10_000)).hasSize((int) detections);
            assertThat(m.detections().incidents(org)).hasSize(3);

            // a bad file in a run: a clear error naming it, and nothing of the run is stored
            Path good = dir.resolve("extra.log");
            Files.writeString(good, SyntheticLogs.demo(LocalDate.of(2026, 11, 25), 5, true, 8L).gateway());
            Path bad = dir.resolve("bad.log.gz");
            Files.write(bad, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3});
            assertThatThrownBy(() -> m.importLogs().run(ACTOR, org, List.of(new ImportLogs.Input(good, "extra.log"), new ImportLogs.Input(bad, "bad.log.gz")),
                    new ImportLogs.Options(LogSource.NETSCALER, null, null, "vpn-gw-01")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad.log.gz").hasMessageContaining("gzip");
            assertThat(m.detections().detections(org, null, 10_000)).hasSize((int) detections);
            assertThat(m.detections().imports(org)).hasSize(2);

            // tenants: the same user names in another organisation never join these incidents
            long other = org(m, "999002", "隣町");
            importDay(m, other, day, "-copy");
            assertThat(m.detections().incidents(other)).hasSize(3);
            assertThat(m.detections().incidents(org)).hasSize(3).allSatisfy(r -> assertThat(m.detections().timeline(org, r.id()))
                    .allSatisfy(d -> assertThat(d.evidence()).allSatisfy(e -> assertThat(e.file()).doesNotContain("-copy"))));

            // state changes are audited
            long first = m.detections().incidents(org).get(0).id();
            m.changeIncidentState().run(ACTOR, org, first, "contained", "全セッション切断済み");
            assertThat(m.detections().incident(org, first).orElseThrow().state()).isEqualTo(DetectionStore.IncidentState.CONTAINED);
            assertThatThrownBy(() -> m.changeIncidentState().run(ACTOR, other, first, "closed", null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> m.changeIncidentState().run(ACTOR, org, first, "solved", null)).hasMessageContaining("open | contained | closed");
            assertThat(m.audit().verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void detectionsOfOneUserMoreThanTheWindowApartAreTwoIncidents(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dir, Map.of()));
            long org = org(m, "999003", "守里市");
            importDay(m, org, SyntheticLogs.demo(LocalDate.of(2026, 11, 24), 5, true, 1L), "-a");
            importDay(m, org, SyntheticLogs.demo(LocalDate.of(2026, 11, 24), 6, true, 2L), "-b");
            assertThat(m.detections().incidents(org)).as("same day, within 24 h: joined").hasSize(3);
            importDay(m, org, SyntheticLogs.demo(LocalDate.of(2026, 11, 27), 5, true, 3L), "-c");
            assertThat(m.detections().incidents(org)).as("three days later: new incidents").hasSize(6);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void allowListAndDesktopFilesAreCheckedLineByLine(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dir, Map.of()));
            long org = org(m, "999004", "守里市");
            Path allow = dir.resolve("allow.tsv");
            Files.writeString(allow, "# 許可リスト\negress\t192.0.2.0/24\t本庁舎\nsanctioned-domain\t*.sharepoint.com\tM365\n");
            assertThat(m.detectionLists().importAllow(ACTOR, org, allow)).isEqualTo(2);
            assertThat(m.detectionLists().importAllow(ACTOR, org, allow)).as("again: nothing new").isZero();
            Path bad = dir.resolve("bad.tsv");
            Files.writeString(bad, "egress\t10.0.0.0/8\nvpn\t1.2.3.4\n");
            assertThatThrownBy(() -> m.detectionLists().importAllow(ACTOR, org, bad)).hasMessageContaining("line 2").hasMessageContaining("unknown kind 'vpn'");
            assertThat(m.detections().allowList(org)).as("the bad file added nothing").hasSize(3);
            assertThatThrownBy(() -> m.detectionLists().addAllow(ACTOR, org, "cgnat", "100.64.0.0/99", null)).hasMessageContaining("prefix");
            Path desk = dir.resolve("desktops.tsv");
            Files.writeString(desk, "user\thost\taddress\tdepartment\tkind\nMAMORI\\Kato\tvdi-kato\t10.20.9.9\t税務課\t3A\n");
            assertThat(m.detectionLists().importDesktops(ACTOR, org, desk)).isEqualTo(1);
            assertThat(m.detections().desktops(org)).singleElement().satisfies(d -> {
                assertThat(d.user()).isEqualTo("kato");
                assertThat(d.confidential()).isTrue();
            });
            Path deskBad = dir.resolve("desk-bad.tsv");
            Files.writeString(deskBad, "user\thost\taddress\nkato\tvdi\tnot-an-ip\n");
            assertThatThrownBy(() -> m.detectionLists().importDesktops(ACTOR, org, deskBad)).hasMessageContaining("line 2");
        }
    }
}
