package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.partners.ContractDocument;
import jp.mamori.security.Role;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The IR partners REST API (issue 14) as the security officer uses it: the partners list imported
 * whole (a list with bad rows, one over 2 MB and a PDF are refused with the reason in Japanese and
 * nothing written), a configuration share recorded with its package, due again once a boundary
 * device changes — said by the shares list, the contact API and the contact page — and drills.
 * Each change leaves the audit entry the CLI leaves. On H2 and PostgreSQL.
 */
class IrPartnersApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void importShareAndDrillThroughTheApi(Kind kind) throws Exception {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture(kind);
        ConfigurableApplicationContext context = MamoriWebApplication.start(f.db, "127.0.0.1", 0, f.dataDir);
        try {
            Mamori m = Mamori.open(f.db, Clock.systemUTC(), new MamoriSettings(f.dataDir, Map.of()));
            long org = f.orgA;
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpSessionClient api = HttpSessionClient.api(base, f.tokens.get(Role.SECURITY_OFFICER));
            String officer = f.usernames.get(Role.SECURITY_OFFICER);

            // bad uploads: nothing written, the reason in Japanese
            int vendors = m.vendors().list(org).size();
            long audits = PartnersFormsTest.count(m, org);
            byte[] bad = "事業者名,法人番号,サービス区分,連絡順\nK社,1234567890123,デジタルフォレンジック,1\nL社,,占い,一番\n,,,\n".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> r = api.upload("/api/v1/partners/import", "一覧.csv", bad);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            JsonNode problems = JSON.readTree(r.body()).path("problems");
            assertThat(problems).hasSize(3);
            assertThat(problems.get(0).asText()).startsWith("行 2").contains("法人番号ではありません");
            assertThat(problems.get(1).asText()).startsWith("行 3").contains("サービス区分");
            assertThat(problems.get(2).asText()).startsWith("行 3").contains("連絡順: '一番' は数字ではありません");
            r = api.upload("/api/v1/partners/import", "big.csv", new byte[2 * 1024 * 1024 + 1]);
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(r.body()).path("message").asText()).startsWith("big.csv: ファイルが大きすぎます（2MBまで）。何も登録していません");
            r = api.upload("/api/v1/partners/import", "サービスリスト.xlsx", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("message").asText())
                    .isEqualTo("サービスリスト.xlsx: 表ではありません（PDF ファイルです）。CSV（UTF-8・Shift_JIS）または .xlsx を指定してください"
                            + " / not a table (a PDF file): give a CSV (UTF-8, Shift_JIS) or an .xlsx file");
            r = api.upload("/api/v1/partners/import", "一覧.csv", new byte[0]);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("message").asText()).startsWith("IR事業者の一覧（CSV・.xlsx）を multipart の file で送ってください");
            assertThat(m.vendors().list(org)).as("no vendor from a refused file").hasSize(vendors);
            assertThat(m.vendors().find(org, "K社")).isEmpty();
            assertThat(PartnersFormsTest.count(m, org)).as("no audit entry for a refused file").isEqualTo(audits);

            // a good list: imported whole, audited as the CLI audits it
            byte[] good = "事業者名,サービス区分,登録番号,有効期限,24時間窓口,連絡順\nEフォレンジック株式会社,デジタルフォレンジック,DF-1,2027/12/31,0120-000-119,1\n"
                    .getBytes(StandardCharsets.UTF_8);
            r = api.upload("/api/v1/partners/import", "一覧.csv", good);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(JSON.readTree(r.body()).path("imported").asInt()).isEqualTo(1);
            assertThat(m.vendors().require(org, "Eフォレンジック株式会社").hotline()).isEqualTo("0120-000-119");
            assertThat(PartnersFormsTest.last(m, org)).satisfies(a -> {
                assertThat(a.action()).isEqualTo("vendor.partners_imported");
                assertThat(a.actor()).isEqualTo(officer);
                assertThat(a.detail()).contains("partners=1", "sha256=" + ContractDocument.sha256(good));
            });

            // a share: the package's JSON and .xlsx, the SHA-256 of the JSON recorded
            r = api.sendJson("POST", "/api/v1/partners/shares", "{\"vendor\": \"Eフォレンジック株式会社\", \"recipient\": \"鈴木\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            JsonNode share = JSON.readTree(r.body());
            String json = share.path("package").path("json").asText();
            assertThat(share.path("share").path("sha256").asText()).isEqualTo(ContractDocument.sha256(json.getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(share.path("package").path("sha256").asText());
            assertThat(share.path("share").path("nextDue").asText()).isEqualTo(m.today().plusDays(180).toString());
            assertThat(new String(Base64.getDecoder().decode(share.path("package").path("xlsx").asText()), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
            assertThat(JSON.readTree(json).path("systems").toString()).contains("MXA1-system").doesNotContain("MXB1");
            assertThat(PartnersFormsTest.last(m, org)).satisfies(a -> {
                assertThat(a.action()).isEqualTo("partner.configuration_shared");
                assertThat(a.detail()).contains("recipient=鈴木", "sha256=" + share.path("share").path("sha256").asText());
            });
            JsonNode latest = eShare(api);
            assertThat(latest.path("dueNow").asBoolean()).isFalse();
            assertThat(r = api.sendJson("POST", "/api/v1/partners/shares", "{\"vendor\": \"Eフォレンジック株式会社\", \"sharedOn\": \"2099-01-01\"}"))
                    .satisfies(x -> assertThat(x.statusCode()).isEqualTo(400));
            assertThat(JSON.readTree(r.body()).path("message").asText()).startsWith("共有日が未来です");

            // a boundary device added after the share: due again, on the shares list, the contact API and the contact page
            m.createAsset().run(PartnersContactAndImportTest.OFFICER, org, f.system.get(AuthorizationMatrixTest.Target.A1),
                    new jp.mamori.inventory.InventoryRepository.NewAsset("fw-new", "新ファイアウォール", jp.mamori.inventory.AssetKind.NETWORK_APPLIANCE,
                            null, null, null, null, jp.mamori.inventory.Exposure.OPEN, true, null));
            latest = eShare(api);
            assertThat(latest.path("dueNow").asBoolean()).isTrue();
            assertThat(latest.path("due").asText()).isEqualTo("今すぐ（共有後に境界装置が変更されました）");
            JsonNode contact = null;
            for (JsonNode x : JSON.readTree(api.get("/api/v1/partners/contact").body())) if (x.path("vendorName").asText().equals("Eフォレンジック株式会社")) contact = x;
            assertThat(contact).isNotNull();
            assertThat(contact.path("shareDueNow").asBoolean()).isTrue();
            assertThat(contact.path("shareDue").asText()).isEqualTo("今すぐ（共有後に境界装置が変更されました）");
            HttpSessionClient page = AuthorizationMatrixTest.signIn(base, f, Role.SECURITY_OFFICER);
            assertThat(PartnersContactAndImportTest.rowOf(page.get("/partners/contact").body(), "Eフォレンジック株式会社"))
                    .contains(m.today().toString(), "次回共有 今すぐ（共有後に境界装置が変更されました）");

            // shared again: current, the page shows the next due date instead
            assertThat(api.sendJson("POST", "/api/v1/partners/shares", "{\"vendor\": \"Eフォレンジック株式会社\"}").statusCode()).isEqualTo(201);
            assertThat(eShare(api).path("dueNow").asBoolean()).isFalse();
            assertThat(PartnersContactAndImportTest.rowOf(page.get("/partners/contact").body(), "Eフォレンジック株式会社"))
                    .doesNotContain("今すぐ").contains("次回 " + m.today().plusDays(180));

            // drills: recorded and listed; a bad date or a future one is refused and writes nothing
            audits = PartnersFormsTest.count(m, org);
            r = api.sendJson("POST", "/api/v1/partners/drills", "{\"date\": \"2026/11/01\", \"title\": \"机上訓練\"}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("message").asText()).startsWith("date は YYYY-MM-DD です");
            r = api.sendJson("POST", "/api/v1/partners/drills", "{\"date\": \"2099-11-01\", \"title\": \"机上訓練\"}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("message").asText()).startsWith("訓練日が未来です");
            r = api.sendJson("POST", "/api/v1/partners/drills", "{\"date\": \"2026-11-01\"}");
            assertThat(JSON.readTree(r.body()).path("message").asText()).startsWith("訓練名を指定してください");
            assertThat(PartnersFormsTest.count(m, org)).isEqualTo(audits);
            r = api.sendJson("POST", "/api/v1/partners/drills", "{\"date\": \"2026-11-01\", \"title\": \"机上訓練\", \"findings\": \"証拠保全の担当が未定\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            long id = JSON.readTree(r.body()).path("id").asLong();
            assertThat(PartnersFormsTest.last(m, org)).satisfies(a -> {
                assertThat(a.action()).isEqualTo("roles.drill_recorded");
                assertThat(a.target()).isEqualTo("drill:" + id);
            });
            JsonNode drills = JSON.readTree(api.get("/api/v1/partners/drills").body());
            assertThat(drills.get(0).path("title").asText()).isEqualTo("机上訓練");
            assertThat(drills.get(0).path("findings").asText()).isEqualTo("証拠保全の担当が未定");
            assertThat(drills.toString()).contains("MXA1-drill").doesNotContain("MXB1");
        } finally {
            context.close();
            f.db.close();
        }
    }

    static JsonNode eShare(HttpSessionClient api) throws Exception {
        HttpResponse<String> r = api.get("/api/v1/partners/shares");
        assertThat(r.statusCode()).isEqualTo(200);
        for (JsonNode x : JSON.readTree(r.body())) if (x.path("vendor").asText().equals("Eフォレンジック株式会社") && x.path("latest").asBoolean()) return x;
        throw new AssertionError("no share with E in " + r.body());
    }
}
