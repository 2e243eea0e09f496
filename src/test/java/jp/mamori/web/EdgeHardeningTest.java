package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.audit.AuditAction;
import jp.mamori.audit.AuditEvent;
import jp.mamori.audit.AuditLog;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.web.support.EdgeSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 18.10, the attacks on the server's edge: a forged Host / X-Forwarded-Host must not reach a redirect,
 * Tomcat's own 400 page must carry the security headers, {@code /error} must not answer 500, and a forged
 * X-Forwarded-For must not move the sign-in limit or the audit trail off the real client address unless it
 * comes from the configured proxy.
 */
class EdgeHardeningTest {

    private static final String EVIL = "evil.example";

    @Test
    void withoutConfigurationNothingTheClientSaysAboutTheNetworkIsBelieved() throws Exception {
        Path dataDir = Files.createTempDirectory("mamori-edge-");
        try (Database db = Database.open(TestDatabases.h2())) {
            ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir, Map.of());
            try {
                int port = ((WebServerApplicationContext) context).getWebServer().getPort();

                // Host and X-Forwarded-Host (even from this host) are never reflected: the redirect is relative
                String r = raw(port, "GET / HTTP/1.1\r\nAccept: text/html\r\nHost: " + EVIL + "\r\nConnection: close\r\n\r\n");
                assertThat(r).startsWith("HTTP/1.1 302");
                assertThat(header(r, "Location")).isEqualTo("/login");
                r = raw(port, "GET /findings HTTP/1.1\r\nAccept: text/html\r\nHost: 127.0.0.1\r\nX-Forwarded-Host: " + EVIL + "\r\nX-Forwarded-Proto: https\r\n"
                        + "Connection: close\r\n\r\n");
                assertThat(header(r, "Location")).isEqualTo("/login");
                assertThat(r.toLowerCase(Locale.ROOT)).doesNotContain(EVIL).doesNotContain("strict-transport-security");

                // Tomcat's own 400 (an invalid character in the URL, refused before Mamori sees the request)
                r = raw(port, "GET /a{b}<script> HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                assertThat(r).startsWith("HTTP/1.1 400");
                assertThat(header(r, "Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
                assertThat(header(r, "X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(header(r, "X-Frame-Options")).isEqualTo("DENY");
                assertThat(header(r, "Cache-Control")).contains("no-store");
                assertThat(body(r)).contains("<html lang=\"ja\"", "400 要求が正しくありません", "Bad request").doesNotContain("Tomcat");

                // /error asked for directly: not found (Japanese page), not 500
                r = raw(port, "GET /error HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                assertThat(r).startsWith("HTTP/1.1 404");
                assertThat(body(r)).contains("<html lang=\"ja\"", "404");
                assertThat(header(r, "Content-Security-Policy")).contains("default-src 'self'");
                r = raw(port, "POST /error HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                assertThat(r).doesNotStartWith("HTTP/1.1 500");

                // X-Forwarded-For from a process on this host is not the client: audited as 127.0.0.1, and rotating
                // forged addresses does not escape the per-address limit (30 failures)
                HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
                String base = "http://127.0.0.1:" + port;
                for (int i = 0; i < 30; i++) {
                    HttpResponse<String> f = failSignIn(http, base, "203.0.113." + (i + 1));
                    assertThat(f.headers().firstValue("Location").orElse("")).as("attempt " + (i + 1)).isEqualTo("/login?error");
                }
                HttpResponse<String> blocked = failSignIn(http, base, "198.51.100.200");
                assertThat(blocked.headers().firstValue("Location")).contains("/login?error=rate");
                List<AuditEvent> failed = signInFailures(db);
                assertThat(failed).hasSize(30).allSatisfy(e -> assertThat(e.detail()).contains("ip=127.0.0.1").doesNotContain("203.0.113."));
            } finally {
                context.close();
            }
        }
    }

    @Test
    void theConfiguredProxyIsBelievedAndRedirectsUseTheConfiguredBaseUrl() throws Exception {
        Path dataDir = Files.createTempDirectory("mamori-edge-");
        try (Database db = Database.open(TestDatabases.h2())) {
            ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir,
                    Map.of(EdgeSettings.TRUSTED_PROXY, "127.0.0.1, ::1", EdgeSettings.BASE_URL, "https://mamori.example.lg.jp/"));
            try {
                int port = ((WebServerApplicationContext) context).getWebServer().getPort();
                String r = raw(port, "GET /findings HTTP/1.1\r\nAccept: text/html\r\nHost: " + EVIL + "\r\nX-Forwarded-Host: " + EVIL + "\r\n"
                        + "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n");
                assertThat(header(r, "Location")).isEqualTo("https://mamori.example.lg.jp/login");
                assertThat(header(r, "Strict-Transport-Security")).contains("max-age=31536000");

                HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
                HttpResponse<String> f = failSignIn(http, "http://127.0.0.1:" + port, "203.0.113.77");
                assertThat(f.headers().firstValue("Location")).contains("https://mamori.example.lg.jp/login?error");
                assertThat(signInFailures(db)).singleElement().satisfies(e -> assertThat(e.detail()).contains("ip=203.0.113.77"));
            } finally {
                context.close();
            }
        }
    }

    @Test
    void badEdgeSettingsStopTheStartWithAClearMessage() {
        assertThatThrownBy(() -> EdgeSettings.internalProxies(Map.of(EdgeSettings.TRUSTED_PROXY, "proxy.example.lg.jp")))
                .hasMessageContaining("IPアドレスではありません").hasMessageContaining("host names are not accepted");
        assertThat(EdgeSettings.internalProxies(Map.of(EdgeSettings.TRUSTED_PROXY, "192.0.2.10,::1")))
                .isEqualTo("192.0.2.10/32, 0:0:0:0:0:0:0:1/128");
        assertThat(EdgeSettings.internalProxies(Map.of())).isEmpty();
        assertThatThrownBy(() -> EdgeSettings.baseUrl(Map.of(EdgeSettings.BASE_URL, "javascript:alert(1)")))
                .hasMessageContaining("https://host[:port][/path]");
        assertThatThrownBy(() -> EdgeSettings.baseUrl(Map.of(EdgeSettings.BASE_URL, "https://mamori.example.lg.jp/?next=x")))
                .hasMessageContaining("https://host[:port][/path]");
        assertThat(EdgeSettings.baseUrl(Map.of(EdgeSettings.BASE_URL, "https://mamori.example.lg.jp/mamori/"))).isEqualTo("https://mamori.example.lg.jp/mamori");
    }

    private static List<AuditEvent> signInFailures(Database db) {
        return new AuditLog(db.dataSource()).list(null, true, null, 1000).stream()
                .filter(e -> AuditAction.SIGN_IN_FAILED.equals(e.action())).toList();
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static HttpResponse<String> failSignIn(HttpClient http, String base, String forgedFor) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("CSRF token on the sign-in page").isTrue();
        String form = "username=nobody&password=" + URLEncoder.encode("Wrong-Password-2026!", StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", forgedFor)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One raw HTTP/1.1 exchange (the JDK client will not send a forged Host or an invalid URL). */
    static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] b = new byte[8192];
            int n;
            while ((n = in.read(b)) >= 0) buf.write(b, 0, n);
            return buf.toString(StandardCharsets.UTF_8);
        }
    }

    static String header(String response, String name) {
        String head = response.split("\r\n\r\n", 2)[0];
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) return line.substring(colon + 1).trim();
        }
        return null;
    }

    static String body(String response) {
        String[] parts = response.split("\r\n\r\n", 2);
        return parts.length < 2 ? "" : parts[1];
    }
}
