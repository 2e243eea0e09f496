package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import jp.mamori.advisory.store.FeedStatus;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditEvent;
import jp.mamori.security.Role;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 12: the administrator imports a feed file from the feeds page (multipart, CSRF) through the
 * same use case as {@code mamori feeds import}; a refused file (not a feed, a truncated gzip) is told
 * in Japanese, stores nothing and never shows the server's temporary path; the import is audited as the
 * administrator's via the web; nobody else may import (404). The API does the same. H2 and PostgreSQL.
 */
class FeedImportWebTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theAdministratorImportsAFeedFromTheBrowserWithTheCommandLinesChecks(Kind kind) throws Exception {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture(kind);
        ConfigurableApplicationContext context = MamoriWebApplication.start(f.db, "127.0.0.1", 0, f.dataDir);
        try {
            Mamori m = Mamori.open(f.db, Clock.systemUTC(), new MamoriSettings(f.dataDir, Map.of()));
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            byte[] kev;
            try (InputStream in = FeedImportWebTest.class.getResourceAsStream("/demo/feeds/kev-demo.json")) {
                kev = in.readAllBytes();
            }
            HttpSessionClient admin = AuthorizationMatrixTest.signIn(base, f, Role.ADMIN);
            HttpResponse<String> page = admin.get("/feeds");
            assertThat(page.body()).contains("id=\"feed-import\"", "enctype=\"multipart/form-data\"", "オフラインバンドル", "name=\"_csrf\"");
            HttpSessionClient officer = AuthorizationMatrixTest.signIn(base, f, Role.SECURITY_OFFICER);
            assertThat(officer.get("/feeds").body()).as("only the administrator sees the form").doesNotContain("id=\"feed-import\"");

            // refused: not a feed — nothing stored, told in Japanese, no server path
            long records = records(m);
            long audits = imports(m).size();
            admin.get("/feeds");
            HttpResponse<String> junk = admin.upload("/feeds/import", "notes.json", "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8), Map.of("source", "auto"));
            assertThat(junk.statusCode()).isEqualTo(400);
            assertThat(junk.body()).contains("取り込めなかった文書があります", "何も登録していません", "notes.json").doesNotContain("mamori-feed-upload-");
            assertThat(records(m)).isEqualTo(records);
            // a truncated gzip: the importer's own check, as on the command line
            byte[] gz = gzip(kev);
            HttpResponse<String> cut = admin.upload("/feeds/import", "kev.json.gz", Arrays.copyOf(gz, gz.length / 2), Map.of());
            assertThat(cut.statusCode()).isEqualTo(400);
            assertThat(cut.body()).contains("gzip が途中で切れているか壊れています");
            assertThat(records(m)).isEqualTo(records);
            HttpResponse<String> none = admin.upload("/feeds/import", "", new byte[0], Map.of());
            assertThat(none.statusCode()).isEqualTo(400);
            assertThat(none.body()).contains("ファイルを選んでください");
            // attempts that reached the importer are audited with what failed
            assertThat(imports(m)).hasSize((int) audits + 2).allSatisfy(e -> assertThat(e.detail()).contains("failed=1"));

            // no CSRF token: refused
            String token = admin.csrf;
            admin.csrf = null;
            assertThat(admin.upload("/feeds/import", "kev-demo.json", kev, Map.of()).statusCode()).isEqualTo(403);
            admin.csrf = token;
            assertThat(records(m)).isEqualTo(records);

            // imported: KEV records, an audit entry of the administrator via the web, the page says so
            HttpResponse<String> ok = admin.upload("/feeds/import", "kev-demo.json", kev, Map.of("source", "kev"));
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
            assertThat(HttpSessionClient.location(ok)).isEqualTo("/feeds");
            assertThat(records(m)).isGreaterThan(records);
            AuditEvent done = imports(m).get(0);
            assertThat(done.actor()).isEqualTo(f.usernames.get(Role.ADMIN));
            assertThat(done.detail()).contains("via=web", "failed=0");
            assertThat(admin.get("/feeds").body()).contains("取り込みました", "kev-demo.json");

            // nobody else imports
            for (Role r : List.of(Role.SECURITY_OFFICER, Role.AUDITOR)) {
                HttpSessionClient c = r == Role.SECURITY_OFFICER ? officer : AuthorizationMatrixTest.signIn(base, f, r);
                c.get("/feeds");
                assertThat(c.upload("/feeds/import", "kev-demo.json", kev, Map.of()).statusCode()).as(r.name()).isEqualTo(404);
            }

            // the API: the same use case
            HttpSessionClient api = HttpSessionClient.api(base, f.tokens.get(Role.ADMIN));
            HttpResponse<String> apiOk = api.upload("/api/v1/feeds/import", "kev-demo.json", kev, Map.of());
            assertThat(apiOk.statusCode()).isEqualTo(200);
            assertThat(apiOk.body()).contains("\"documents\":1", "\"failures\":[]");
            assertThat(imports(m).get(0).detail()).contains("via=api");
            HttpResponse<String> apiJunk = api.upload("/api/v1/feeds/import", "notes.json", "{}".getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(apiJunk.statusCode()).isEqualTo(400);
            assertThat(apiJunk.body()).contains("notes.json").doesNotContain("mamori-feed-upload-");
        } finally {
            context.close();
            f.db.close();
        }
    }

    static long records(Mamori m) {
        return FeedStatus.read(m.database().dataSource()).stream().mapToLong(FeedStatus.Row::records).sum();
    }

    static List<AuditEvent> imports(Mamori m) {
        return m.audit().list(null, true, null, 10_000).stream().filter(e -> e.action().equals("feeds.imported")).toList();
    }

    static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }
}
