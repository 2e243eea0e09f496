package jp.mamori.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import jp.mamori.app.inventory.AddSbom;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.Decision;
import jp.mamori.remediation.DecisionAction;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingRow;
import jp.mamori.remediation.InstancePairing;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12.6: every vulnerable instance is a finding. The juice-shop SBOM lists lodash 4.17.19 and
 * 2.4.2; both are vulnerable to CVE-2021-23337, so the asset has two findings — and a decision on one
 * still carries over to the next SBOM of the asset (the same version, else the remaining one), while the
 * other keeps its own state. An upload that drops one of two vulnerable versions is held as any upload
 * that would close an urgent finding unseen.
 */
class FindingInstancesTest {

    static final String LODASH_CVE = "CVE-2021-23337";
    static final String LOG4SHELL = "CVE-2021-44228";
    static final Actor OFFICER = Actor.web("officer", true, true);
    static final Actor VENDOR = Actor.web("vendor", true, false);

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void twoVersionsOfOnePackageAreTwoFindingsAndADecisionFollowsItsOwnInstance(TestDatabases.Kind kind) throws Exception {
        Path dir = Files.createTempDirectory("mamori-instances-");
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dir, Map.of()));
            long org = setUp(m, "012070");
            Asset asset = asset(m, org);

            add(m, org, asset, dir, "v1", OFFICER, lodash("a", "4.17.19"), lodash("b", "2.4.2"));
            List<FindingRow> v1 = lodashFindings(m, org);
            assertThat(v1).extracting(FindingRow::componentVersion).containsExactlyInAnyOrder("4.17.19", "2.4.2");
            assertThat(v1).extracting(FindingRow::state).containsOnly("new");
            long newer = idOf(v1, "4.17.19");
            long older = idOf(v1, "2.4.2");

            LocalDate patchBy = m.today().plusDays(30);
            m.decideFinding().run(OFFICER, org, newer, new Decision(DecisionAction.PATCH, "4.17.21 へ更新する", "officer", null, patchBy, List.of(), null));

            // the vendor's next SBOM: 4.17.19 → 4.17.20 (still vulnerable), 2.4.2 unchanged
            add(m, org, asset, dir, "v2", OFFICER, lodash("b", "2.4.2"), lodash("a", "4.17.20"));
            List<FindingRow> v2 = lodashFindings(m, org);
            assertThat(v2).hasSize(2);
            FindingRow carried = row(v2, newer);
            assertThat(carried.componentVersion()).as("the decided finding follows the upgraded instance").isEqualTo("4.17.20");
            assertThat(carried.state()).as("its decision carries over").isEqualTo("patch_scheduled");
            assertThat(carried.due()).isEqualTo(patchBy);
            assertThat(m.findingHistory().currentDecision(org, newer)).isPresent();
            FindingRow other = row(v2, older);
            assertThat(other.componentVersion()).isEqualTo("2.4.2");
            assertThat(other.state()).as("the other instance keeps its own state").isEqualTo("new");
            assertThat(m.findingHistory().currentDecision(org, older)).as("and has no decision of the other's").isEmpty();

            // 2.4.2 removed: its finding closes, the decided one stays
            add(m, org, asset, dir, "v3", OFFICER, lodash("a", "4.17.20"));
            assertThat(m.findings().find(org, older).orElseThrow().state()).isEqualTo("fixed");
            assertThat(m.findings().find(org, newer).orElseThrow().state()).isEqualTo("patch_scheduled");

            // 2.4.2 back: the same finding reopens (not a third one)
            add(m, org, asset, dir, "v4", OFFICER, lodash("a", "4.17.20"), lodash("b", "2.4.2"));
            assertThat(lodashFindings(m, org)).extracting(FindingRow::id).containsExactlyInAnyOrder(newer, older);
            assertThat(m.findings().find(org, older).orElseThrow().state()).isEqualTo("new");
        }
    }

    @Test
    void anUploadDroppingOneOfTwoVulnerableVersionsIsHeldAndNamesThatFinding() throws Exception {
        Path dir = Files.createTempDirectory("mamori-instances-hold-");
        try (Database db = Database.open(TestDatabases.h2())) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dir, Map.of()));
            long org = setUp(m, "012071");
            Asset asset = asset(m, org);
            add(m, org, asset, dir, "v1", OFFICER, log4j("a", "2.14.1"), log4j("b", "2.12.1"));
            List<FindingRow> both = m.findings().list(org, FindingQuery.Filter.all(), 100, 0).stream()
                    .filter(r -> LOG4SHELL.equals(r.vulnId())).toList();
            assertThat(both).extracting(FindingRow::componentVersion).containsExactlyInAnyOrder("2.14.1", "2.12.1");
            assertThat(both).extracting(FindingRow::outcome).allSatisfy(o -> assertThat(o).isIn("act", "attend"));
            long dropped = idOf(both, "2.12.1");

            AddSbom.Result upgrade = add(m, org, asset, dir, "v2", VENDOR, log4j("a", "2.14.0"), log4j("b", "2.12.1"));
            assertThat(upgrade.held()).as("a version change of a listed instance is not a drop").isFalse();

            AddSbom.Result held = add(m, org, asset, dir, "v3", VENDOR, log4j("a", "2.14.0"));
            assertThat(held.held()).as("one of two vulnerable versions dropped").isTrue();
            assertThat(held.wouldClose()).extracting(FindingQuery.UrgentOpen::id).containsExactly(dropped);
            assertThat(m.findings().find(org, dropped).orElseThrow().state()).as("nothing closed while it waits").isEqualTo("new");

            m.addSbom().confirm(OFFICER, org, held.sbom().id());
            assertThat(m.findings().find(org, dropped).orElseThrow().state()).isEqualTo("fixed");
        }
    }

    @Test
    void pairingTakesTheSameVersionFirstThenTheRemainingOnesInOrder() {
        assertThat(InstancePairing.pair(List.of("4.17.19", "2.4.2"), List.of("2.4.2", "4.17.20"))).containsExactly(1, 0);
        assertThat(InstancePairing.pair(List.of("4.17.19"), List.of("4.17.20", "2.4.2"))).containsExactly(0, -1);
        assertThat(InstancePairing.pair(List.of("1", "2", "3"), List.of("3"))).containsExactly(2);
        assertThat(InstancePairing.unpaired(List.of("1", "2", "3"), List.of("3", "9"))).containsExactly(1);
        assertThat(InstancePairing.pair(List.of(), List.of("1"))).containsExactly(-1);
        assertThat(InstancePairing.instance(null)).isEmpty();
    }

    private static long setUp(Mamori m, String code) {
        m.importFeeds().run(Actor.system("test"), List.of(Path.of("src/main/resources/demo/feeds/osv")), null, null);
        InventoryRepository inv = m.inventory();
        return inv.createOrganization(code, "E町", "municipality").id();
    }

    private static Asset asset(Mamori m, long org) {
        InventoryRepository inv = m.inventory();
        long sys = inv.createSystem(org, "shop", "通販", Segment.INTERNET, new Importance("2", "2", "2"), null, null, List.of("丙社")).id();
        return inv.createAsset(org, sys, new InventoryRepository.NewAsset("shop-web", "Webショップ", AssetKind.SERVER, null, null, null, null,
                Exposure.OPEN, false, "丙社"));
    }

    private static AddSbom.Result add(Mamori m, long org, Asset asset, Path dir, String name, Actor actor, String... components) throws Exception {
        Path file = dir.resolve(name + ".cdx.json");
        Files.writeString(file, "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1, \"components\": ["
                + String.join(", ", components) + "]}", StandardCharsets.UTF_8);
        return m.addSbom().run(actor, org, asset.id(), new AddSbom.Input(file, name + ".cdx.json", null, false));
    }

    private static String lodash(String ref, String version) {
        return "{\"type\": \"library\", \"bom-ref\": \"" + ref + "\", \"name\": \"lodash\", \"version\": \"" + version
                + "\", \"purl\": \"pkg:npm/lodash@" + version + "\"}";
    }

    private static String log4j(String ref, String version) {
        return "{\"type\": \"library\", \"bom-ref\": \"" + ref + "\", \"group\": \"org.apache.logging.log4j\", \"name\": \"log4j-core\", \"version\": \""
                + version + "\", \"purl\": \"pkg:maven/org.apache.logging.log4j/log4j-core@" + version + "\"}";
    }

    private static List<FindingRow> lodashFindings(Mamori m, long org) {
        return m.findings().list(org, FindingQuery.Filter.all(), 100, 0).stream().filter(r -> LODASH_CVE.equals(r.vulnId()) && !"fixed".equals(r.state()))
                .sorted(Comparator.comparingLong(FindingRow::id)).toList();
    }

    private static long idOf(List<FindingRow> rows, String version) {
        return rows.stream().filter(r -> version.equals(r.componentVersion())).findFirst().orElseThrow().id();
    }

    private static FindingRow row(List<FindingRow> rows, long id) {
        return rows.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }
}
