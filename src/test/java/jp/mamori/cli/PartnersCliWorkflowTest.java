package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import jp.mamori.audit.AuditEvent;
import jp.mamori.audit.AuditLog;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mamori vendor|contract|partner|readiness} as an officer uses them on the demo's data (issue 14):
 * what each command prints, what it stores (read back through the commands' JSON), and the audit
 * entry each change leaves, with the person given by {@code --by}.
 */
class PartnersCliWorkflowTest {

    private static InProcessCli cli;
    private static Path data;

    @BeforeAll
    static void demo() throws Exception {
        data = Files.createTempDirectory("mamori-partners-cli-");
        cli = new InProcessCli(data);
        InProcessCli.Run demo = cli.onData("demo", "--no-serve");
        assertThat(demo.rc()).as(demo.err()).isZero();
    }

    /** The newest audit entries, newest first. */
    static List<AuditEvent> audit(int n) {
        try (Database db = Database.open(DatabaseSettings.embedded(data))) {
            return new AuditLog(db.dataSource()).list(null, true, null, n);
        }
    }

    static AuditEvent lastAudit() {
        return audit(1).get(0);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static String ok(String... args) {
        InProcessCli.Run r = cli.onData(args);
        assertThat(r.rc()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r.out();
    }

    @Test
    void aContractIsSavedItsChecklistRoundTripsAndTheVendorsAnswersAreApproved() throws Exception {
        assertThat(ok("vendor", "save", "Zテック株式会社", "--kind", "maintenance", "--corporate-number", "3010401099999", "--hotline", "03-0000-1199", "--by", "sato"))
                .contains("事業者を登録しました / vendor saved: Zテック株式会社（保守）");
        assertThat(lastAudit()).satisfies(a -> {
            assertThat(a.action()).isEqualTo("vendor.saved");
            assertThat(a.actor()).contains("sato");
            assertThat(a.detail()).contains("hotline=03-0000-1199");
        });
        assertThat(cli.json("vendor", "list").findValuesAsText("name")).contains("Zテック株式会社");

        assertThat(ok("contract", "save", "Z-1", "--title", "テレワーク運用", "--vendor", "Zテック株式会社", "--systems", "telework", "--patch-cap", "4", "--by", "sato"))
                .contains("契約を登録しました / contract saved: Z-1「テレワーク運用」（Zテック株式会社、対象 ").contains(" 資産）");
        assertThat(lastAudit()).satisfies(a -> {
            assertThat(a.action()).isEqualTo("contract.saved");
            assertThat(a.actor()).contains("sato");
            assertThat(a.target()).isEqualTo("contract:Z-1");
            assertThat(a.detail()).contains("Zテック株式会社", "kind=maintenance");
        });
        JsonNode flags = cli.json("contract", "flags");
        assertThat(flags.findParents("contractCode").stream().filter(f -> "Z-1".equals(f.path("contractCode").asText())).map(f -> f.path("flag").asText()).toList())
                .as("a cap of four a year").anyMatch(f -> f.toLowerCase().contains("cap"));
        assertThat(ok("contract", "show", "Z-1")).contains("Z-1「テレワーク運用」 Zテック株式会社", "指摘 / flags:", "上限あり");

        // export, fill in as the vendor would, import as the vendor (waits), approve as the officer
        Path xlsx = data.resolve("z1.xlsx");
        assertThat(ok("contract", "export-checklist", "Z-1", "--out", xlsx.toString())).contains("チェックリストを出力しました / checklist written: " + xlsx);
        Files.write(xlsx, fill(Files.readAllBytes(xlsx), "audit-right", "有", "第18条"));
        assertThat(ok("contract", "import-checklist", "Z-1", xlsx.toString(), "--as-vendor", "--by", "vendor-z"))
                .contains("チェックリストを取り込みました / checklist imported: Z-1 1 項目（承認待ち / awaiting approval）");
        assertThat(lastAudit()).satisfies(a -> {
            assertThat(a.action()).isEqualTo("contract.checklist_proposed");
            assertThat(a.actor()).contains("vendor-z");
            assertThat(a.detail()).contains("audit-right=present");
        });
        assertThat(ok("contract", "approve", "Z-1", "--by", "sato")).contains("回答を承認しました / answers approved: Z-1 1 項目");
        assertThat(lastAudit()).satisfies(a -> {
            assertThat(a.action()).isEqualTo("contract.checklist_approved");
            assertThat(a.actor()).contains("sato");
        });
        String shown = cli.json("contract", "show", "Z-1").toString();
        assertThat(shown).contains("audit-right", "第18条");

        // a bad answer: refused, exit 2, nothing audited
        long before = audit(100_000).size();
        InProcessCli.Run bad = cli.onData("contract", "answer", "Z-1", "no-such-item", "有", "--article", "第1条");
        assertThat(bad.rc()).isEqualTo(2);
        assertThat(bad.err()).contains("不明な項目キー");
        assertThat(audit(100_000)).hasSize((int) before);
    }

    @Test
    void theIrPartnersNdaAndConfigurationShareAreRecordedAndTheContactListShowsThem() throws Exception {
        Path nda = data.resolve("nda.pdf");
        Files.write(nda, "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(ok("partner", "nda", DemoPartners.IR_PARTNER, "--signed", "2026-01-10", "--expires", "2031-01-09", "--document", nda.toString(), "--by", "sato"))
                .contains("NDA を記録しました / NDA recorded: " + DemoPartners.IR_PARTNER);
        assertThat(lastAudit()).satisfies(a -> {
            assertThat(a.action()).isEqualTo("vendor.nda_recorded");
            assertThat(a.detail()).contains(sha256(Files.readAllBytes(nda)));
        });

        Path out = data.resolve("shares");
        String printed = ok("partner", "share", DemoPartners.IR_PARTNER, "--out", out.toString(), "--by", "sato");
        Path json;
        Path book;
        try (Stream<Path> files = Files.list(out)) {
            List<Path> written = files.sorted().toList();
            json = written.stream().filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            book = written.stream().filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
        String digest = sha256(Files.readAllBytes(json));
        assertThat(printed).contains("構成情報の共有を記録しました / configuration share recorded: " + DemoPartners.IR_PARTNER, "SHA-256 " + digest, "→ " + json);
        assertThat(new String(Files.readAllBytes(json), StandardCharsets.UTF_8)).contains("\"internetBoundary\"");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(book))) {
            assertThat(wb.getSheet("資産")).as("the package's workbook").isNotNull();
        }
        assertThat(lastAudit()).satisfies(a -> {
            assertThat(a.action()).isEqualTo("partner.configuration_shared");
            assertThat(a.actor()).contains("sato");
            assertThat(a.detail()).contains("sha256=" + digest);
        });

        JsonNode contacts = cli.json("partner", "contact");
        JsonNode ir = null;
        for (JsonNode c : contacts) if (DemoPartners.IR_PARTNER.equals(c.path("vendorName").asText())) ir = c;
        assertThat(ir).as(contacts.toString()).isNotNull();
        assertThat(ir.path("lastShareSha256").asText()).isEqualTo(digest);
        assertThat(ir.path("ndaState").asText()).contains("2031-01-09");
        assertThat(ok("partner", "contact")).contains("【インシデント発生時の連絡先 / whom to call】", DemoPartners.IR_PARTNER);
    }

    @Test
    void readinessReportsAreIssuedAsSnapshotsWithTheirHashAuditedAndDiffed() throws Exception {
        String first = ok("readiness", "issue", "--by", "sato");
        assertThat(first).contains("【準備状況レポート / readiness report】", "発行しました / issued: #");
        String id1 = first.replaceAll("(?s).*発行しました / issued: #(\\d+) .*", "$1");
        String sha1 = first.replaceAll("(?s).*発行しました / issued: #\\d+ .* SHA-256 ([0-9a-f]{64}).*", "$1");
        assertThat(sha1).hasSize(64);
        assertThat(lastAudit()).satisfies(a -> {
            assertThat(a.action()).isEqualTo("readiness.issued");
            assertThat(a.actor()).contains("sato");
            assertThat(a.detail()).contains(sha1);
        });

        // a change: nobody was responsible for evidence preservation in the demo; now the CSIRT is
        ok("roles", "set", "evidence", "csirt", "R", "--by", "sato");
        String second = ok("readiness", "issue", "--by", "sato");
        String id2 = second.replaceAll("(?s).*発行しました / issued: #(\\d+) .*", "$1");
        assertThat(Long.parseLong(id2)).isGreaterThan(Long.parseLong(id1));
        assertThat(second).contains("前回 #" + id1 + " からの変化 / changes since #" + id1 + ":");
        String diff = ok("readiness", "diff", id2);
        assertThat(diff).contains("前回 #" + id1 + " からの変化").doesNotContain("なし / none");
        JsonNode list = cli.json("readiness", "list");
        assertThat(list.findValuesAsText("id")).contains(id1, id2);
        assertThat(list.toString()).contains(sha1);
        for (JsonNode r : list) assertThat(r.path("intact").asBoolean()).as("snapshot #%s unchanged since issued", r.path("id").asText()).isTrue();
        String table = ok("readiness", "list");
        assertThat(table).contains(sha1, "一致");
    }

    static byte[] fill(byte[] xlsx, String key, String answer, String article) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Row r : wb.getSheetAt(0)) {
                if (r.getCell(0) == null || !key.equals(r.getCell(0).getStringCellValue())) continue;
                r.createCell(5).setCellValue(answer);
                r.createCell(6).setCellValue(article);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
