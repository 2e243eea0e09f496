package jp.mamori.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.audit.AuditAction;
import jp.mamori.audit.AuditEvent;
import jp.mamori.audit.AuditLog;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.web.MamoriWebApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web sign-in as a browser and an automation client see it, on the running server: stages,
 * TOTP, lockout, CSRF, headers, API tokens.
 */
class WebSignInTest {

    private static Database db;
    private static ConfigurableApplicationContext context;
    private static String base;
    private static UserStore users;
    private static long orgA;
    private static String adminPassword;

    @BeforeAll
    static void start() throws Exception {
        db = Database.open(TestDatabases.h2());
        Path dataDir = Files.createTempDirectory("mamori-web-");
        orgA = new InventoryRepository(db.dataSource()).createOrganization("012033", "A市", "municipality").id();
        users = new UserStore(db.dataSource(), new AuditLog(db.dataSource()), SecretBox.load(dataDir, Map.of()));
        adminPassword = users.createInitialAdminIfNone().orElseThrow().oneTimePassword();
        // the TLS proxy runs on this host (its X-Forwarded-Proto is believed only from MAMORI_TRUSTED_PROXY)
        context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir, Map.of("MAMORI_TRUSTED_PROXY", "127.0.0.1"));
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (context != null) context.close();
        if (db != null) db.close();
    }

    private static String secretFrom(String html) {
        Matcher m = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(html);
        assertThat(m.find()).as("secret on the enrolment page").isTrue();
        return m.group(1).replace(" ", "");
    }

    /** A code for the previous step (accepted, ±1 step) so that the current step stays free for the next sign-in. */
    private static String enrolmentCode(String secret) throws InterruptedException {
        long intoStep = Instant.now().getEpochSecond() % Totp.PERIOD;
        if (intoStep > Totp.PERIOD - 3) Thread.sleep((Totp.PERIOD - intoStep + 1) * 1000L);
        return Totp.code(secret, Totp.step(Instant.now()) - 1);
    }

    @Test
    void theFirstAdministratorChangesThePasswordEnrolsTotpAndThenSignsInWithBoth() throws Exception {
        Browser b = new Browser(base);
        b.get("/login");
        String anonymousSession = b.sessionId();
        HttpResponse<String> r = b.post("/login", Map.of("username", "admin", "password", adminPassword), true);
        assertThat(Browser.location(r)).isEqualTo("/account/password");
        assertThat(b.sessionId()).isNotEqualTo(anonymousSession);

        // nothing else is reachable until the sign-in is complete
        assertThat(Browser.location(b.get("/"))).isEqualTo("/account/password");
        assertThat(Browser.location(b.get("/account/totp"))).isEqualTo("/account/password");
        HttpResponse<String> api = b.json("GET", "/api/v1/me", null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("sign_in_incomplete");

        b.get("/account/password");
        r = b.post("/account/password", Map.of("current", adminPassword, "password", "short", "confirm", "short"), true);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("12文字以上");
        String beforeChange = b.sessionId();
        r = b.post("/account/password", Map.of("current", adminPassword, "password", "Kanri-Sekinin-2026!", "confirm", "Kanri-Sekinin-2026!"), true);
        assertThat(Browser.location(r)).isEqualTo("/account/totp");
        assertThat(b.sessionId()).isNotEqualTo(beforeChange);
        assertThat(Browser.location(b.get("/"))).isEqualTo("/account/totp");

        HttpResponse<String> page = b.get("/account/totp");
        assertThat(page.statusCode()).isEqualTo(200);
        String secret = secretFrom(page.body());
        assertThat(page.body()).contains("otpauth://totp/Mamori%3Aadmin?secret=").contains("data:image/png;base64,").doesNotContain("<script");
        r = b.post("/account/totp", Map.of("code", "000000"), true);
        assertThat(Browser.location(r)).isEqualTo("/account/totp?error");
        r = b.post("/account/totp", Map.of("code", enrolmentCode(secret)), true);
        assertThat(Browser.location(r)).isEqualTo("/");
        assertThat(b.get("/").statusCode()).isEqualTo(200);
        HttpResponse<String> me = b.json("GET", "/api/v1/me", null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"admin\"", "\"role\":\"ADMIN\"", "\"organization\":null", "\"authenticatedBy\":\"session\"");

        b.get("/");
        assertThat(Browser.location(b.post("/logout", Map.of(), true))).isEqualTo("/login?logout");
        assertThat(Browser.location(b.get("/"))).endsWith("/login");

        // second sign-in: password, then the TOTP code
        Browser again = new Browser(base);
        again.get("/login");
        r = again.post("/login", Map.of("username", "admin", "password", "Kanri-Sekinin-2026!"), true);
        assertThat(Browser.location(r)).isEqualTo("/login/totp");
        String afterPassword = again.sessionId();
        assertThat(Browser.location(again.get("/"))).isEqualTo("/login/totp");
        assertThat(again.json("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
        again.get("/login/totp");
        assertThat(Browser.location(again.post("/login/totp", Map.of("code", "12345x"), true))).isEqualTo("/login/totp?error");
        String code = Totp.code(secret, Totp.step(Instant.now()));
        r = again.post("/login/totp", Map.of("code", code), true);
        assertThat(Browser.location(r)).isEqualTo("/");
        assertThat(again.sessionId()).isNotEqualTo(afterPassword);
        assertThat(again.get("/").statusCode()).isEqualTo(200);

        // the same code does not work twice
        Browser replay = new Browser(base);
        replay.get("/login");
        replay.post("/login", Map.of("username", "admin", "password", "Kanri-Sekinin-2026!"), true);
        replay.get("/login/totp");
        assertThat(Browser.location(replay.post("/login/totp", Map.of("code", code), true))).isEqualTo("/login/totp?error");

        List<String> actions = new AuditLog(db.dataSource()).list(null, true, null, 200).stream().map(AuditEvent::action).toList();
        assertThat(actions).contains(AuditAction.SIGN_IN, AuditAction.SIGN_IN_PASSWORD_OK, AuditAction.PASSWORD_CHANGED,
                AuditAction.TOTP_ENROLLED, AuditAction.TOTP_FAILED, AuditAction.SIGN_OUT);
        assertThat(new AuditLog(db.dataSource()).verify().intact()).isTrue();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountWithTheSameMessageAsAnUnknownUser() throws Exception {
        String pw = users.create(new UserStore.NewUser("yamada", null, Role.AUDITOR, orgA, Set.of(), null, false), "test").oneTimePassword();
        Browser unknown = new Browser(base);
        unknown.get("/login");
        HttpResponse<String> unknownUser = unknown.post("/login", Map.of("username", "no-such-user", "password", "whatever-password"), true);
        String unknownPage = errorParagraph(unknown.get(Browser.location(unknownUser)).body());

        Browser b = new Browser(base);
        for (int i = 0; i < 5; i++) {
            b.get("/login");
            HttpResponse<String> r = b.post("/login", Map.of("username", "yamada", "password", "wrong-password-" + i), true);
            assertThat(Browser.location(r)).isEqualTo(Browser.location(unknownUser));
        }
        b.get("/login");
        HttpResponse<String> locked = b.post("/login", Map.of("username", "yamada", "password", pw), true);
        assertThat(Browser.location(locked)).isEqualTo(Browser.location(unknownUser));
        assertThat(errorParagraph(b.get(Browser.location(locked)).body())).isEqualTo(unknownPage);
        assertThat(users.require("yamada").lockedAt(Instant.now())).isTrue();
        List<String> actions = new AuditLog(db.dataSource()).list(orgA, false, null, 50).stream().map(AuditEvent::action).toList();
        assertThat(actions).contains(AuditAction.ACCOUNT_LOCKED, AuditAction.SIGN_IN_FAILED);
    }

    private static String errorParagraph(String html) {
        Matcher m = Pattern.compile("<p class=\"error\"[^>]*>.*?</p>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return m.group();
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() throws Exception {
        Browser b = new Browser(base);
        b.get("/login");
        assertThat(b.post("/login", Map.of("username", "admin", "password", adminPassword), false).statusCode()).isEqualTo(403);
        Browser signedIn = signedInAuditor("csrf-user");
        assertThat(signedIn.post("/account/password", Map.of("current", "x", "password", "y", "confirm", "y"), false).statusCode()).isEqualTo(403);
        assertThat(signedIn.post("/logout", Map.of(), false).statusCode()).isEqualTo(403);
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        HttpResponse<String> r = new Browser(base).get("/login");
        assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'", "script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(r.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(r.body()).doesNotContain("<script").doesNotContain("style=");
        // behind the TLS proxy (on this host) the request is secure: HSTS
        HttpResponse<String> tls = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tls.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=31536000");
        assertThat(tls.headers().allValues("Set-Cookie")).allMatch(c -> c.contains("Secure") && c.contains("HttpOnly"));
    }

    @Test
    void apiTokensWorkUntilExpiredOrRevokedAndNeverCreateASession() throws Exception {
        Browser b = signedInAuditor("robot-owner");
        b.get("/");
        HttpResponse<String> created = b.json("POST", "/api/v1/tokens", "{\"name\":\"nightly\",\"days\":30,\"scopes\":[\"read\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = field(created.body(), "token");
        long id = Long.parseLong(created.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        assertThat(token).startsWith("mmr_");

        HttpResponse<String> me = bearer("GET", "/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"robot-owner\"", "\"role\":\"AUDITOR\"", "\"code\":\"012033\"", "\"authenticatedBy\":\"token\"");
        assertThat(me.headers().allValues("Set-Cookie")).isEmpty();
        // read scope only: no writes, and a token cannot mint tokens
        assertThat(bearer("POST", "/api/v1/tokens", token).statusCode()).isEqualTo(403);
        // tokens are for the API only; a page asked for with a token creates no session either
        HttpResponse<String> page = bearer("GET", "/", token);
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> bad = bearer("GET", "/api/v1/me", "mmr_" + "x".repeat(43));
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).contains("invalid_token");
        assertThat(bad.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(bad.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(me.headers().firstValue("Cache-Control")).get().asString().contains("no-store");

        // expired
        HttpResponse<String> second = b.json("POST", "/api/v1/tokens", "{\"name\":\"short\",\"days\":1}");
        String expiring = field(second.body(), "token");
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("UPDATE api_token SET expires_at = ? WHERE name = 'short'")) {
            ps.setObject(1, java.time.OffsetDateTime.now().minusMinutes(1));
            ps.executeUpdate();
        }
        HttpResponse<String> expired = bearer("GET", "/api/v1/me", expiring);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("invalid_token");

        // revoked
        assertThat(b.json("DELETE", "/api/v1/tokens/" + id, null).statusCode()).isEqualTo(204);
        HttpResponse<String> revoked = bearer("GET", "/api/v1/me", token);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");

        HttpResponse<String> list = b.json("GET", "/api/v1/tokens", null);
        assertThat(list.body()).contains("\"status\":\"revoked\"", "\"status\":\"expired\"").doesNotContain(token);
        List<String> actions = new AuditLog(db.dataSource()).list(orgA, false, null, 50).stream().map(AuditEvent::action).toList();
        assertThat(actions).contains(AuditAction.TOKEN_CREATED, AuditAction.TOKEN_REVOKED, AuditAction.TOKEN_FAILED);
    }

    @Test
    void withoutSignInBrowsersGoToTheSignInPageAndApiClientsGet401() throws Exception {
        Browser b = new Browser(base);
        assertThat(Browser.location(b.get("/"))).endsWith("/login");
        HttpResponse<String> api = b.json("GET", "/api/v1/me", null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("unauthorized");
    }

    @Test
    void aDisabledAccountLosesItsSessionAtOnce() throws Exception {
        Browser b = signedInAuditor("leaver");
        assertThat(b.get("/").statusCode()).isEqualTo(200);
        users.disable("leaver", "test");
        assertThat(Browser.location(b.get("/"))).endsWith("/login");
    }

    private static Browser signedInAuditor(String name) throws Exception {
        String pw = users.create(new UserStore.NewUser(name, null, Role.AUDITOR, orgA, Set.of(), null, false), "test").oneTimePassword();
        Browser b = new Browser(base);
        b.get("/login");
        assertThat(Browser.location(b.post("/login", Map.of("username", name, "password", pw), true))).isEqualTo("/account/password");
        b.get("/account/password");
        HttpResponse<String> r = b.post("/account/password", Map.of("current", pw, "password", "Kansa-Tantou-2026!", "confirm", "Kansa-Tantou-2026!"), true);
        assertThat(Browser.location(r)).isEqualTo("/");
        return b;
    }

    private static HttpResponse<String> bearer(String method, String path, String token) throws Exception {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(20));
        if (method.equals("POST")) rb.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"));
        else rb.GET();
        return HttpClient.newHttpClient().send(rb.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }
}
