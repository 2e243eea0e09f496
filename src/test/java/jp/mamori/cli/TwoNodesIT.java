package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.mamori.bench.SyntheticFeeds;
import jp.mamori.persistence.DatabaseSettings;
import jp.mamori.testsupport.CliProcess;
import jp.mamori.testsupport.CliProcess.Result;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two real {@code mamori serve} processes on one PostgreSQL database behind an imaginary load
 * balancer (one cookie jar, two ports): a session begun on one node continues on the other, an
 * SBOM uploaded on one shows its findings on the other, the daily run both nodes schedule runs
 * once (one e-mail), and a node killed in the middle of an import has its job finished by the
 * other node with the database consistent (ADR 0016).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static GreenMail smtp;
    private static DatabaseSettings pg;
    private static Map<String, String> env;
    private static Path dir;
    private static int mailsAfterDemo;
    private static String jukiPassword;
    private static final Node[] nodes = new Node[2];
    private static final CookieManager cookies = new CookieManager();
    private static final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    private static String csrf;

    record Node(String id, int port, Process process, Path log) {
        String base() {
            return "http://127.0.0.1:" + port;
        }
    }

    @BeforeAll
    static void twoNodes() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        pg = TestDatabases.postgres();
        dir = Files.createTempDirectory("mamori-two-nodes-");
        env = new HashMap<>(Map.of("MAMORI_DB_URL", pg.url(), "MAMORI_DB_USER", pg.user(), "MAMORI_DB_PASSWORD", pg.password(),
                "MAMORI_SMTP_HOST", "127.0.0.1", "MAMORI_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "MAMORI_SMTP_FROM", "mamori@city.moriri.example", "MAMORI_SECRET_KEY", "dHdvLW5vZGVzLXRlc3Qta2V5LTMyLWJ5dGVzLW9rISE="));
        Result demo = CliProcess.run(env, null, "demo", "--no-serve", "--data", dir.resolve("cli").toString());
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        Matcher m = Pattern.compile("juki-admin\\s*\\|?\\s*SYSTEM_ADMIN\\s*\\|?\\s*(\\S+)").matcher(demo.stdout());
        assertThat(m.find()).as(demo.stdout()).isTrue();
        jukiPassword = m.group(1);
        Result asset = CliProcess.run(env, null, "asset", "create", "--org", "999999", "--system", "juki", "--code", "juki-batch-01",
                "--name", "住民記録 バッチサーバ", "--kind", "server", "--exposure", "small", "--data", dir.resolve("cli").toString());
        assertThat(asset.exitCode()).as(asset.toString()).isZero();
        mailsAfterDemo = smtp.getReceivedMessages().length;

        // both nodes schedule the daily run for "now" (Asia/Tokyo): each asks for it as it starts
        String at = LocalTime.now(ZoneId.of("Asia/Tokyo")).minusSeconds(5).withNano(0).toString();
        if (at.compareTo("00:00:10") < 0) at = "00:00:00";
        Map<String, String> nodeEnv = new HashMap<>(env);
        nodeEnv.putAll(Map.of("MAMORI_DAILY_RUN_AT", at, "MAMORI_JOB_LEASE_SECONDS", "4", "MAMORI_JOB_POLL_MS", "300"));
        for (int i = 0; i < 2; i++) {
            String id = "node-" + (char) ('a' + i);
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Map<String, String> e = new HashMap<>(nodeEnv);
            e.put("MAMORI_NODE_ID", id);
            Path log = dir.resolve(id + ".log");
            nodes[i] = new Node(id, port, CliProcess.start(e, log, "serve", "--data", dir.resolve(id).toString(), "--port", String.valueOf(port)), log);
        }
        for (Node n : nodes) awaitHealthy(n);
    }

    @AfterAll
    static void stop() {
        for (Node n : nodes) if (n != null) n.process().destroyForcibly();
        if (smtp != null) smtp.stop();
    }

    private static void awaitHealthy(Node n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send(n, "GET", "/actuator/health", null, null).statusCode() == 200) return;
            } catch (IOException notYet) {
                Thread.sleep(300);
            }
            if (!n.process().isAlive()) break;
        }
        throw new AssertionError(n.id() + " did not start:\n" + Files.readString(n.log()));
    }

    private static HttpResponse<String> send(Node n, String method, String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(n.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", path.startsWith("/api/") || path.startsWith("/actuator") ? "application/json" : "text/html");
        if (contentType != null) b.header("Content-Type", contentType);
        if (csrf != null && !"GET".equals(method)) b.header("X-CSRF-TOKEN", csrf);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) csrf = m.group(1);
        return r;
    }

    private static HttpResponse<String> form(Node n, String path, Map<String, String> form) throws IOException, InterruptedException {
        Map<String, String> f = new LinkedHashMap<>(form);
        f.put("_csrf", csrf);
        String body = f.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(n, "POST", path, "application/x-www-form-urlencoded", body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(null);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    @Order(1)
    void aSessionBegunOnOneNodeContinuesOnTheOther() throws Exception {
        Node a = nodes[0];
        Node b = nodes[1];
        send(a, "GET", "/login", null, null);
        HttpResponse<String> r = form(a, "/login", Map.of("username", "juki-admin", "password", jukiPassword));
        assertThat(location(r)).as(r.body()).isEqualTo("/account/password");
        // the password change (a stage of the same sign-in) happens on the other node
        HttpResponse<String> page = send(b, "GET", "/account/password", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        r = form(b, "/account/password", Map.of("current", jukiPassword, "password", "Juki-Kanri-2026-Tokyo!", "confirm", "Juki-Kanri-2026-Tokyo!"));
        assertThat(location(r)).isIn("/", "/account/totp");
        HttpResponse<String> me = send(a, "GET", "/api/v1/me", null, null);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("juki-admin");
        assertThat(count("SELECT COUNT(*) FROM spring_session WHERE principal_name = 'juki-admin'")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void anSbomUploadedOnOneNodeShowsItsFindingsOnTheOther() throws Exception {
        Node a = nodes[0];
        Node b = nodes[1];
        JsonNode assets = JSON.readTree(send(a, "GET", "/api/v1/assets", null, null).body());
        long assetId = -1;
        for (JsonNode x : assets.isArray() ? assets : assets.path("assets")) if (x.path("code").asText().equals("juki-batch-01")) assetId = x.path("id").asLong();
        assertThat(assetId).as(assets.toString()).isPositive();
        String bom = """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                 "metadata": {"component": {"type": "application", "name": "juki-batch", "version": "1.0"}},
                 "components": [{"type": "library", "bom-ref": "log4j", "name": "log4j-core", "version": "2.14.1",
                   "supplier": {"name": "Apache Software Foundation"},
                   "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}]}
                """;
        HttpResponse<String> up = send(a, "POST", "/api/v1/assets/" + assetId + "/sboms?fileName=juki-batch.cdx.json", "application/json", bom);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        HttpResponse<String> onB = send(b, "GET", "/api/v1/findings?asset=" + assetId, null, null);
        assertThat(onB.statusCode()).as(onB.body()).isEqualTo(200);
        assertThat(onB.body()).contains("CVE-2021-44228").contains("juki-batch-01");
    }

    @Test
    @Order(3)
    void theDailyRunBothNodesScheduleRunsOnceAndSendsOneMail() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && count("SELECT COUNT(*) FROM job WHERE kind = 'remediation.daily-run' AND state = 'done'") == 0) {
            Thread.sleep(300);
        }
        assertThat(count("SELECT COUNT(*) FROM job WHERE kind = 'remediation.daily-run'")).isEqualTo(1);
        assertThat(string("SELECT state FROM job WHERE kind = 'remediation.daily-run'")).isEqualTo("done");
        // both nodes asked for it
        Thread.sleep(1000);
        for (Node n : nodes) assertThat(Files.readString(n.log())).as(n.id()).containsPattern("daily run \\d{4}-\\d\\d-\\d\\d: (already )?queued as job");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'remediation.daily_run'")).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(mailsAfterDemo + 1);
    }

    @Test
    @Order(4)
    void aNodeKilledDuringAnImportHasItsJobFinishedByTheOther() throws Exception {
        Path feeds = dir.resolve("shared-feeds");
        SyntheticFeeds.writeNvd(feeds, 30_000, 1_500, 17);
        long before = count("SELECT COUNT(*) FROM vulnerability");
        Result queued = CliProcess.run(env, null, "jobs", "import", "--source", "nvd", feeds.toString(), "--by", "tanaka", "--data", dir.resolve("cli").toString());
        assertThat(queued.exitCode()).as(queued.toString()).isZero();
        long jobId = Long.parseLong(queued.stdout().replaceAll("(?s).*queued job (\\d+).*", "$1").trim());

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String owner = null;
        while (System.nanoTime() < deadline && owner == null) {
            owner = string("SELECT lease_owner FROM job WHERE id = " + jobId + " AND state = 'running'");
            if (owner == null) Thread.sleep(100);
        }
        assertThat(owner).as("a node took the import").isNotNull();
        Thread.sleep(1500);
        assertThat(string("SELECT state FROM job WHERE id = " + jobId)).as("still importing when the node is killed").isEqualTo("running");
        Node victim = nodes[0].id().equals(owner) ? nodes[0] : nodes[1];
        Node survivor = victim == nodes[0] ? nodes[1] : nodes[0];
        victim.process().destroyForcibly().waitFor();

        deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline && !"done".equals(string("SELECT state FROM job WHERE id = " + jobId))) Thread.sleep(500);
        assertThat(string("SELECT state FROM job WHERE id = " + jobId)).as(Files.readString(survivor.log())).isEqualTo("done");
        assertThat(string("SELECT lease_owner FROM job WHERE id = " + jobId)).isEqualTo(survivor.id());
        assertThat(count("SELECT attempts FROM job WHERE id = " + jobId)).isEqualTo(2);
        assertThat(string("SELECT last_error FROM job WHERE id = " + jobId)).contains("taken over by " + survivor.id());
        // every record once, whatever the killed node had committed; the import audited once, by the survivor
        assertThat(count("SELECT COUNT(*) FROM vulnerability")).isEqualTo(before + 30_000);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'job.queued' AND actor = 'tanaka'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'feeds.imported' AND actor LIKE 'job:" + jobId + "@" + survivor.id() + "%'")).isEqualTo(1);
        // the survivor still serves the session
        assertThat(send(survivor, "GET", "/api/v1/me", null, null).statusCode()).isEqualTo(200);
    }
}
