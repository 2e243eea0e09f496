package jp.mamori.inventory.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Organization;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The asset ledger sets an organisation up in one step, round-trips, and refuses bad rows whole. */
class LedgerTest {

    static final String CSV = """
            団体コード,団体名,システムコード,システム名,ネットワーク,機密性,完全性,可用性,所管,保守事業者,資産コード,資産名,種別,製造元,製品,版,CPE,公開範囲,境界
            131016,千代田区（試験）,telework,テレワークシステム,インターネット接続系,3B,2,2,情報政策課,Aテック株式会社,vpn-gw-01,VPNゲートウェイ,ネットワーク機器,Citrix,NetScaler Gateway,13.1-49.13,cpe:2.3:a:citrix:netscaler_gateway:13.1-49.13:*:*:*:*:*:*:*,open,○
            131016,千代田区（試験）,telework,テレワークシステム,インターネット接続系,3B,2,2,情報政策課,Aテック株式会社,vdi-01,VDIサーバ,server,,,,,controlled,
            131016,千代田区（試験）,juki,住民記録システム,mynumber,3A,2,2,市民課,Bシステムズ株式会社,juki-ap-01,業務AP,server,,,,,small,
            """;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCsvLedgerSetsUpTheOrganisationAndRoundTripsThroughYaml(Kind kind, @TempDir Path dir) throws Exception {
        Path csv = dir.resolve("daicho.csv");
        Files.write(csv, CSV.getBytes(java.nio.charset.Charset.forName("windows-31j")));
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            InventoryRepository repo = new InventoryRepository(db.dataSource());
            Ledger ledger = LedgerReader.read(csv);
            LedgerImporter.validate(ledger, "daicho.csv");
            LedgerImporter.Result r = new LedgerImporter(repo).apply(ledger);
            assertThat(r.organizationCreated()).isTrue();
            assertThat(r.systemsCreated()).isEqualTo(2);
            assertThat(r.assetsCreated()).isEqualTo(3);
            Organization org = repo.requireOrganization("131016");
            assertThat(repo.listAssets(org.id()).get(0).code()).as("boundary devices first").isEqualTo("vpn-gw-01");
            assertThat(repo.assets().require(org.id(), "vpn-gw-01").internetBoundary()).isTrue();

            Path yaml = dir.resolve("daicho.yaml");
            Files.writeString(yaml, LedgerWriter.yaml(repo, org), StandardCharsets.UTF_8);
            LedgerImporter.Result again = new LedgerImporter(repo).apply(LedgerReader.read(yaml));
            assertThat(again).isEqualTo(new LedgerImporter.Result(false, 0, 0, 0, 0, java.util.Set.of()));

            String changed = Files.readString(yaml).replace("version: 13.1-49.13", "version: 13.1-49.15")
                    .replace("13.1-49.13:*", "13.1-49.15:*");
            Files.writeString(yaml, changed);
            assertThat(new LedgerImporter(repo).apply(LedgerReader.read(yaml)).assetsUpdated()).isEqualTo(1);
            assertThat(repo.assets().require(org.id(), "vpn-gw-01").version()).isEqualTo("13.1-49.15");
        }
    }

    @Test
    void everyBadRowIsReportedWithItsPlaceAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, CSV.replace("3A,2,2", "4X,2,2").replace(",small,", ",everywhere,").replace("cpe:2.3:a:citrix", "cpe:2.3:z:citrix"));
        Ledger ledger = LedgerReader.read(csv);
        assertThatThrownBy(() -> LedgerImporter.validate(ledger, "bad.csv"))
                .isInstanceOf(LedgerFormatException.class)
                .satisfies(e -> assertThat(((LedgerFormatException) e).problems()).hasSize(3))
                .hasMessageContaining("row 4").hasMessageContaining("4X").hasMessageContaining("everywhere").hasMessageContaining("row 2");
    }

    @Test
    void malformedYamlNamesTheLine(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "organization:\n  code: 1\nsystems:\n  - code: [unclosed\n");
        assertThatThrownBy(() -> LedgerReader.read(yaml)).isInstanceOf(LedgerFormatException.class).hasMessageContaining("line");
    }

    @Test
    void csvCellsThatLookLikeFormulasAreNeutralised() {
        assertThat(LedgerWriter.q("=HYPERLINK(\"http://evil\")")).startsWith("\"'=");
        assertThat(LedgerWriter.q("@SUM(A1)")).startsWith("\"'@");
        assertThat(LedgerWriter.q("-1.5")).isEqualTo("\"-1.5\"");
    }
}
