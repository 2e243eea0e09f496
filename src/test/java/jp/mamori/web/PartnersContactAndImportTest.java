package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.app.partners.ShareConfiguration;
import jp.mamori.partners.PartnersException;
import jp.mamori.partners.ServiceCategory;
import jp.mamori.partners.Vendor;
import jp.mamori.partners.VendorKind;
import jp.mamori.security.Role;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The IR partners list kept as an Excel workbook (issue 14), imported whole — dates typed into
 * Excel as dates, numbers as numbers — or refused whole with every bad row named in Japanese; and
 * the incident contact page (and its API) showing each partner's last configuration share. On H2
 * and PostgreSQL.
 */
class PartnersContactAndImportTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Actor OFFICER = Actor.web("officer", false, true);
    static final List<String> HEADER = List.of("事業者名", "法人番号", "サービス区分", "登録番号", "有効期限", "担当者", "24時間窓口", "メール", "連絡順");

    /**
     * A partner list as a user keeps it in Excel: a title row and a blank row above the header;
     * cells given as LocalDate become date cells (Excel's own short-date format, id 14, or
     * yyyy/mm/dd when {@code slashed}), Integer and Long numeric cells, everything else text.
     */
    static byte[] workbook(boolean slashed, List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("IR事業者");
            s.createRow(0).createCell(0).setCellValue("情報セキュリティサービス基準適合サービスリスト（当団体の控え）");
            Row h = s.createRow(2);
            for (int i = 0; i < HEADER.size(); i++) h.createCell(i).setCellValue(HEADER.get(i));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(slashed ? wb.createDataFormat().getFormat("yyyy/mm/dd") : (short) 14);
            int n = 3;
            for (List<Object> values : rows) {
                Row r = s.createRow(n++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v == null) continue;
                    var cell = r.createCell(i);
                    if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v instanceof Number x) {
                        cell.setCellValue(x.doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anExcelPartnerListImportsWholeAndTheContactPageShowsTheLastConfigurationShare(Kind kind) throws Exception {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture(kind);
        ConfigurableApplicationContext context = MamoriWebApplication.start(f.db, "127.0.0.1", 0, f.dataDir);
        try {
            Mamori m = Mamori.open(f.db, Clock.systemUTC(), new MamoriSettings(f.dataDir, Map.of()));
            long org = f.orgA;
            LocalDate today = m.today();
            long audits = PartnersFormsTest.count(m, org);

            for (boolean slashed : new boolean[] {false, true}) {
                byte[] xlsx = workbook(slashed, List.of(
                        row("Eフォレンジック株式会社", "3120001000001", "デジタルフォレンジック", "DF-0123", LocalDate.of(2027, 12, 31), "鈴木",
                                "0120-000-119", "ir@e.example", 1),
                        row("F監視株式会社", null, "セキュリティ監視・運用", "MO-9", LocalDate.of(2027, 6, 30), null, "03-1111-2222", null, 2)));
                List<Vendor> imported = m.importPartners().run(OFFICER, org, "IR事業者一覧.xlsx", xlsx);
                assertThat(imported).as("date cells in %s", slashed ? "yyyy/mm/dd" : "Excel's short-date format").extracting(Vendor::name)
                        .containsExactly("Eフォレンジック株式会社", "F監視株式会社");
                Vendor e = m.vendors().require(org, "Eフォレンジック株式会社");
                assertThat(e.kind()).isEqualTo(VendorKind.IR);
                assertThat(e.corporateNumber()).isEqualTo("3120001000001");
                assertThat(e.serviceCategory()).isEqualTo(ServiceCategory.FORENSICS);
                assertThat(e.registrationNumber()).isEqualTo("DF-0123");
                assertThat(e.registrationValidUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
                assertThat(e.hotline()).isEqualTo("0120-000-119");
                assertThat(e.callOrder()).as("a number typed as a number").isEqualTo(1);
                Vendor fk = m.vendors().require(org, "F監視株式会社");
                assertThat(fk.serviceCategory()).isEqualTo(ServiceCategory.MONITORING);
                assertThat(fk.registrationValidUntil()).isEqualTo(LocalDate.of(2027, 6, 30));
                assertThat(fk.callOrder()).isEqualTo(2);
                assertThat(PartnersFormsTest.last(m, org)).satisfies(a -> {
                    assertThat(a.action()).isEqualTo("vendor.partners_imported");
                    assertThat(a.detail()).contains("partners=2", "sha256=" + jp.mamori.partners.ContractDocument.sha256(xlsx));
                });
                assertThat(PartnersFormsTest.count(m, org)).isEqualTo(++audits);
            }

            // two shares with E: an old one, then a newer one after the inventory changed; the page shows the newer
            ShareConfiguration.Result old = m.shareConfiguration().run(OFFICER, org, "Eフォレンジック株式会社", "鈴木", today.minusDays(200));
            m.createAsset().run(OFFICER, org, f.system.get(AuthorizationMatrixTest.Target.A1), new jp.mamori.inventory.InventoryRepository.NewAsset(
                    "fw-new", "新ファイアウォール", jp.mamori.inventory.AssetKind.NETWORK_APPLIANCE, null, null, null, null,
                    jp.mamori.inventory.Exposure.OPEN, true, null));
            ShareConfiguration.Result recent = m.shareConfiguration().run(OFFICER, org, "Eフォレンジック株式会社", "鈴木", today.minusDays(10));
            assertThat(recent.share().sha256()).as("the inventory changed, so the package did").isNotEqualTo(old.share().sha256());

            // the package carries each asset's current SBOM as a summary (the fixture's CycloneDX 1.5 with log4j-core), none for the new firewall
            JsonNode pack = JSON.readTree(recent.pack().json());
            JsonNode a1 = null;
            JsonNode fw = null;
            for (JsonNode sys : pack.path("systems")) for (JsonNode x : sys.path("assets")) {
                if ("code-a1".equals(x.path("code").asText())) a1 = x;
                if ("fw-new".equals(x.path("code").asText())) fw = x;
            }
            assertThat(a1).as(pack.toString()).isNotNull();
            assertThat(a1.path("sbom").path("format").asText()).containsIgnoringCase("cyclonedx");
            assertThat(a1.path("sbom").path("specVersion").asText()).isEqualTo("1.5");
            assertThat(a1.path("sbom").path("components").asInt()).isEqualTo(1);
            assertThat(a1.path("sbom").path("sha256").asText()).isEqualTo("0".repeat(64));
            assertThat(a1.path("sbom").path("uploadedOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(fw.path("sbom").isNull()).as("no SBOM for the new firewall").isTrue();
            assertThat(fw.path("currentSbom").asBoolean()).isFalse();
            try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(recent.pack().xlsx()))) {
                boolean seen = false;
                for (Row r : wb.getSheet("資産")) {
                    if (r.getCell(4) == null || !"code-a1".equals(r.getCell(4).getStringCellValue())) continue;
                    assertThat(r.getCell(13).getStringCellValue()).contains("1 コンポーネント").containsIgnoringCase("cyclonedx");
                    seen = true;
                }
                assertThat(seen).isTrue();
            }
            ShareConfiguration.Result again = m.shareConfiguration().run(OFFICER, org, "Eフォレンジック株式会社", "鈴木", today.minusDays(10));
            assertThat(again.share().sha256()).as("the same inventory and SBOMs give the same hash").isEqualTo(recent.share().sha256());

            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpSessionClient c = AuthorizationMatrixTest.signIn(base, f, Role.SECURITY_OFFICER);
            HttpResponse<String> page = c.get("/partners/contact");
            assertThat(page.statusCode()).isEqualTo(200);
            String body = page.body();
            String eRow = rowOf(body, "Eフォレンジック株式会社");
            assertThat(eRow).contains(today.minusDays(10).toString(), "SHA-256 " + recent.share().sha256().substring(0, 12))
                    .doesNotContain(today.minusDays(200).toString()).doesNotContain(old.share().sha256().substring(0, 12))
                    .contains("0120-000-119", "デジタルフォレンジック", "登録 DF-0123（2027-12-31 まで）");
            assertThat(rowOf(body, "F監視株式会社")).as("a partner never shared with").contains("なし").doesNotContain("SHA-256");
            assertThat(body.indexOf("Eフォレンジック株式会社")).as("called in order").isLessThan(body.indexOf("F監視株式会社"));

            HttpSessionClient api = HttpSessionClient.api(base, f.tokens.get(Role.SECURITY_OFFICER));
            JsonNode contacts = JSON.readTree(api.get("/api/v1/partners/contact").body());
            JsonNode e = null;
            for (JsonNode x : contacts.isArray() ? contacts : contacts.path("contacts")) if ("Eフォレンジック株式会社".equals(x.path("vendorName").asText())) e = x;
            assertThat(e).as("E in %s", contacts).isNotNull();
            assertThat(e.path("lastShare").asText()).isEqualTo(today.minusDays(10).toString());
            assertThat(e.path("lastShareSha256").asText()).isEqualTo(recent.share().sha256());
        } finally {
            context.close();
            f.db.close();
        }
    }

    /** The table row of the contact page that names the vendor. */
    static String rowOf(String html, String vendor) {
        int at = html.indexOf(vendor);
        assertThat(at).as(vendor + " on the page").isPositive();
        int start = html.lastIndexOf("<tr", at);
        int end = html.indexOf("</tr>", at);
        return html.substring(start, end);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMalformedOrHostileWorkbookIsRefusedInJapaneseAndNothingIsWritten(Kind kind) throws Exception {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture(kind);
        try {
            Mamori m = Mamori.open(f.db, Clock.systemUTC(), new MamoriSettings(f.dataDir, Map.of()));
            long org = f.orgA;
            int vendors = m.vendors().list(org).size();
            long audits = PartnersFormsTest.count(m, org);

            byte[] bad = workbook(false, List.of(
                    row("G社", "6000012050002", "デジタルフォレンジック", "DF-1", LocalDate.of(2027, 1, 1), null, null, null, 1),
                    row("H社", null, "占い", "X-1", "来年の春", null, null, null, "一番"),
                    row("I社", null, "機器検証", "EV-3", LocalDate.of(2027, 1, 1), null, "0120-1", null, 3),
                    row("I社", null, null, null, null, null, null, null, null),
                    row(null, null, "脆弱性診断", null, null, null, null, null, null)));
            assertThatThrownBy(() -> m.importPartners().run(OFFICER, org, "bad.xlsx", bad))
                    .isInstanceOf(PartnersException.class)
                    .satisfies(x -> assertThat(((PartnersException) x).problems()).hasSize(6)
                            .anyMatch(p -> p.startsWith("行 4") && p.contains("法人番号") && p.contains("法人番号ではありません"))
                            .anyMatch(p -> p.startsWith("行 5") && p.contains("サービス区分"))
                            .anyMatch(p -> p.startsWith("行 5") && p.contains("有効期限: '来年の春' は YYYY-MM-DD ではありません"))
                            .anyMatch(p -> p.startsWith("行 5") && p.contains("連絡順: '一番' は数字ではありません"))
                            .anyMatch(p -> p.startsWith("行 7") && p.contains("事業者名 'I社' が重複しています"))
                            .anyMatch(p -> p.startsWith("行 8") && p.contains("事業者名が空です")));
            assertThat(m.vendors().find(org, "I社")).as("not even the valid row").isEmpty();

            byte[] good = workbook(false, List.of(row("J社", null, "脆弱性診断", "VA-1", LocalDate.of(2027, 3, 31), null, null, null, 1)));
            Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
            hostile.put("truncated", Arrays.copyOf(good, good.length / 2));
            hostile.put("header only", workbook(false, List.of()));
            hostile.put("not a table", "%PDF-1.7\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Map<String, String> expected = Map.of("truncated", "Excel ブックとして読めません（zip が破損しています）", "header only", "事業者が1件もありません", "not a table", "表ではありません（PDF ファイルです）");
            for (Map.Entry<String, byte[]> h : hostile.entrySet()) {
                assertThatThrownBy(() -> m.importPartners().run(OFFICER, org, "list.xlsx", h.getValue())).as(h.getKey())
                        .isInstanceOf(PartnersException.class).hasMessageContaining(expected.get(h.getKey()));
            }
            try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                wb.createSheet("一覧").createRow(0).createCell(0).setCellValue("連絡先リスト");
                wb.write(out);
                assertThatThrownBy(() -> m.importPartners().run(OFFICER, org, "list.xlsx", out.toByteArray()))
                        .hasMessageContaining("見出し行（事業者名 …）がありません");
            }
            assertThat(m.vendors().find(org, "J社")).isEmpty();
            assertThat(m.vendors().list(org)).as("no vendor written by any refused file").hasSize(vendors);
            assertThat(PartnersFormsTest.count(m, org)).as("no audit entry for a refused file").isEqualTo(audits);
        } finally {
            f.db.close();
        }
    }
}
