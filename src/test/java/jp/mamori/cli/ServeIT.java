package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jp.mamori.testsupport.CliProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mamori serve}: only the login page, static assets and health answer without sign-in. */
class ServeIT {

    private static Process server;
    private static int port;
    private static Path log;
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = Files.createTempDirectory("mamori-serve-");
        log = Files.createTempFile("mamori-serve", ".log");
        server = CliProcess.start(Map.of(), log, "serve", "--data", data.toString(), "--port", String.valueOf(port));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get("/actuator/health", "application/json").statusCode() == 200) return;
            } catch (IOException notYet) {
                Thread.sleep(300);
            }
            if (!server.isAlive()) break;
        }
        throw new AssertionError("server did not start:\n" + Files.readString(log));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.destroy();
    }

    static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsPublic() throws Exception {
        HttpResponse<String> r = get("/actuator/health", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void theLoginPageIsPublicAndJapanese() throws Exception {
        HttpResponse<String> r = get("/login", "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("サインイン").contains("name=\"_csrf\"");
        assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString().contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void staticAssetsArePublic() throws Exception {
        assertThat(get("/css/mamori.css", "text/css").statusCode()).isEqualTo(200);
    }

    @Test
    void everythingElseNeedsSignIn() throws Exception {
        HttpResponse<String> page = get("/", "text/html");
        assertThat(page.statusCode()).isIn(302, 401);
        if (page.statusCode() == 302) {
            assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/login");
        }
        for (String path : new String[] {"/api/v1/findings", "/actuator/env", "/actuator/beans", "/anything"}) {
            int status = get(path, "application/json").statusCode();
            assertThat(status).as(path).isIn(302, 401);
        }
        assertThat(get("/api/v1/findings", "application/json").statusCode()).isEqualTo(401);
    }
}
