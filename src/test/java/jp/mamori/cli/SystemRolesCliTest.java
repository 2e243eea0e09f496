package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.mamori.audit.AuditLog;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mamori roles show|set|drill --system} on the demo's data: the resident records system's own
 * roles and overdue drill, the telework system's vendor role with no vendor, table and JSON agreeing;
 * set and clear audited; an unknown system or a bad RACI refused (exit 2, Japanese first) with nothing written.
 */
class SystemRolesCliTest {

    private static InProcessCli cli;
    private static Path data;

    @BeforeAll
    static void demo() throws Exception {
        data = Files.createTempDirectory("mamori-sysroles-cli-");
        cli = new InProcessCli(data);
        InProcessCli.Run demo = run("demo", "--no-serve");
        assertThat(demo.rc()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("情報システムごとの役割分担");
    }

    static InProcessCli.Run run(String... args) {
        return cli.onData(args);
    }

    private static JsonNode json(String... args) throws Exception {
        return cli.json(args);
    }

    private static int auditCount() {
        try (Database db = Database.open(DatabaseSettings.embedded(data))) {
            return new AuditLog(db.dataSource()).list(null, true, null, 100_000).size();
        }
    }

    @Test
    void aSystemsMatrixShowsItsOwnCellsGapsAndOverdueDrillTheSameAsTableAndJson() throws Exception {
        JsonNode juki = json("roles", "show", "--system", "juki");
        assertThat(juki.path("system").path("code").asText()).isEqualTo("juki");
        assertThat(juki.path("own")).hasSize(5);
        assertThat(juki.path("drillsOfItsOwn").asBoolean()).isTrue();
        assertThat(juki.path("gaps").findValuesAsText("ja")).containsExactly("「証拠保全」の実施責任者（R）がいません");
        InProcessCli.Run table = run("roles", "show", "--system", "juki");
        assertThat(table.rc()).isZero();
        assertThat(table.out()).contains("情報システム / system: 住民記録システム（juki）", "個別の設定 5 件", "R（Bシステムズ株式会社） *", "役割なし *")
                .contains("訓練期限切れ");
        assertThat(table.out().lines().filter(l -> l.startsWith("空白 / gap:")).count()).isEqualTo(juki.path("gaps").size());

        JsonNode telework = json("roles", "show", "--system", "telework");
        assertThat(telework.path("system").path("boundary").asBoolean()).isTrue();
        assertThat(telework.path("gaps").findValuesAsText("ja")).contains("「初動・封じ込め」の開発ベンダの役割に事業者が決まっていません");

        JsonNode org = json("roles", "show");
        assertThat(org.path("systems").findValuesAsText("code")).contains("juki", "telework");
        assertThat(run("roles", "show").out()).contains("情報システム別 / per system: 住民記録システム（juki） 個別の設定 5 件");

        InProcessCli.Run readiness = run("readiness", "show");
        assertThat(readiness.out()).contains("情報システムごとの役割分担")
                .contains("システム テレワークシステム（telework）［境界装置あり］: 「初動・封じ込め」の開発ベンダの役割に事業者が決まっていません")
                .contains("システム 住民記録システム（juki）: 最終訓練");
    }

    @Test
    void setAndClearASystemsCellAreAuditedAndBadInputWritesNothing() throws Exception {
        int before = auditCount();
        InProcessCli.Run set = run("roles", "set", "evidence", "ir-partner", "R", "--vendor", "Eフォレンジック株式会社", "--system", "border");
        assertThat(set.rc()).as(set.err()).isZero();
        assertThat(set.out()).contains("インターネット接続境界（border） 証拠保全 × IR事業者 = R");
        assertThat(json("roles", "show", "--system", "border").path("gaps")).as("the border system's evidence gap is closed").isEmpty();
        assertThat(json("roles", "show").path("gaps").toString()).as("the organisation's is not").contains("evidence");
        InProcessCli.Run clear = run("roles", "set", "evidence", "ir-partner", "--system", "border");
        assertThat(clear.rc()).as(clear.err()).isZero();
        assertThat(clear.out()).contains("団体の設定に戻しました（C）");
        assertThat(auditCount()).isEqualTo(before + 2);

        int now = auditCount();
        InProcessCli.Run unknown = run("roles", "set", "detect", "csirt", "R", "--system", "no-such");
        assertThat(unknown.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("情報システムが見つかりません / no system 'no-such'");
        InProcessCli.Run show = run("roles", "show", "--system", "no-such");
        assertThat(show.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(show.err()).contains("情報システムが見つかりません");
        InProcessCli.Run raci = run("roles", "set", "detect", "csirt", "RX", "--system", "juki");
        assertThat(raci.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(raci.err()).contains("RACI は R・A・C・I の組み合わせです");
        InProcessCli.Run dashWithVendor = run("roles", "set", "detect", "maintenance-vendor", "-", "--vendor", "Aテック株式会社", "--system", "juki");
        assertThat(dashWithVendor.rc()).isEqualTo(ExitCode.BAD_INPUT);
        InProcessCli.Run drill = run("roles", "drill", "--date", "2026-01-10", "--title", "訓練", "--system", "no-such");
        assertThat(drill.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(drill.err()).contains("情報システムが見つかりません");
        InProcessCli.Run blank = run("roles", "set", "detect", "csirt", "R", "--system", " ");
        assertThat(blank.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(auditCount()).as("nothing written for what was refused").isEqualTo(now);
        assertThat(json("roles", "show", "--system", "juki").path("own")).hasSize(5);
    }
}
