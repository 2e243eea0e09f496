package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditEvent;
import jp.mamori.remediation.PrefectureStatus;
import jp.mamori.security.Role;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A municipality's security officer grants its prefecture's security cloud access to its details
 * from the browser and revokes it (issue 17), on H2 and PostgreSQL: the form needs its CSRF token; a
 * refused grant is told in Japanese and writes nothing (no grant, no audit entry); a grant lets the
 * prefecture operator read the municipality's boundary findings until it is revoked; every change is
 * audited as the officer's via the web; the officer cannot grant or revoke for another organisation.
 */
class GrantsWebTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theOfficerGrantsAndRevokesThePrefecturesAccessFromTheBrowser(Kind kind) throws Exception {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture(kind);
        ConfigurableApplicationContext context = MamoriWebApplication.start(f.db, "127.0.0.1", 0, f.dataDir);
        try {
            Mamori m = Mamori.open(f.db, Clock.systemUTC(), new MamoriSettings(f.dataDir, Map.of()));
            PrefectureStatus status = new PrefectureStatus(f.db.dataSource());
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpSessionClient officer = AuthorizationMatrixTest.signIn(base, f, Role.SECURITY_OFFICER);
            HttpSessionClient operator = AuthorizationMatrixTest.signIn(base, f, Role.PREFECTURE_OPERATOR);
            String details = "/prefecture/organizations/" + f.orgA;
            assertThat(operator.get(details).statusCode()).as("no grant yet").isEqualTo(403);

            HttpResponse<String> page = officer.get("/grants");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("都道府県への閲覧許可", "P県セキュリティクラウド (470006)", "name=\"_csrf\"", "最長 90 日")
                    .doesNotContain("MXB1-grant");

            // no CSRF token: refused, nothing written
            long audit = count(m, f.orgA);
            String token = officer.csrf;
            officer.csrf = null;
            HttpResponse<String> forged = officer.postForm("/grants", Map.of("prefecture", "470006", "days", "7", "reason", "forged"));
            assertThat(forged.statusCode()).isEqualTo(403);
            officer.csrf = token;
            assertThat(status.grantsOf(f.orgA)).isEmpty();

            // refused input: told in Japanese with what was entered, nothing written
            HttpResponse<String> tooLong = officer.postForm("/grants", Map.of("prefecture", "470006", "days", "91", "reason", "支援のため"));
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(tooLong.body()).contains("許可の日数は 1〜90 日です", "何も変更していません", "value=\"支援のため\"").doesNotContain("--days");
            HttpResponse<String> noReason = officer.postForm("/grants", Map.of("prefecture", "470006", "days", "7", "reason", " "));
            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(noReason.body()).contains("許可の理由を入力してください");
            HttpResponse<String> notServing = officer.postForm("/grants", Map.of("prefecture", "012041", "days", "7", "reason", "x"));
            assertThat(notServing.statusCode()).isEqualTo(400);
            assertThat(notServing.body()).contains("この団体を担当する都道府県ではありません");
            assertThat(status.grantsOf(f.orgA)).isEmpty();
            assertThat(count(m, f.orgA)).isEqualTo(audit);

            // granted (asking for B's organisation changes nothing: the officer works in A)
            long grantsOfB = status.grantsOf(f.orgB).size();
            HttpResponse<String> ok = officer.postForm("/grants?org=" + f.orgB, Map.of("prefecture", "470006", "days", "14", "reason", "インシデント対応支援"));
            assertThat(ok.statusCode()).isEqualTo(302);
            assertThat(HttpSessionClient.location(ok)).isEqualTo("/grants");
            assertThat(status.grantsOf(f.orgB)).hasSize((int) grantsOfB);
            List<PrefectureStatus.Grant> grants = status.grantsOf(f.orgA);
            assertThat(grants).hasSize(1);
            PrefectureStatus.Grant g = grants.get(0);
            assertThat(g.reason()).isEqualTo("インシデント対応支援");
            assertThat(g.grantedBy()).isEqualTo(f.usernames.get(Role.SECURITY_OFFICER));
            assertThat(Duration.between(g.grantedAt(), g.expiresAt())).isEqualTo(Duration.ofDays(14));
            AuditEvent granted = last(m, f.orgA);
            assertThat(granted.action()).isEqualTo("prefecture.access_granted");
            assertThat(granted.actor()).isEqualTo(f.usernames.get(Role.SECURITY_OFFICER));
            assertThat(granted.detail()).contains("via=web", "prefecture=470006", "days=14");
            HttpResponse<String> listed = officer.get("/grants");
            assertThat(listed.body()).contains("閲覧を許可しました", "インシデント対応支援", "有効", "取り消す");

            // the operator now reads A's details (audited)
            assertThat(operator.get(details).statusCode()).isEqualTo(200);

            // B's grant cannot be revoked from A (404, still in force)
            officer.get("/grants");
            HttpResponse<String> foreign = officer.postForm("/grants/" + f.grantB + "/revoke", Map.of());
            assertThat(foreign.statusCode()).isEqualTo(404);
            assertThat(status.grant(f.grantB).orElseThrow().activeAt(Instant.now())).isTrue();

            // revoked: the operator is refused again, the page says by whom
            officer.get("/grants");
            HttpResponse<String> revoked = officer.postForm("/grants/" + g.id() + "/revoke", Map.of());
            assertThat(revoked.statusCode()).isEqualTo(302);
            assertThat(status.grant(g.id()).orElseThrow().revokedAt()).isNotNull();
            assertThat(last(m, f.orgA).action()).isEqualTo("prefecture.access_revoked");
            assertThat(last(m, f.orgA).actor()).isEqualTo(f.usernames.get(Role.SECURITY_OFFICER));
            assertThat(operator.get(details).statusCode()).isEqualTo(403);
            HttpResponse<String> after = officer.get("/grants");
            assertThat(after.body()).contains("取消済み（" + f.usernames.get(Role.SECURITY_OFFICER));
            long beforeTwice = count(m, f.orgA);
            HttpResponse<String> twice = officer.postForm("/grants/" + g.id() + "/revoke", Map.of());
            assertThat(twice.statusCode()).isEqualTo(400);
            assertThat(twice.body()).contains("既に取り消されています");
            assertThat(count(m, f.orgA)).isEqualTo(beforeTwice);

            // the API: the same use case (201, then revoked), refused input is 400 with the Japanese message
            HttpSessionClient api = HttpSessionClient.api(base, f.tokens.get(Role.SECURITY_OFFICER));
            HttpResponse<String> bad = api.sendJson("POST", "/api/v1/grants", "{\"days\": 0, \"reason\": \"x\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("許可の日数は 1〜90 日です");
            HttpResponse<String> created = api.sendJson("POST", "/api/v1/grants", "{\"days\": 3, \"reason\": \"API\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("\"prefectureCode\":\"470006\"", "\"active\":true", "+09:00");
            assertThat(last(m, f.orgA).detail()).contains("via=api");
        } finally {
            context.close();
            f.db.close();
        }
    }

    static long count(Mamori m, long org) {
        return m.audit().list(org, false, null, 10_000).size();
    }

    static AuditEvent last(Mamori m, long org) {
        return m.audit().list(org, false, null, 1).get(0);
    }
}
