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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.persistence.DatabaseSettings;
import jp.mamori.testsupport.CliProcess;
import org.junit.jupiter.api.Test;

/** First run of {@code serve}, {@code user} and {@code audit} commands, on the packaged jar. */
class SecurityCommandsIT {

    private static final Pattern OTP = Pattern.compile("one-time password: (\\S+)");

    @Test
    void theFirstServeCreatesTheAdministratorAndPrintsItsOneTimePasswordOnce() throws Exception {
        Path data = Files.createTempDirectory("mamori-first-run-");
        Path log = Files.createTempFile("mamori-first-run", ".log");
        String first = serveUntilUp(data, log);
        Matcher m = OTP.matcher(first);
        assertThat(m.find()).as(first).isTrue();
        assertThat(first).contains("username: admin");
        assertThat(Files.exists(data.resolve("secret.key"))).isTrue();

        Path log2 = Files.createTempFile("mamori-second-run", ".log");
        String second = serveUntilUp(data, log2);
        assertThat(second).doesNotContain("one-time password");

        CliProcess.Result users = CliProcess.run("user", "list", "--data", data.toString(), "--format", "json");
        assertThat(users.exitCode()).as(users.toString()).isZero();
        assertThat(users.stdout()).contains("\"username\" : \"admin\"", "\"role\" : \"ADMIN\"", "\"mustChangePassword\" : true")
                .doesNotContain(m.group(1));
        CliProcess.Result audit = CliProcess.run("audit", "list", "--data", data.toString());
        assertThat(audit.stdout()).contains("user.created", "user:admin", "system:first-run");
    }

    private static String serveUntilUp(Path data, Path log) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = CliProcess.start(Map.of(), log, "serve", "--data", data.toString(), "--port", String.valueOf(port));
        try {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && p.isAlive()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) return Files.readString(log);
                } catch (IOException notYet) {
                    Thread.sleep(300);
                }
            }
            throw new AssertionError("server did not start:\n" + Files.readString(log));
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void usersAreCreatedListedAndDisabledAndTheAuditTrailFindsAnEditedRow() throws Exception {
        Path data = Files.createTempDirectory("mamori-users-");
        String d = data.toString();
        assertThat(CliProcess.run("org", "create", "--data", d, "--code", "012033", "--name", "A市").exitCode()).isZero();
        assertThat(CliProcess.run("system", "create", "--data", d, "--code", "TW", "--name", "テレワーク", "--segment", "internet",
                "--confidentiality", "2", "--vendor", "甲社").exitCode()).isZero();

        CliProcess.Result officer = CliProcess.run("user", "create", "--data", d, "--username", "sato", "--role", "security_officer",
                "--org", "012033", "--ciso");
        assertThat(officer.exitCode()).as(officer.toString()).isZero();
        assertThat(officer.stdout()).contains("created user sato").containsPattern("one-time password: \\S{19}").contains("TOTP");
        CliProcess.Result sysadmin = CliProcess.run("user", "create", "--data", d, "--username", "suzuki", "--role", "SYSTEM_ADMIN",
                "--org", "012033", "--system", "TW");
        assertThat(sysadmin.exitCode()).as(sysadmin.toString()).isZero();
        CliProcess.Result vendor = CliProcess.run("user", "create", "--data", d, "--username", "kou-engineer", "--role", "VENDOR",
                "--org", "012033", "--vendor", "甲社");
        assertThat(vendor.exitCode()).as(vendor.toString()).isZero();

        CliProcess.Result bad = CliProcess.run("user", "create", "--data", d, "--username", "x1", "--role", "SYSTEM_ADMIN", "--org", "012033");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("--system");
        assertThat(CliProcess.run("user", "create", "--data", d, "--username", "x2", "--role", "NOBODY", "--org", "012033").exitCode()).isEqualTo(2);
        assertThat(CliProcess.run("user", "create", "--data", d, "--username", "sato", "--role", "AUDITOR", "--org", "012033").exitCode()).isEqualTo(2);

        CliProcess.Result token = CliProcess.run("user", "token", "create", "suzuki", "--data", d, "--name", "inventory sync", "--days", "7");
        assertThat(token.exitCode()).as(token.toString()).isZero();
        assertThat(token.stdout()).containsPattern("mmr_[A-Za-z0-9_-]{43}");
        CliProcess.Result tokens = CliProcess.run("user", "token", "list", "--data", d);
        assertThat(tokens.stdout()).contains("inventory sync", "active").doesNotContainPattern("mmr_[A-Za-z0-9_-]{43}");

        assertThat(CliProcess.run("user", "disable", "suzuki", "--data", d).exitCode()).isZero();
        assertThat(CliProcess.run("user", "disable", "nobody", "--data", d).exitCode()).isEqualTo(2);
        CliProcess.Result list = CliProcess.run("user", "list", "--data", d);
        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout()).contains("sato", "SECURITY_OFFICER", "012033", "CISO", "suzuki", "無効 disabled", "kou-engineer", "vendor=甲社");

        CliProcess.Result ok = CliProcess.run("audit", "verify", "--data", d);
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        // five account changes, and the organisation and system created with the CLI (issue 11: every front end audits)
        assertThat(ok.stdout()).startsWith("OK, 7 entries");

        try (Connection c = DriverManager.getConnection(DatabaseSettings.embedded(data).url(), "sa", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_event SET detail = 'role=AUDITOR' WHERE id = 2");
        }
        CliProcess.Result broken = CliProcess.run("audit", "verify", "--data", d);
        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(3);
        assertThat(broken.stdout()).contains("BROKEN at entry 2", "edited");
    }
}
