package jp.mamori.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.app.inventory.CreateSystem;
import jp.mamori.app.partners.SaveContract;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository.NewAsset;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Vendors, contracts, the checklist round-trip, hostile workbooks and readiness snapshots on H2 and PostgreSQL. */
class PartnersStoreTest {

    static final Actor OFFICER = Actor.web("officer", false, true);
    static final Actor VENDOR = Actor.web("vendor-a", false, false);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T01:00:00Z"), ZoneOffset.UTC);

    record World(Database db, Mamori m, Organization org) implements AutoCloseable {
        @Override
        public void close() {
            db.close();
        }
    }

    static World world(Kind kind) throws Exception {
        Database db = Database.open(TestDatabases.settings(kind));
        Path dir = Files.createTempDirectory("mamori-partners-");
        Mamori m = Mamori.open(db, CLOCK, new MamoriSettings(dir, Map.of()));
        Organization org = m.createOrganization().run(OFFICER, "100001", "試験市", "municipality");
        ItSystem tw = m.createSystem().run(OFFICER, org.id(), new CreateSystem.Input("telework", "テレワーク", Segment.INTERNET,
                new Importance("3B", "2", "2"), "情報政策課", null, List.of("A社")));
        m.createAsset().run(OFFICER, org.id(), tw.id(), new NewAsset("gw", "VPNゲートウェイ", AssetKind.NETWORK_APPLIANCE, "Citrix", "NetScaler", "13.1",
                null, Exposure.OPEN, true, "A社"));
        m.saveVendor().run(OFFICER, org.id(), new VendorStore.Input("A社", null, VendorKind.MAINTENANCE, null, null, null, null, null, null, null, null));
        m.saveContract().run(OFFICER, org.id(), new SaveContract.Input("C-1", "保守契約", "A社", ContractKind.MAINTENANCE, ContractStatus.ACTIVE,
                null, null, null, false, null, List.of("telework"), List.of()));
        return new World(db, m, org);
    }

    static long auditCount(Database db) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void freeTextVendorNamesOfAccountsBecomeVendorRecords(Kind kind) throws Exception {
        DatabaseSettings settings = TestDatabases.settings(kind);
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password()).locations("classpath:db/migration").target("22").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(settings.url(), settings.user(), settings.password()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO organization (code, name, kind) VALUES ('200002', '旧市', 'municipality')");
            s.executeUpdate("INSERT INTO vendor (organization_id, name) SELECT id, '既存社' FROM organization WHERE code = '200002'");
            for (String[] u : new String[][] {{"v1", "旧ベンダー株式会社"}, {"v2", "旧ベンダー株式会社"}, {"v3", "既存社"}}) {
                s.executeUpdate("INSERT INTO app_user (username, display_name, password_hash, role, organization_id, enabled, must_change_password, vendor_name) "
                        + "SELECT '" + u[0] + "', '" + u[0] + "', 'x', 'VENDOR', id, TRUE, TRUE, '" + u[1] + "' FROM organization WHERE code = '200002'");
            }
            s.executeUpdate("INSERT INTO app_user (username, display_name, password_hash, role, organization_id, enabled, must_change_password) "
                    + "SELECT 'officer', 'o', 'x', 'SECURITY_OFFICER', id, TRUE, TRUE FROM organization WHERE code = '200002'");
        }
        try (Database db = Database.open(settings); Connection c = db.connection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT name FROM vendor ORDER BY name")) {
                List<String> names = new java.util.ArrayList<>();
                while (rs.next()) names.add(rs.getString(1));
                assertThat(names).as("one record per name, nothing duplicated").containsExactly("既存社", "旧ベンダー株式会社");
            }
            try (ResultSet rs = s.executeQuery("SELECT u.username, u.vendor_name, v.name FROM app_user u LEFT JOIN vendor v ON v.id = u.vendor_id ORDER BY u.username")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                    assertThat(rs.getString(3)).as("account %s bound to its vendor record", rs.getString(1)).isEqualTo(rs.getString(2));
                }
                assertThat(n).isEqualTo(4);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theChecklistRoundTripsThroughExcelAndTheOfficerApprovesTheVendorsAnswers(Kind kind) throws Exception {
        try (World w = world(kind)) {
            Mamori m = w.m();
            long org = w.org().id();
            Contract k = m.contracts().require(org, "C-1");
            byte[] exported = ChecklistWorkbook.write(m.partners().view(k, m.today()));
            byte[] filled = fill(exported, Map.of("no-patch-cap", new String[] {"無", "第12条", "パッチ適用は年4回までとする。"},
                    "patch-process", new String[] {"有", "第5条", "=HYPERLINK(\"http://x\")"},
                    "network-devices", new String[] {"×", "仕様書2.1", null}));
            var r = m.answerChecklist().fromWorkbook(VENDOR, org, "C-1", "checklist.xlsx", filled, true);
            assertThat(r.answered()).isEqualTo(3);
            assertThat(m.contracts().answers(k.id()).get("no-patch-cap").pending()).isTrue();
            assertThat(m.partners().view(k, m.today()).flags()).extracting(Flag::flag).as("proposals change nothing until approved")
                    .doesNotContain(RiskFlag.PATCH_CAP);

            assertThatThrownBy(() -> m.approveChecklist().run(VENDOR, org, "C-1")).hasMessageContaining("情報セキュリティ担当");
            assertThat(m.approveChecklist().run(OFFICER, org, "C-1")).isEqualTo(3);
            ClauseAnswer cap = m.contracts().answers(k.id()).get("no-patch-cap");
            assertThat(cap.answer()).isEqualTo(Answer.ABSENT);
            assertThat(cap.article()).isEqualTo("第12条");
            assertThat(cap.reviewedBy()).isEqualTo("officer");
            assertThat(m.partners().view(k, m.today()).flags()).extracting(Flag::flag).contains(RiskFlag.PATCH_CAP, RiskFlag.DEVICES_OUT_OF_SCOPE);

            // Exported again: the answers come back, and text that looks like a formula is neutralised.
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ChecklistWorkbook.write(m.partners().view(k, m.today()))))) {
                Sheet s = wb.getSheetAt(0);
                Row row = find(s, "patch-process");
                assertThat(row.getCell(ChecklistWorkbook.COL_ANSWER).getStringCellValue()).isEqualTo("有");
                assertThat(row.getCell(ChecklistWorkbook.COL_TEXT).getStringCellValue()).startsWith("'=");
                assertThat(row.getCell(ChecklistWorkbook.COL_TEXT).getCellType()).isEqualTo(CellType.STRING);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aWorkbookWithBadCellsNamesEveryOneAndStoresNothing(Kind kind) throws Exception {
        try (World w = world(kind)) {
            Mamori m = w.m();
            long org = w.org().id();
            Contract k = m.contracts().require(org, "C-1");
            byte[] exported = ChecklistWorkbook.write(m.partners().view(k, m.today()));
            byte[] bad = fill(exported, Map.of("no-patch-cap", new String[] {"たぶん", null, null},
                    "patch-process", new String[] {"有", null, "全工程"},
                    "sbom", new String[] {"無", "x".repeat(201), null},
                    "audit-right", new String[] {"有", "第18条", null}));
            bad = addRow(bad, "no-such-item", "有");
            long before = auditCount(w.db());
            byte[] input = bad;
            assertThatThrownBy(() -> m.answerChecklist().fromWorkbook(VENDOR, org, "C-1", "checklist.xlsx", input, true))
                    .isInstanceOf(PartnersException.class)
                    .satisfies(e -> assertThat(((PartnersException) e).problems()).hasSize(4)
                            .anyMatch(p -> p.matches("F\\d+: 回答 'たぶん'.*"))
                            .anyMatch(p -> p.matches("G\\d+: 「有」には条項・頁を記入してください.*"))
                            .anyMatch(p -> p.matches("G\\d+: 条項・頁が長すぎます.*"))
                            .anyMatch(p -> p.matches("A\\d+: 不明な項目キー 'no-such-item'.*")));
            assertThat(m.contracts().answers(k.id())).as("nothing half-written: not even the valid audit-right row").isEmpty();
            assertThat(auditCount(w.db())).isEqualTo(before);

            byte[] other = ChecklistWorkbook.write(m.partners().view(k, m.today()));
            m.saveContract().run(OFFICER, org, new SaveContract.Input("C-2", "別契約", "A社", ContractKind.MAINTENANCE, ContractStatus.ACTIVE,
                    null, null, null, true, null, List.of(), List.of("gw")));
            byte[] forC1 = fill(other, Map.of("audit-right", new String[] {"有", "第18条", null}));
            assertThatThrownBy(() -> m.answerChecklist().fromWorkbook(VENDOR, org, "C-2", "c1.xlsx", forC1, true))
                    .hasMessageContaining("契約コードが一致しません");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void hostileWorkbooksAreRefusedWithAClearErrorAndNothingIsWritten(Kind kind) throws Exception {
        try (World w = world(kind)) {
            Mamori m = w.m();
            long org = w.org().id();
            long before = auditCount(w.db());
            Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
            hostile.put("zip bomb", zipBomb());
            hostile.put("huge", huge());
            hostile.put("csv", "項目キー,回答\nno-patch-cap,有\n".getBytes(StandardCharsets.UTF_8));
            hostile.put("pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
            hostile.put("broken zip", new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8});
            hostile.put("traversal", zip("../../evil.xml", new byte[] {1}));
            Map<String, String> expected = Map.of("zip bomb", "zip 爆弾", "huge", "大きすぎます", "csv", "Excel ブック（.xlsx）ではありません",
                    "pdf", "Excel ブック（.xlsx）ではありません", "broken zip", "Excel ブックとして読めません", "traversal", "不正なパス");
            for (Map.Entry<String, byte[]> e : hostile.entrySet()) {
                assertThatThrownBy(() -> m.answerChecklist().fromWorkbook(VENDOR, org, "C-1", e.getKey() + ".xlsx", e.getValue(), true))
                        .as(e.getKey()).isInstanceOf(PartnersException.class).hasMessageContaining(expected.get(e.getKey()))
                        .hasMessageStartingWith(e.getKey() + ".xlsx");
            }
            assertThat(m.contracts().answers(m.contracts().require(org, "C-1").id())).isEmpty();
            assertThat(auditCount(w.db())).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void contractDocumentsAreSniffedBoundedAndHashed(Kind kind) throws Exception {
        try (World w = world(kind)) {
            Mamori m = w.m();
            long org = w.org().id();
            byte[] pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            ContractDocument d = m.attachContractDocument().run(OFFICER, org, "C-1", "契約書.pdf", pdf);
            Contract k = m.contracts().require(org, "C-1");
            assertThat(k.documentSha256()).isEqualTo(ContractDocument.sha256(pdf)).isEqualTo(d.sha256());
            assertThat(m.contracts().document(org, k.id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(pdf));
            assertThatThrownBy(() -> m.attachContractDocument().run(OFFICER, org, "C-1", "契約書.pdf", "<html>".getBytes(StandardCharsets.UTF_8)))
                    .hasMessageContaining("PDF または Office");
            assertThatThrownBy(() -> m.attachContractDocument().run(OFFICER, org, "C-1", "big.pdf", new byte[ContractDocument.MAX_BYTES + 1]))
                    .hasMessageContaining("20MB");
            assertThat(m.contracts().require(org, "C-1").documentSha256()).as("the refused files changed nothing").isEqualTo(d.sha256());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void issuedReadinessReportsAreImmutableSnapshotsWithAHashAndADiff(Kind kind) throws Exception {
        try (World w = world(kind)) {
            Mamori m = w.m();
            long org = w.org().id();
            var first = m.issueReadinessReport().run(OFFICER, org);
            assertThat(first.diff().fromId()).isNull();
            assertThat(first.snapshot().report().row("ir-partner").status()).isEqualTo(Status.RED);
            assertThat(first.snapshot().report().row("roles").status()).isEqualTo(Status.RED);

            m.saveVendor().run(OFFICER, org, new VendorStore.Input("IR社", null, VendorKind.IR, null, null, null, "0120-1", ServiceCategory.FORENSICS,
                    "DF-1", m.today().plusYears(1), 1));
            var second = m.issueReadinessReport().run(OFFICER, org);
            assertThat(second.snapshot().report().row("ir-partner").status()).isEqualTo(Status.GREEN);
            assertThat(second.diff().fromId()).isEqualTo(first.snapshot().id());
            assertThat(second.diff().changes()).anySatisfy(c -> {
                assertThat(c.key()).isEqualTo("ir-partner");
                assertThat(c.from()).isEqualTo(Status.RED);
                assertThat(c.to()).isEqualTo(Status.GREEN);
                assertThat(c.added()).anyMatch(s -> s.contains("IR社"));
            });

            ReadinessSnapshot again = m.readinessReports().find(org, first.snapshot().id()).orElseThrow();
            assertThat(again.body()).as("the first report is what it was").isEqualTo(first.snapshot().body());
            assertThat(again.intact()).isTrue();
            assertThat(again.report().row("ir-partner").status()).isEqualTo(Status.RED);
            assertThat(m.audit().list(org, false, null, 50)).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("readiness.issued");
                assertThat(e.detail()).contains("sha256=" + first.snapshot().sha256());
            });
            // A tampered body no longer matches its recorded hash.
            try (Connection c = w.db().connection(); PreparedStatement ps = c.prepareStatement("UPDATE readiness_report SET body = ? WHERE id = ?")) {
                ps.setString(1, again.body().replace("\"red\"", "\"green\""));
                ps.setLong(2, again.id());
                ps.executeUpdate();
            }
            assertThat(m.readinessReports().find(org, first.snapshot().id()).orElseThrow().intact()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theIrPartnersListIsImportedWholeOrNotAtAll(Kind kind) throws Exception {
        try (World w = world(kind)) {
            Mamori m = w.m();
            long org = w.org().id();
            String good = "事業者名,法人番号,サービス区分,登録番号,有効期限,担当者,24時間窓口,連絡順\n"
                    + "Eフォレンジック株式会社,3120001000001,デジタルフォレンジック,DF-0123,2027/12/31,鈴木,0120-000-119,1\n"
                    + "F監視株式会社,,セキュリティ監視・運用,MO-9,2027-06-30,,03-1111-2222,2\n";
            byte[] sjis = good.getBytes(java.nio.charset.Charset.forName("MS932"));
            assertThat(m.importPartners().run(OFFICER, org, "partners.csv", sjis)).hasSize(2);
            Vendor e = m.vendors().require(org, "Eフォレンジック株式会社");
            assertThat(e.ir()).isTrue();
            assertThat(e.serviceCategory()).isEqualTo(ServiceCategory.FORENSICS);
            assertThat(e.registrationValidUntil()).isEqualTo(java.time.LocalDate.of(2027, 12, 31));
            assertThat(m.partners().contacts(org, m.today())).extracting(Contact::vendorName).startsWith("Eフォレンジック株式会社", "F監視株式会社");

            long before = auditCount(w.db());
            String bad = "事業者名,法人番号,サービス区分,有効期限,連絡順\n"
                    + "G社,6000012050002,デジタルフォレンジック,2027-01-01,1\n"
                    + "H社,,占い,2027-13-01,x\n"
                    + "G社,,,,\n"
                    + "I社,,機器検証,2027-01-01,3\n";
            assertThatThrownBy(() -> m.importPartners().run(OFFICER, org, "bad.csv", bad.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(PartnersException.class)
                    .satisfies(x -> assertThat(((PartnersException) x).problems())
                            .anyMatch(p -> p.startsWith("行 2") && p.contains("法人番号"))
                            .anyMatch(p -> p.startsWith("行 3") && p.contains("サービス区分"))
                            .anyMatch(p -> p.startsWith("行 3") && p.contains("有効期限"))
                            .anyMatch(p -> p.startsWith("行 3") && p.contains("連絡順"))
                            .anyMatch(p -> p.startsWith("行 4") && p.contains("重複")));
            assertThat(m.vendors().find(org, "I社")).as("nothing of the bad file, not even its valid row").isEmpty();
            assertThat(auditCount(w.db())).isEqualTo(before);
            assertThatThrownBy(() -> m.importPartners().run(OFFICER, org, "bomb.xlsx", zipBomb())).hasMessageContaining("zip 爆弾");

            // the configuration package: JSON (hashed and recorded) and the same as .xlsx, from the inventory
            var shared = m.shareConfiguration().run(OFFICER, org, "Eフォレンジック株式会社", null, null);
            assertThat(shared.share().sha256()).isEqualTo(ContractDocument.sha256(shared.pack().json()));
            assertThat(shared.share().nextDue()).isEqualTo(m.today().plusDays(ShareStore.SHARE_INTERVAL_DAYS));
            assertThat(new String(shared.pack().json(), StandardCharsets.UTF_8)).contains("\"gw\"").contains("\"internetBoundary\" : true");
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(shared.pack().xlsx()))) {
                assertThat(wb.getSheet("資産").getRow(3).getCell(4).getStringCellValue()).isEqualTo("gw");
            }
            assertThat(m.shareConfiguration().run(OFFICER, org, "Eフォレンジック株式会社", null, null).share().sha256())
                    .as("the same inventory gives the same hash").isEqualTo(shared.share().sha256());
        }
    }

    // --- workbooks written for the tests -----------------------------------------------------

    static Row find(Sheet s, String key) {
        for (Row r : s) if (r.getCell(0) != null && key.equals(r.getCell(0).getStringCellValue())) return r;
        throw new AssertionError("no row " + key);
    }

    /** The exported checklist with answer, article and text filled in for some items (as a vendor would in Excel). */
    static byte[] fill(byte[] xlsx, Map<String, String[]> answers) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.getSheetAt(0);
            for (Map.Entry<String, String[]> e : answers.entrySet()) {
                Row r = find(s, e.getKey());
                String[] v = e.getValue();
                for (int i = 0; i < 3; i++) {
                    int col = ChecklistWorkbook.COL_ANSWER + i;
                    if (r.getCell(col) == null) r.createCell(col);
                    r.getCell(col).setCellValue(v[i] == null ? "" : v[i]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] addRow(byte[] xlsx, String key, String answer) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.getSheetAt(0);
            Row r = s.createRow(s.getLastRowNum() + 1);
            r.createCell(0).setCellValue(key);
            r.createCell(ChecklistWorkbook.COL_ANSWER).setCellValue(answer);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A valid-looking .xlsx whose sheet inflates from ~100 KB to ~100 MB. */
    static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 100; i++) z.write(zeros);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] huge() {
        byte[] b = new byte[ChecklistWorkbook.MAX_BYTES + 10];
        b[0] = 'P';
        b[1] = 'K';
        b[2] = 3;
        b[3] = 4;
        return b;
    }

    static byte[] zip(String name, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
