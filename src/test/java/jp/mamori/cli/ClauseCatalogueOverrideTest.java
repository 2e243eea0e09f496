package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditEvent;
import jp.mamori.audit.AuditLog;
import jp.mamori.partners.ClauseItem;
import jp.mamori.partners.PartnersException;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The clause catalogue an organisation keeps as {@code <data>/clauses.yaml} (issue 14) is the one
 * in force: extending the shipped copy adds its own item to the checklist (exported, answered,
 * audited) and its edited wording replaces the shipped one; a file of its own items only replaces
 * the catalogue; a malformed file stops the command with a Japanese message naming the file and
 * the problem (no stack trace), and removing it brings the shipped catalogue back.
 */
class ClauseCatalogueOverrideTest {

    static final String OWN_ITEM = """
              - key: backup-restore
                title: {ja: "バックアップからの復旧手順", en: "Restoring from backups"}
                text:
                  ja: "オフラインバックアップを保持し、年1回以上復旧を試験する。"
                  en: "Offline backups are kept and restoring is tested at least once a year."
                source: "当団体 情報セキュリティポリシー 第7章"
            """;

    static String shipped() throws Exception {
        try (InputStream in = ClauseCatalogueOverrideTest.class.getResourceAsStream("/partners/clauses.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Row row(Path xlsx, String key, XSSFWorkbook[] keep) throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx));
        keep[0] = wb;
        for (Row r : wb.getSheetAt(0)) if (r.getCell(0) != null && key.equals(r.getCell(0).getStringCellValue())) return r;
        return null;
    }

    @Test
    void theDataFoldersCatalogueExtendsOrReplacesTheShippedOneAndAMalformedOneIsRefusedClearly() throws Exception {
        Path data = Files.createTempDirectory("mamori-clauses-");
        InProcessCli cli = new InProcessCli(data);
        InProcessCli.Run demo = cli.onData("demo", "--no-serve");
        assertThat(demo.rc()).as(demo.err()).isZero();
        Path file = data.resolve("clauses.yaml");
        String shipped = shipped();
        assertThat(shipped).contains("パッチ適用の回数・頻度に上限なし");

        // extended: the shipped items, one reworded, and one of the organisation's own
        Files.writeString(file, shipped.replace("パッチ適用の回数・頻度に上限なし", "パッチ適用の回数・頻度に上限なし（当団体の表現）") + OWN_ITEM);
        Path xlsx = data.resolve("gw.xlsx");
        assertThat(cli.table("contract", "export-checklist", "GW-MAINT-2026", "--out", xlsx.toString())).isNotBlank();
        XSSFWorkbook[] wb = new XSSFWorkbook[1];
        Row own = row(xlsx, "backup-restore", wb);
        assertThat(own).as("the organisation's own item is on the checklist").isNotNull();
        assertThat(own.getCell(1).getStringCellValue()).isEqualTo("バックアップからの復旧手順");
        assertThat(own.getCell(4).getStringCellValue()).isEqualTo("当団体 情報セキュリティポリシー 第7章");
        assertThat(row(xlsx, "no-patch-cap", wb).getCell(1).getStringCellValue()).isEqualTo("パッチ適用の回数・頻度に上限なし（当団体の表現）");
        assertThat(row(xlsx, "audit-right", wb)).as("the shipped items stay").isNotNull();
        wb[0].close();

        InProcessCli.Run answered = cli.onData("contract", "answer", "GW-MAINT-2026", "backup-restore", "有", "--article", "第20条");
        assertThat(answered.rc()).as(answered.err()).isZero();
        try (Database db = Database.open(DatabaseSettings.embedded(data))) {
            AuditEvent last = new AuditLog(db.dataSource()).list(null, true, null, 1).get(0);
            assertThat(last.action()).isEqualTo("contract.checklist_answered");
            assertThat(last.detail()).contains("backup-restore=present");
        }
        assertThat(cli.json("contract", "show", "GW-MAINT-2026").toString()).contains("backup-restore", "第20条");

        // malformed: the command stops, naming the file and what is wrong, in Japanese first
        Map<String, String> broken = Map.of(
                "items:\n  - key: x\n    title: {ja: \"あ\", en: a\n", "YAMLとして読めません",
                "items:\n  - key: own-item\n    title: {ja: あ, en: a}\n    text: {ja: あ, en: a}\n", "/items/0/source: 出典がありません",
                "version: 1\n", "items がありません");
        for (Map.Entry<String, String> b : broken.entrySet()) {
            Files.writeString(file, b.getKey());
            InProcessCli.Run r = cli.onData("contract", "list");
            assertThat(r.rc()).as(b.getValue()).isNotZero();
            assertThat(r.err()).as(r.err()).contains(file.toString(), b.getValue()).doesNotContain("\tat jp.mamori");
            assertThat(r.out()).doesNotContain("GW-MAINT-2026");
        }

        // removed: the shipped catalogue again
        Files.delete(file);
        assertThat(cli.json("contract", "show", "GW-MAINT-2026").toString()).doesNotContain("backup-restore").contains("audit-right");
    }

    @Test
    void aCatalogueOfItsOwnItemsOnlyReplacesTheShippedOne() throws Exception {
        Path data = Files.createTempDirectory("mamori-clauses-own-");
        Files.writeString(data.resolve("clauses.yaml"), "version: 1\nitems:\n" + OWN_ITEM);
        try (Database db = Database.open(DatabaseSettings.embedded(data))) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(data, Map.of()));
            assertThat(m.partners().catalogue().items()).extracting(ClauseItem::key).containsExactly("backup-restore");
            assertThat(m.partners().catalogue().item("backup-restore").orElseThrow().titleJa()).isEqualTo("バックアップからの復旧手順");
        }
        Files.writeString(data.resolve("clauses.yaml"), "items:\n  - key: Bad Key\n    source: s\n");
        try (Database db = Database.open(DatabaseSettings.embedded(data))) {
            try {
                Mamori.open(db, Clock.systemUTC(), new MamoriSettings(data, Map.of()));
                throw new AssertionError("a malformed catalogue must not open");
            } catch (PartnersException e) {
                assertThat(e.problems()).anyMatch(p -> p.startsWith("/items/0/key: 英小文字・数字・ハイフン"))
                        .anyMatch(p -> p.startsWith("/items/0/title/ja: 必須です"));
                assertThat(e.getMessage()).contains(data.resolve("clauses.yaml").toString());
            }
        }
    }
}
