package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.audit.AuditEvent;
import jp.mamori.audit.AuditLog;
import jp.mamori.cli.MamoriMain;
import jp.mamori.detection.sample.SyntheticLogs;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import jp.mamori.security.ApiTokenStore;
import jp.mamori.security.Role;
import jp.mamori.security.SecretBox;
import jp.mamori.security.Totp;
import jp.mamori.security.UserAccount;
import jp.mamori.security.UserStore;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issue 15 on the web, on the demo's day of logs: the dashboard's 「不正アクセスの疑い」 card above the
 * findings, the same counts from the command line, the API and the pages, the incident page
 * (timeline with evidence file:line, affected user/addresses/assets/findings, checklist, IR partner),
 * the state change audited (and refused for a bad state and for the auditor, nothing changed), and
 * the timeline export.
 */
class DetectionWebTest {

    static final String PASSWORD = "Detection-Web-Test-2026!";
    static final ObjectMapper JSON = new ObjectMapper();

    static Path dataDir;
    static Database db;
    static ConfigurableApplicationContext context;
    static String base;
    static String officerToken;
    static HttpSessionClient officer;
    static HttpSessionClient auditor;
    static long orgId;
    static final String DEMO_ORG = "999999";
    static JsonNode cliIncidents;
    static JsonNode cliDetections;

    static String cli(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = MamoriMain.run(args);
        } finally {
            System.setOut(out);
        }
        assertThat(code).as(buf.toString(StandardCharsets.UTF_8)).isZero();
        return buf.toString(StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("mamori-detection-web-");
        assertThat(MamoriMain.run("demo", "--no-serve", "--data", dataDir.toString())).isZero();
        cliIncidents = JSON.readTree(cli("incidents", "list", "--format", "json", "--org", DEMO_ORG, "--data", dataDir.toString()));
        cliDetections = JSON.readTree(cli("detections", "list", "--format", "json", "--org", DEMO_ORG, "--data", dataDir.toString()));
        db = Database.open(DatabaseSettings.embedded(dataDir));
        // the demo also loads the prefecture's story (a prefecture and a town): the municipality with the incidents is 999999
        orgId = new InventoryRepository(db.dataSource()).findOrganization(DEMO_ORG).orElseThrow().id();
        AuditLog audit = new AuditLog(db.dataSource());
        UserStore users = new UserStore(db.dataSource(), audit, SecretBox.load(dataDir, Map.of()), new BCryptPasswordEncoder(4), java.time.Clock.systemUTC());
        context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        officer = signIn(users, new UserStore.NewUser("det-officer", "検知 担当", Role.SECURITY_OFFICER, orgId, null, null, false));
        auditor = signIn(users, new UserStore.NewUser("det-auditor", null, Role.AUDITOR, orgId, null, null, false));
        UserAccount o = users.find("det-officer").orElseThrow();
        officerToken = new ApiTokenStore(db.dataSource(), audit).issue(o, "detection", List.of("read", "write"), 1, "test").secret();
    }

    static HttpSessionClient signIn(UserStore users, UserStore.NewUser n) throws Exception {
        UserStore.Created c = users.create(n, "test");
        users.changePassword(c.user().id(), c.oneTimePassword(), PASSWORD);
        UserAccount u = users.findById(c.user().id()).orElseThrow();
        String secret = null;
        if (u.needsTotp()) {
            secret = Totp.newSecret();
            users.enrolTotp(u.id(), secret, Totp.code(secret, Totp.step(Instant.now()) - 1));
        }
        HttpSessionClient b = HttpSessionClient.browser(base);
        b.get("/login");
        HttpResponse<String> r = b.postForm("/login", Map.of("username", n.username(), "password", PASSWORD));
        if (secret != null) {
            b.get("/login/totp");
            r = b.postForm("/login/totp", Map.of("code", Totp.code(secret, Totp.step(Instant.now()))));
        }
        assertThat(HttpSessionClient.location(r)).isEqualTo("/");
        return b;
    }

    @AfterAll
    static void stop() {
        if (context != null) context.close();
        if (db != null) db.close();
    }

    static int count(String body, String attribute) {
        Matcher m = Pattern.compile(attribute + "=\"\\d+\"").matcher(body);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    static long incidentOf(String user) throws Exception {
        for (JsonNode i : cliIncidents) if (i.path("users").get(0).asText().equals(user)) return i.path("id").asLong();
        throw new AssertionError("no incident for " + user);
    }

    @Test
    void theCommandLineTheApiAndThePagesCountTheSameThreeIncidents() throws Exception {
        HttpSessionClient api = HttpSessionClient.api(base, officerToken);
        JsonNode incidents = JSON.readTree(api.get("/api/v1/incidents").body());
        JsonNode detections = JSON.readTree(api.get("/api/v1/detections").body());
        assertThat(cliIncidents.size()).isEqualTo(3);
        assertThat(incidents.size()).isEqualTo(cliIncidents.size());
        assertThat(detections.size()).isEqualTo(cliDetections.size()).isPositive();
        TreeSet<String> users = new TreeSet<>();
        for (JsonNode i : incidents) {
            users.add(i.path("users").get(0).asText());
            for (String field : List.of("id", "users", "detections", "assets", "findings", "state", "opened")) assertThat(i.has(field)).as(field).isTrue();
            assertThat(i.path("assets").toString()).isEqualTo("[\"vpn-gw-01\"]");
            assertThat(i.path("vulnerabilities").toString()).contains("CVE-2023-4966");
            assertThat(i.path("findings").size()).isEqualTo(1);
        }
        assertThat(users).containsExactlyInAnyOrderElementsOf(SyntheticLogs.HIJACKED);
        JsonNode d = detections.get(0);
        for (String field : List.of("id", "category", "rule", "severity", "at", "asset", "user", "sessionId", "sourceIps", "destination", "bytesOut",
                "evidence", "incident")) {
            assertThat(d.has(field)).as(field).isTrue();
        }

        String page = officer.get("/incidents").body();
        assertThat(count(page, "data-incident")).isEqualTo(3);
        assertThat(page).contains("3 件のインシデント（対応中 3 件）");
        assertThat(count(officer.get("/detections").body(), "data-detection")).isEqualTo(detections.size());

        // the dashboard says so above the findings
        String dash = officer.get("/").body();
        assertThat(dash).contains("id=\"incident-card\"", "不正アクセスの疑い", "対応中のインシデントが 3 件あります");
        assertThat(dash.indexOf("id=\"incident-card\"")).isLessThan(dash.indexOf("id=\"urgent\""));
        assertThat(JSON.readTree(api.get("/api/v1/dashboard").body()).path("counts").path("openIncidents").asLong()).isEqualTo(3);
    }

    @Test
    void theIncidentPageShowsTheTimelineWithEvidenceTheAffectedAndTheChecklist() throws Exception {
        long id = incidentOf("sato.yuki");
        String page = officer.get("/incidents/" + id).body();
        assertThat(page).contains("インシデント #" + id, "sato.yuki", "203.0.113.203", "CVE-2023-4966", "対応中");
        assertThat(page).containsPattern("ns-20261124\\.log:\\d+").containsPattern("squid-access-20261124\\.log:\\d+");
        assertThat(page).contains("session-ip-drift", "vdi-launch-from-new-address", "storage-upload-volume");
        assertThat(page).contains("ゲートウェイの全セッションを切断する", "パスワードと多要素認証を再設定する");
        assertThat(page).containsPattern("href=\"/assets/\\d+\">vpn-gw-01</a>").containsPattern("href=\"/findings/\\d+\">#\\d+</a>");
        assertThat(page).contains("Eフォレンジック株式会社", "href=\"/partners/contact\"");
        assertThat(page).contains("incident.opened");
        String en = officer.get("/incidents/" + id + "?lang=en").body();
        assertThat(en).contains("Post-compromise checklist", "Revoke every session on the gateway");
        officer.get("/incidents/" + id + "?lang=ja");

        HttpResponse<byte[]> x = officer.getBytes("/incidents/" + id + "/timeline.xlsx");
        assertThat(x.statusCode()).isEqualTo(200);
        JsonNode detail = JSON.readTree(HttpSessionClient.api(base, officerToken).get("/api/v1/incidents/" + id).body());
        int timeline = detail.path("timeline").size();
        assertThat(timeline).isGreaterThanOrEqualTo(3);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            Sheet s = wb.getSheet("時系列");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("インシデント #" + id, "sato.yuki");
            assertThat(s.getLastRowNum() - 3).isEqualTo(timeline);
            assertThat(wb.getSheet("根拠").getRow(1).getCell(2).getStringCellValue()).matches("(ns|squid-access)-20261124\\.log");
        }
        HttpResponse<byte[]> csv = officer.getBytes("/incidents/" + id + "/timeline.csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF日時（日本時間）,重要度,分類,規則");
        assertThat(text).contains("sato.yuki");
    }

    @Test
    void theOfficerContainsAnIncidentAuditedWhileABadStateAndTheAuditorChangeNothing() throws Exception {
        long id = incidentOf("tanaka.ichiro");
        AuditLog audit = new AuditLog(db.dataSource());
        int before = audit.forTarget(orgId, "incident:" + id, 100).size();

        officer.get("/incidents/" + id);
        HttpResponse<String> bad = officer.postForm("/incidents/" + id + "/state", Map.of("state", "hacked"));
        assertThat(HttpSessionClient.location(bad)).isEqualTo("/incidents/" + id);
        assertThat(officer.get("/incidents/" + id).body()).contains("状態が不正です");
        auditor.get("/incidents/" + id);
        HttpResponse<String> refused = auditor.postForm("/incidents/" + id + "/state", Map.of("state", "closed"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(audit.forTarget(orgId, "incident:" + id, 100)).hasSize(before);

        officer.get("/incidents/" + id);
        HttpResponse<String> r = officer.postForm("/incidents/" + id + "/state", Map.of("state", "contained", "note", "全セッション切断済み"));
        assertThat(HttpSessionClient.location(r)).isEqualTo("/incidents/" + id);
        String page = officer.get("/incidents/" + id).body();
        assertThat(page).contains("状態を「対応中」から「封じ込め済み」に変更しました").containsPattern("id=\"incident-state\"[^>]*>封じ込め済み<");
        List<AuditEvent> after = audit.forTarget(orgId, "incident:" + id, 100);
        assertThat(after).hasSize(before + 1);
        AuditEvent e = after.get(after.size() - 1);
        assertThat(e.action()).isEqualTo("incident.state_changed");
        assertThat(e.actor()).contains("det-officer");
        assertThat(e.detail()).contains("open->contained", "全セッション切断済み");
        assertThat(page).contains("incident.state_changed");

        // the API sees the same, and its own change is audited too
        HttpSessionClient api = HttpSessionClient.api(base, officerToken);
        HttpResponse<String> apiBad = api.sendJson("POST", "/api/v1/incidents/" + id + "/state", "{\"state\": \"done\"}");
        assertThat(apiBad.statusCode()).isEqualTo(400);
        assertThat(apiBad.body()).contains("状態が不正です");
        HttpResponse<String> closed = api.sendJson("POST", "/api/v1/incidents/" + id + "/state", "{\"state\": \"closed\", \"note\": \"調査完了\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(closed.body()).contains("\"from\":\"contained\"", "\"to\":\"closed\"");
        JsonNode history = JSON.readTree(api.get("/api/v1/incidents/" + id).body()).path("history");
        List<String> actions = new ArrayList<>();
        history.forEach(h -> actions.add(h.path("action").asText() + " " + h.path("detail").asText()));
        assertThat(actions).anyMatch(a -> a.contains("contained->closed"));
        assertThat(audit.forTarget(orgId, "incident:" + id, 100)).hasSize(before + 2);
        assertThat(JSON.readTree(api.get("/api/v1/dashboard").body()).path("counts").path("openIncidents").asLong()).isEqualTo(2);
        // and back, so that the other tests see three open incidents whatever their order
        assertThat(api.sendJson("POST", "/api/v1/incidents/" + id + "/state", "{\"state\": \"open\"}").statusCode()).isEqualTo(200);
    }

    static JsonNode boundaryFinding(HttpSessionClient api, String asset, String vuln) throws Exception {
        JsonNode items = JSON.readTree(api.get("/api/v1/findings?boundary=true&state=all&size=200").body()).path("items");
        for (JsonNode f : items) if (f.path("asset").path("code").asText().equals(asset) && (vuln == null || vuln.equals(f.path("vulnId").asText()))) return f;
        throw new AssertionError("no boundary finding on " + asset + ": " + items);
    }

    /** Issue 12: the deadline's basis has one home — the CLI, the API and the page say the same words for the gateway. */
    @Test
    void theCliTheApiAndThePageGiveTheSameDeadlineBasisAndNextAction() throws Exception {
        HttpSessionClient api = HttpSessionClient.api(base, officerToken);
        long id = boundaryFinding(api, "vpn-gw-01", "CVE-2023-4966").path("id").asLong();
        JsonNode fromApi = JSON.readTree(api.get("/api/v1/findings/" + id).body());
        JsonNode fromCli = JSON.readTree(cli("findings", "show", String.valueOf(id), "--format", "json", "--org", DEMO_ORG, "--data", dataDir.toString()));
        JsonNode reason = fromApi.path("deadlineReason");
        assertThat(reason.path("kind").asText()).as("the demo's mitigate-now decision set the date").isEqualTo("decision");
        assertThat(reason.path("setBy").asText()).isEqualTo("mamori-demo");
        assertThat(reason.path("kevPassedBeforeDetection").asBoolean()).isTrue();
        assertThat(reason.path("ja").asText()).startsWith(fromApi.path("due").asText() + "：対応判断のパッチ期限（mamori-demo が ")
                .endsWith("CISA KEV期限 2023-11-08 は検出前に経過（参考）");
        assertThat(fromCli.path("deadlineReason").path("ja").asText()).isEqualTo(reason.path("ja").asText());
        assertThat(fromCli.path("deadlineReason").path("en").asText()).isEqualTo(reason.path("en").asText());
        assertThat(fromCli.path("nextAction").path("ja").asText()).isEqualTo(fromApi.path("nextAction").path("ja").asText())
                .startsWith("回避策・確認項目を完了してください");
        String page = officer.get("/findings/" + id).body();
        assertThat(page).contains(reason.path("basisJa").asText(), "CISA KEV期限 2023-11-08 は検出前に経過（参考）",
                fromApi.path("nextAction").path("ja").asText(), fromApi.path("stateJa").asText());
    }

    @Test
    void theFindingPageSaysWhetherTheDevicesLogsShowTracesOfAttackAndForWhichPeriod() throws Exception {
        HttpSessionClient api = HttpSessionClient.api(base, officerToken);
        // the gateway: its log of 2026-11-24 shows the hijacks; CVE-2023-4966 was published in 2023, so the years between are unchecked
        JsonNode gw = boundaryFinding(api, "vpn-gw-01", "CVE-2023-4966");
        long id = gw.path("id").asLong();
        JsonNode t = JSON.readTree(api.get("/api/v1/findings/" + id).body()).path("attackTraces");
        assertThat(t.path("status").asText()).isEqualTo("found");
        assertThat(t.path("since").asText()).startsWith("2023-10-");
        assertThat(t.path("coveredFrom").asText()).startsWith("2026-11-24T");
        assertThat(t.path("gap").asBoolean()).isTrue();
        assertThat(t.path("detections").size()).isGreaterThanOrEqualTo(3);
        String page = officer.get("/findings/" + id).body();
        assertThat(page).contains("攻撃の痕跡：", "data-status=\"found\"", "あり", "確認した期間：2026-11-24", "までのログは取り込まれておらず、未確認です");
        assertThat(page).containsPattern("href=\"/incidents/\\d+\">インシデント #\\d+</a>");

        // the firewall: no log of it yet — 「ログなし」, never 「なし」
        JsonNode fw = boundaryFinding(api, "fw-01", null);
        long fid = fw.path("id").asLong();
        assertThat(JSON.readTree(api.get("/api/v1/findings/" + fid).body()).path("attackTraces").path("status").asText()).isEqualTo("no-logs");
        assertThat(officer.get("/findings/" + fid).body()).contains("data-status=\"no-logs\"", "ログなし", "痕跡の有無は判断できません");

        // an ordinary day of its log: 「なし」 with the period the log covers
        Path log = dataDir.resolve("fw-clean.log");
        Files.writeString(log, String.join("\n",
                "<134> 11/25/2026:00:00:00 GMT ns01 0-PPE-0 : default SSLVPN LOGIN 1 0 : Context kato@198.51.100.40 - SessionId: 9001 - User kato - Client_ip 198.51.100.40"
                        + " - Nat_ip \"Mapped Ip\" - Browser_type \"Mozilla/5.0\" - Group(s) \"STAFF\"",
                "<134> 11/25/2026:03:00:00 GMT ns01 0-PPE-0 : default SSLVPN TCPCONNSTAT 2 0 : Context kato@198.51.100.40 - SessionId: 9001 - User kato"
                        + " - Client_ip 198.51.100.40 - Nat_ip 192.0.2.20 - Source 198.51.100.40:4000 - Destination 10.20.0.5:2598 - Total_bytes_send 1"
                        + " - Total_bytes_recv 2") + "\n");
        jp.mamori.app.Mamori.open(db, java.time.Clock.systemUTC(), new jp.mamori.app.MamoriSettings(dataDir, Map.of())).importLogs().run(
                jp.mamori.app.Actor.cli("test", "test"), orgId, List.of(new jp.mamori.app.detection.ImportLogs.Input(log, "fw-clean.log")),
                new jp.mamori.app.detection.ImportLogs.Options(null, null, null, "fw-01"));
        JsonNode none = JSON.readTree(api.get("/api/v1/findings/" + fid).body()).path("attackTraces");
        assertThat(none.path("status").asText()).isEqualTo("none");
        assertThat(none.path("coveredFrom").asText()).isEqualTo("2026-11-25T09:00:00+09:00");
        assertThat(none.path("coveredTo").asText()).isEqualTo("2026-11-25T12:00:00+09:00");
        assertThat(none.path("logFiles").asInt()).isEqualTo(1);
        assertThat(officer.get("/findings/" + fid).body()).contains("data-status=\"none\"", "確認した期間：2026-11-25 09:00 +09:00 〜 2026-11-25 12:00 +09:00（ログ 1 ファイル）");
    }
}
