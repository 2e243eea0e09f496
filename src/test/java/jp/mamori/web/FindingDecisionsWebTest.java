package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.advisory.store.FeedFileImporter;
import jp.mamori.remediation.InventoryAssessment;
import jp.mamori.audit.AuditEvent;
import jp.mamori.audit.AuditLog;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.SbomStore;
import jp.mamori.inventory.Segment;
import jp.mamori.inventory.sbom.SbomReader;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.security.ApiTokenStore;
import jp.mamori.security.Role;
import jp.mamori.security.SecretBox;
import jp.mamori.security.Totp;
import jp.mamori.security.UserAccount;
import jp.mamori.security.UserStore;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.triage.policy.TriagePolicy;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The remediation workflow through the web: a decision recorded with the page form and with the
 * API changes the state and shows in the history; a risk acceptance without a security officer's
 * approval is refused with the core's message; mitigation items are updated; the Excel export and
 * the VEX carry the decision; hostile reasons are shown as text; every write is audited.
 */
class FindingDecisionsWebTest {

    static final String PASSWORD = "Decisions-Web-Test-2026!";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HOSTILE = "<script>alert('reason')</script><b>太字</b>";

    private static Database db;
    private static ConfigurableApplicationContext context;
    private static String base;
    private static long orgId;
    private static long assetId;
    private static long findingId;
    private static long vendorFindingId;
    private static String sysadminToken;
    private static String vendorToken;
    private static HttpSessionClient officer;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Files.createTempDirectory("mamori-decisions-");
        db = Database.open(TestDatabases.h2());
        Clock clock = Clock.systemUTC();
        Path feeds = dataDir.resolve("feeds");
        Files.createDirectories(feeds);
        for (String f : List.of("GHSA-jfh8-c2jp-5v3q.json", "GHSA-35jh-r3h4-6jhm.json")) {
            try (InputStream in = FindingDecisionsWebTest.class.getResourceAsStream("/demo/feeds/osv/" + f)) {
                Files.copy(in, feeds.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(new FeedFileImporter(db, clock, null).importPaths(List.of(feeds), null, false).failed()).isFalse();
        InventoryRepository inv = new InventoryRepository(db.dataSource());
        orgId = inv.createOrganization("012033", "A市", "municipality").id();
        long sys = inv.createSystem(orgId, "S1", "テレワーク基盤", Segment.INTERNET, new Importance("3A", "2", "2"), null, null, List.of("甲社")).id();
        byte[] bom = ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1, \"components\": [" + WebPagesAndApiTest.LOG4J + "]}")
                .getBytes(StandardCharsets.UTF_8);
        InventoryAssessment assessment = new InventoryAssessment(db, clock, TriagePolicy.defaults());
        List<Long> findings = new ArrayList<>();
        for (String code : List.of("gw-01", "ap-01")) {
            Asset a = inv.createAsset(orgId, sys, new InventoryRepository.NewAsset(code, code + "-asset", AssetKind.SERVER, null, null, null, null,
                    Exposure.OPEN, code.startsWith("gw"), "甲社"));
            new SbomStore(db).add(orgId, a, new SbomReader().read(bom, code + ".cdx.json"), code + ".cdx.json", "0".repeat(64), null, "setup", clock.instant());
            assessment.assessAsset(orgId, a.id(), "setup");
            findings.add(new FindingQuery(db.dataSource()).list(orgId, FindingQuery.Filter.all(), 10, 0).stream()
                    .filter(r -> r.assetId() == a.id()).findFirst().orElseThrow().id());
            if (code.startsWith("gw")) assetId = a.id();
        }
        findingId = findings.get(0);
        vendorFindingId = findings.get(1);
        AuditLog audit = new AuditLog(db.dataSource());
        UserStore users = new UserStore(db.dataSource(), audit, SecretBox.load(dataDir, System.getenv()), new BCryptPasswordEncoder(4), clock);
        ApiTokenStore tokens = new ApiTokenStore(db.dataSource(), audit);
        String officerSecret = null;
        for (UserStore.NewUser nu : List.of(new UserStore.NewUser("officer", "情報 太郎", Role.SECURITY_OFFICER, orgId, null, null, true),
                new UserStore.NewUser("sysadmin", null, Role.SYSTEM_ADMIN, orgId, Set.of(sys), null, false),
                new UserStore.NewUser("vendor", null, Role.VENDOR, orgId, null, "甲社", false))) {
            UserStore.Created c = users.create(nu, "test");
            users.changePassword(c.user().id(), c.oneTimePassword(), PASSWORD);
            UserAccount u = users.findById(c.user().id()).orElseThrow();
            if (u.needsTotp()) {
                String secret = Totp.newSecret();
                users.enrolTotp(u.id(), secret, Totp.code(secret, Totp.step(Instant.now()) - 1));
                officerSecret = secret;
            }
            String token = tokens.issue(users.findById(u.id()).orElseThrow(), "test", List.of("read", "write"), 1, "test").secret();
            if (nu.username().equals("sysadmin")) sysadminToken = token;
            if (nu.username().equals("vendor")) vendorToken = token;
        }
        context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        officer = HttpSessionClient.browser(base);
        officer.get("/login");
        HttpResponse<String> r = officer.postForm("/login", Map.of("username", "officer", "password", PASSWORD));
        if ("/login/totp".equals(HttpSessionClient.location(r))) {
            officer.get("/login/totp");
            r = officer.postForm("/login/totp", Map.of("code", Totp.code(officerSecret, Totp.step(Instant.now()))));
        }
        assertThat(HttpSessionClient.location(r)).isEqualTo("/");
    }

    @AfterAll
    static void stop() {
        if (context != null) context.close();
        if (db != null) db.close();
    }

    static String inDays(int days) {
        return LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(days).toString();
    }

    static JsonNode decisionOf(long id) throws Exception {
        HttpResponse<String> r = HttpSessionClient.api(base, sysadminToken).get("/api/v1/findings/" + id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("decision");
    }

    static List<String> auditActions() {
        return new AuditLog(db.dataSource()).list(orgId, false, null, 1000).stream().map(AuditEvent::action).toList();
    }

    @Test
    void mitigateWithThePageFormThenPatchByADateWithTheApiChangesTheStateAndKeepsTheHistory() throws Exception {
        // the finding page offers the form (with the CSRF token) to the security officer
        String html = officer.get("/findings/" + findingId).body();
        assertThat(html).contains("id=\"decision\"", "判断を記録する", "name=\"_csrf\"", "value=\"mitigate\"", "value=\"accept\"");
        HttpResponse<String> r = officer.postForm("/findings/" + findingId + "/decision", Map.of("action", "mitigate",
                "reason", "WAFで遮断、パッチは次回保守で", "until", inDays(14)));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(HttpSessionClient.location(r)).isEqualTo("/findings/" + findingId + "#decision");
        html = officer.get("/findings/" + findingId).body();
        assertThat(html).contains("判断を記録しました", "回避策を適用", "WAFで遮断、パッチは次回保守で", inDays(14));
        JsonNode d = decisionOf(findingId);
        assertThat(d.path("state").path("key").asText()).as("planned until the checklist is done").isEqualTo("mitigation_planned");
        assertThat(d.path("current").path("action").asText()).isEqualTo("mitigate");
        assertThat(d.path("current").path("actor").asText()).isEqualTo("officer");
        // an internet-boundary device gets the post-compromise checklist
        assertThat(d.path("mitigations").size()).isPositive();

        // then patch by a date, through the API (the system administrator of the system)
        r = HttpSessionClient.api(base, sysadminToken).sendJson("POST", "/api/v1/findings/" + findingId + "/decision",
                "{\"action\": \"patch\", \"reason\": \"2.17.1 へ更新\", \"until\": \"" + inDays(30) + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("from").asText()).isEqualTo("mitigation_planned");
        assertThat(body.path("to").asText()).isEqualTo("patch_scheduled");
        d = decisionOf(findingId);
        assertThat(d.path("state").path("key").asText()).isEqualTo("patch_scheduled");
        assertThat(d.path("current").path("until").asText()).isEqualTo(inDays(30));
        assertThat(d.path("history").size()).isEqualTo(2);
        assertThat(d.path("history").get(0).path("action").asText()).isEqualTo("patch");
        assertThat(d.path("history").get(1).path("action").asText()).isEqualTo("mitigate");
        assertThat(d.path("history").get(1).path("current").asBoolean()).isFalse();
        assertThat(officer.get("/findings/" + findingId).body()).contains("判断の履歴", "2.17.1 へ更新", "WAFで遮断、パッチは次回保守で", "パッチ適用予定");
        assertThat(auditActions()).contains("finding.decided");

        // a mitigation item: the page form and the API
        long item = d.path("mitigations").get(0).path("id").asLong();
        officer.get("/findings/" + findingId);
        r = officer.postForm("/findings/" + findingId + "/mitigations/" + item, Map.of("status", "doing", "owner", "情報政策課", "reviewDate", inDays(7)));
        assertThat(r.statusCode()).isEqualTo(302);
        JsonNode m = decisionOf(findingId).path("mitigations").get(0);
        assertThat(m.path("status").asText()).isEqualTo("doing");
        assertThat(m.path("owner").asText()).isEqualTo("情報政策課");
        assertThat(m.path("reviewDate").asText()).isEqualTo(inDays(7));
        r = HttpSessionClient.api(base, sysadminToken).sendJson("PATCH", "/api/v1/findings/" + findingId + "/mitigations/" + item, "{\"status\": \"done\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("status").asText()).isEqualTo("done");
        assertThat(JSON.readTree(r.body()).path("owner").asText()).isEqualTo("情報政策課");
        assertThat(auditActions()).contains("finding.mitigation_updated");
        r = HttpSessionClient.api(base, sysadminToken).sendJson("PATCH", "/api/v1/findings/" + findingId + "/mitigations/" + item, "{\"status\": \"sideways\"}");
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void riskAcceptanceWithoutASecurityOfficersApprovalIsRefusedWithTheReason() throws Exception {
        HttpSessionClient api = HttpSessionClient.api(base, sysadminToken);
        String url = "/api/v1/findings/" + vendorFindingId + "/decision";
        HttpResponse<String> r = api.sendJson("POST", url, "{\"action\": \"accept\", \"reason\": \"更改まで\", \"until\": \"" + inDays(60) + "\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("message").asText()).contains("リスク受容には情報セキュリティ担当の承認が必要です",
                "a risk acceptance needs the approval of a security officer");
        r = api.sendJson("POST", url, "{\"action\": \"accept\", \"reason\": \"更改まで\", \"until\": \"" + inDays(60) + "\", \"approver\": \"sysadmin\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("message").asText()).contains("情報セキュリティ担当ではありません");
        r = api.sendJson("POST", url, "{\"action\": \"not-affected\", \"reason\": \"使っていない\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("message").asText()).contains("VEX");
        r = api.sendJson("POST", url, "{\"action\": \"sideways\", \"reason\": \"x\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        r = api.sendJson("POST", url, "{\"action\": ");
        assertThat(r.statusCode()).isEqualTo(400);
        // a vendor records patch work on its own asset, but does not accept risks
        HttpSessionClient vendor = HttpSessionClient.api(base, vendorToken);
        r = vendor.sendJson("POST", url, "{\"action\": \"accept\", \"reason\": \"x\", \"until\": \"" + inDays(60) + "\", \"approver\": \"officer\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        for (JsonNode h : decisionOf(vendorFindingId).path("history")) assertThat(h.path("actor").asText() + " " + h.path("action").asText()).isNotEqualTo("vendor accept");
        // the page shows the same refusal as a message and keeps what was typed
        officer.get("/findings/" + vendorFindingId);
        r = officer.postForm("/findings/" + vendorFindingId + "/decision", Map.of("action", "accept", "reason", "理由を残す", "until", inDays(400)));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(officer.get("/findings/" + vendorFindingId).body()).contains("記録できませんでした", "リスク受容の期限は1年以内にしてください", "理由を残す");
        // naming the officer makes it wait for the officer (issue 18.5); the officer's approval on the page records it
        r = api.sendJson("POST", url, "{\"action\": \"accept\", \"reason\": \"更改まで\", \"until\": \"" + inDays(60) + "\", \"approver\": \"officer\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long request = JSON.readTree(r.body()).path("pendingApproval").asLong();
        assertThat(decisionOf(vendorFindingId).path("current").path("action").asText()).isNotEqualTo("accept");
        assertThat(officer.get("/findings/" + vendorFindingId).body()).contains("承認待ちのリスク受容", "承認する");
        r = officer.postForm("/approvals/" + request + "/approve", Map.of());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(officer.get("/findings/" + vendorFindingId).body()).contains("リスク受容を承認しました");
        assertThat(decisionOf(vendorFindingId).path("current").path("approver").asText()).isEqualTo("officer");
        assertThat(decisionOf(vendorFindingId).path("current").path("actor").asText()).isEqualTo("sysadmin");
    }

    @Test
    void hostileReasonsAreShownAsTextAndTheExportsCarryTheDecision() throws Exception {
        HttpResponse<String> r = HttpSessionClient.api(base, vendorToken).sendJson("POST", "/api/v1/findings/" + vendorFindingId + "/decision",
                "{\"action\": \"mitigate\", \"reason\": " + JSON.writeValueAsString(HOSTILE) + ", \"until\": \"" + inDays(20) + "\"}");
        // the other test may have accepted the risk already: mitigate is allowed from there too
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        HttpResponse<String> page = officer.get("/findings/" + vendorFindingId);
        assertThat(page.body()).contains("&lt;script&gt;alert(&#39;reason&#39;)&lt;/script&gt;&lt;b&gt;太字&lt;/b&gt;")
                .doesNotContain("<script>alert", "<b>太字").doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain(" style=");

        // the findings list links to the Excel export
        assertThat(officer.get("/findings").body()).contains("Excel出力", "/api/v1/findings/export?format=xlsx");
        HttpResponse<byte[]> x = officer.getBytes("/api/v1/findings/export?format=xlsx");
        assertThat(x.statusCode()).isEqualTo(200);
        assertThat(x.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment").contains(".xlsx");
        boolean found = false;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            Sheet s = wb.getSheet("対応判断");
            assertThat(s).isNotNull();
            for (Row row : s) for (Cell c : row) if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && c.getStringCellValue().equals(HOSTILE)) found = true;
            assertThat(wb.getSheet("検出").getPhysicalNumberOfRows()).isEqualTo(3);
        }
        assertThat(found).as("the decision's reason in the 対応判断 sheet").isTrue();
        HttpResponse<byte[]> csv = HttpSessionClient.api(base, sysadminToken).getBytes("/api/v1/findings/export?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("\uFEFF").contains(HOSTILE);
        assertThat(HttpSessionClient.api(base, sysadminToken).get("/api/v1/findings/export?format=pdf").statusCode()).isEqualTo(400);

        // the asset's decisions as VEX
        HttpResponse<String> vex = HttpSessionClient.api(base, sysadminToken).get("/api/v1/assets/" + assetId + "/vex?format=openvex");
        assertThat(vex.statusCode()).isEqualTo(200);
        assertThat(vex.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");
        assertThat(JSON.readTree(vex.body()).path("statements").get(0).path("vulnerability").toString()).contains("CVE-2021-44228");
        vex = HttpSessionClient.api(base, sysadminToken).get("/api/v1/assets/" + assetId + "/vex?format=cyclonedx");
        assertThat(vex.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(vex.body()).path("bomFormat").asText()).isEqualTo("CycloneDX");
    }
}
