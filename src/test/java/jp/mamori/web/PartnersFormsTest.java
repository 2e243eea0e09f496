package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditEvent;
import jp.mamori.partners.Contract;
import jp.mamori.partners.ContractDocument;
import jp.mamori.partners.Vendor;
import jp.mamori.partners.VendorKind;
import jp.mamori.security.Role;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The security officer's partners forms on the web (issue 14), on H2 and PostgreSQL: vendors
 * (法人番号 check digit, 24-hour line, kind; an edit clears what was emptied), contracts (kind,
 * period, renewal, coverage, status), contract documents and NDAs uploaded (sniffed, bounded,
 * hashed; a hostile file is refused in Japanese and nothing is written), CSRF, audit entries, and the
 * dashboard API's contract flags next to the urgent findings.
 */
class PartnersFormsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theOfficerRegistersVendorsContractsDocumentsAndNdasOnTheWeb(Kind kind) throws Exception {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture(kind);
        ConfigurableApplicationContext context = MamoriWebApplication.start(f.db, "127.0.0.1", 0, f.dataDir);
        try {
            Mamori m = Mamori.open(f.db, Clock.systemUTC(), new MamoriSettings(f.dataDir, Map.of()));
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpSessionClient c = AuthorizationMatrixTest.signIn(base, f, Role.SECURITY_OFFICER);
            String officer = f.usernames.get(Role.SECURITY_OFFICER);
            long org = f.orgA;

            // --- vendors
            HttpResponse<String> form = c.get("/partners/vendors/new");
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("法人番号", "24時間窓口", "name=\"_csrf\"");
            String token = c.csrf;
            c.csrf = null;
            HttpResponse<String> forged = c.postForm("/partners/vendors", Map.of("name", "偽装社"));
            assertThat(forged.statusCode()).as("no CSRF token, no change").isEqualTo(403);
            c.csrf = token;
            assertThat(m.vendors().find(org, "偽装社")).isEmpty();

            long auditBefore = count(m, org);
            HttpResponse<String> bad = c.postForm("/partners/vendors", Map.of("name", "丙セキュリティ株式会社", "corporateNumber", "6000012050002",
                    "email", "not-mail", "callOrder", "一番", "kind", "ir"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("法人番号のチェックデジットが一致しません", "先頭の数字は 7 のはずです", "メールアドレスが不正です", "連絡順は数字です")
                    .as("what was entered is shown again").contains("value=\"丙セキュリティ株式会社\"")
                    .as("the Japanese page shows the Japanese half only").doesNotContain("check digit mismatch");
            assertThat(m.vendors().find(org, "丙セキュリティ株式会社")).as("nothing stored").isEmpty();
            assertThat(count(m, org)).isEqualTo(auditBefore);

            HttpResponse<String> ok = c.postForm("/partners/vendors", form("name", "丙セキュリティ株式会社", "corporateNumber", "7-0000-1205-0002",
                    "kind", "ir", "contactPerson", "対応窓口 田中", "phone", "03-1111-2222", "email", "ir@hei.example", "hotline", "0120-111-119",
                    "serviceCategory", "forensics", "registrationNumber", "IPA-DF-0999", "registrationValidUntil", "2027-09-30", "callOrder", "2"));
            assertThat(ok.statusCode()).isEqualTo(302);
            assertThat(HttpSessionClient.location(ok)).isEqualTo("/partners/vendors");
            Vendor v = m.vendors().require(org, "丙セキュリティ株式会社");
            assertThat(v.corporateNumber()).isEqualTo("7000012050002");
            assertThat(v.kind()).isEqualTo(VendorKind.IR);
            assertThat(v.hotline()).isEqualTo("0120-111-119");
            assertThat(v.callOrder()).isEqualTo(2);
            assertThat(last(m, org)).satisfies(e -> {
                assertThat(e.action()).isEqualTo("vendor.saved");
                assertThat(e.actor()).isEqualTo(officer);
                assertThat(e.detail()).contains("corporate_number=7000012050002", "hotline=0120-111-119");
            });
            assertThat(c.get("/partners/vendors").body()).contains("事業者を登録しました", "0120-111-119");
            HttpResponse<String> twice = c.postForm("/partners/vendors", Map.of("name", "丙セキュリティ株式会社"));
            assertThat(twice.statusCode()).isEqualTo(400);
            assertThat(twice.body()).contains("登録済みです");

            // editing: the form is the whole record, so an emptied field is cleared
            assertThat(c.get("/partners/vendors/" + v.id() + "/edit").body()).contains("value=\"0120-111-119\"", "readonly");
            HttpResponse<String> edited = c.postForm("/partners/vendors/" + v.id(), Map.of("name", "ignored", "kind", "ir", "hotline", "0120-222-119",
                    "phone", "", "corporateNumber", "7000012050002", "serviceCategory", "forensics", "registrationNumber", "IPA-DF-0999"));
            assertThat(edited.statusCode()).isEqualTo(302);
            Vendor after = m.vendors().byId(org, v.id()).orElseThrow();
            assertThat(after.name()).as("the name binds accounts and does not change").isEqualTo("丙セキュリティ株式会社");
            assertThat(after.hotline()).isEqualTo("0120-222-119");
            assertThat(after.phone()).isNull();
            assertThat(after.callOrder()).isNull();

            // the NDA with its document: hostile refused, nothing written; a PDF's SHA-256 kept
            c.get("/partners/vendors/" + v.id() + "/edit");
            auditBefore = count(m, org);
            HttpResponse<String> evil = c.upload("/partners/vendors/" + v.id() + "/nda", "nda.pdf", "MZ\u0090\u0000evil".getBytes(StandardCharsets.ISO_8859_1),
                    Map.of("signed", "2026-04-01", "expires", "2027-03-31"));
            assertThat(evil.statusCode()).isEqualTo(400);
            assertThat(evil.body()).contains("何も登録していません", "PDF または Office 文書");
            assertThat(m.vendors().byId(org, v.id()).orElseThrow().ndaSigned()).isNull();
            assertThat(count(m, org)).isEqualTo(auditBefore);
            HttpResponse<String> nda = c.upload("/partners/vendors/" + v.id() + "/nda", "nda.pdf", PDF, Map.of("signed", "2026-04-01", "expires", "2027-03-31"));
            assertThat(nda.statusCode()).isEqualTo(302);
            Vendor signed = m.vendors().byId(org, v.id()).orElseThrow();
            assertThat(signed.ndaSigned()).hasToString("2026-04-01");
            assertThat(signed.ndaExpires()).hasToString("2027-03-31");
            assertThat(signed.ndaSha256()).isEqualTo(ContractDocument.sha256(PDF));
            assertThat(last(m, org).action()).isEqualTo("vendor.nda_recorded");

            // --- contracts
            assertThat(c.get("/partners/contracts/new").body()).contains("丙セキュリティ株式会社", "value=\"code-a1\"", "value=\"A2\"");
            auditBefore = count(m, org);
            HttpResponse<String> badDates = c.postPairs("/partners/contracts", List.of(Map.entry("code", "K WEB"), Map.entry("title", ""),
                    Map.entry("vendor", "乙社"), Map.entry("kind", "maintenance"), Map.entry("status", "active"), Map.entry("startsOn", "2026-13-01"),
                    Map.entry("patchCapPerYear", "年4回")));
            assertThat(badDates.statusCode()).isEqualTo(400);
            assertThat(badDates.body()).contains("開始日 は YYYY-MM-DD", "パッチ上限は回数", "契約コードは英数字");
            HttpResponse<String> unknown = c.postPairs("/partners/contracts", List.of(Map.entry("code", "K-WEB"), Map.entry("title", "Web保守"),
                    Map.entry("vendor", "乙社"), Map.entry("kind", "maintenance"), Map.entry("status", "active"), Map.entry("assets", "no-such-asset"),
                    Map.entry("systems", "B1")));
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("資産が見つかりません", "no-such-asset", "情報システムが見つかりません", "B1")
                    .as("the choices are kept").contains("value=\"Web保守\"");
            assertThat(m.contracts().find(org, "K-WEB")).isEmpty();
            assertThat(count(m, org)).isEqualTo(auditBefore);

            HttpResponse<String> created = c.postPairs("/partners/contracts", List.of(Map.entry("code", "K-WEB"), Map.entry("title", "Web保守"),
                    Map.entry("vendor", "乙社"), Map.entry("kind", "operation"), Map.entry("status", "draft"), Map.entry("startsOn", "2026-04-01"),
                    Map.entry("endsOn", "2027-03-31"), Map.entry("renewalOn", "2027-01-31"), Map.entry("coversNetworkDevices", "on"),
                    Map.entry("patchCapPerYear", "6"), Map.entry("systems", "A2"), Map.entry("assets", "code-a1")));
            assertThat(created.statusCode()).isEqualTo(302);
            assertThat(HttpSessionClient.location(created)).isEqualTo("/partners/contracts/K-WEB");
            Contract k = m.contracts().require(org, "K-WEB");
            assertThat(k.kind().key()).isEqualTo("operation");
            assertThat(k.status().key()).isEqualTo("draft");
            assertThat(k.renewalOn()).hasToString("2027-01-31");
            assertThat(k.coversNetworkDevices()).isTrue();
            assertThat(k.patchCapPerYear()).isEqualTo(6);
            assertThat(k.systems()).containsExactly("A2");
            assertThat(k.assets()).containsExactly("code-a1");
            assertThat(last(m, org)).satisfies(e -> {
                assertThat(e.action()).isEqualTo("contract.saved");
                assertThat(e.actor()).isEqualTo(officer);
                assertThat(e.detail()).contains("status=draft", "patch_cap=6", "systems=[A2]", "assets=[code-a1]");
            });
            assertThat(c.get("/partners/contracts/K-WEB").body()).contains("契約を登録しました", "契約書は未登録です");
            HttpResponse<String> activated = c.postPairs("/partners/contracts/K-WEB/edit", List.of(Map.entry("title", "Web保守"),
                    Map.entry("vendor", "乙社"), Map.entry("kind", "operation"), Map.entry("status", "active"), Map.entry("systems", "A2")));
            assertThat(activated.statusCode()).isEqualTo(302);
            k = m.contracts().require(org, "K-WEB");
            assertThat(k.status().key()).isEqualTo("active");
            assertThat(k.assets()).as("unticked: no longer covered").isEmpty();
            assertThat(k.coversNetworkDevices()).isFalse();

            // --- the contract document
            Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
            hostile.put("契約書.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
            hostile.put("macro.xlsx", zip("[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin"));
            hostile.put("truncated.pdf", java.util.Arrays.copyOf(PDF, 20));
            Map<String, String> expected = Map.of("契約書.pdf", "PDF または Office 文書", "macro.xlsx", "マクロを含む Office 文書", "truncated.pdf", "途中で切れています");
            auditBefore = count(m, org);
            for (Map.Entry<String, byte[]> e : hostile.entrySet()) {
                c.get("/partners/contracts/K-WEB");
                HttpResponse<String> r = c.upload("/partners/contracts/K-WEB/document", e.getKey(), e.getValue());
                assertThat(r.statusCode()).isEqualTo(302);
                assertThat(c.get("/partners/contracts/K-WEB").body()).as(e.getKey()).contains("何も登録していません", expected.get(e.getKey()));
            }
            assertThat(m.contracts().require(org, "K-WEB").documentSha256()).isNull();
            assertThat(m.contracts().document(org, k.id())).isEmpty();
            assertThat(count(m, org)).isEqualTo(auditBefore);

            byte[] docx = zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
            c.get("/partners/contracts/K-WEB");
            HttpResponse<String> up = c.upload("/partners/contracts/K-WEB/document", "keiyaku.docx", docx);
            assertThat(up.statusCode()).isEqualTo(302);
            String sha = ContractDocument.sha256(docx);
            assertThat(c.get("/partners/contracts/K-WEB").body()).contains("契約書を登録しました", sha, "wordprocessingml");
            assertThat(m.contracts().require(org, "K-WEB").documentSha256()).isEqualTo(sha);
            HttpResponse<byte[]> download = c.getBytes("/partners/contracts/K-WEB/document");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(docx);
            assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
            assertThat(last(m, org)).satisfies(e -> {
                assertThat(e.action()).isEqualTo("contract.document_attached");
                assertThat(e.detail()).contains("sha256=" + sha);
            });

            // --- the dashboard API: the contract flags next to the urgent finding
            HttpSessionClient api = HttpSessionClient.api(base, f.tokens.get(Role.SECURITY_OFFICER));
            JsonNode dash = JSON.readTree(api.get("/api/v1/dashboard").body());
            JsonNode row = null;
            for (JsonNode u : dash.path("urgent")) if (u.toString().contains("code-a1")) row = u;
            assertThat(row).as("code-a1 is urgent").isNotNull();
            List<String> flags = new java.util.ArrayList<>();
            for (JsonNode x : row.path("contractFlags")) flags.add(x.path("flag").asText() + "@" + x.path("contractCode").asText());
            assertThat(flags).contains("patch-cap@K-A1");
            JsonNode cap = null;
            for (JsonNode x : row.path("contractFlags")) if (x.path("flag").asText().equals("patch-cap")) cap = x;
            assertThat(cap.path("vendorName").asText()).isEqualTo("甲社");
            assertThat(cap.path("ja").asText()).contains("甲社 の契約 K-A1", "上限");
            assertThat(cap.path("en").asText()).contains("caps the number of patches");
        } finally {
            context.close();
            f.db.close();
        }
    }

    static Map<String, String> form(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    static long count(Mamori m, long org) {
        return m.audit().list(org, false, null, 10_000).size();
    }

    static AuditEvent last(Mamori m, long org) {
        return m.audit().list(org, false, null, 1).get(0);
    }

    static byte[] zip(String... names) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write("<x/>".getBytes(StandardCharsets.US_ASCII));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
