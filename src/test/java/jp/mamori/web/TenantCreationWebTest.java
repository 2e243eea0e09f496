package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import jp.mamori.security.Role;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 団体の作成 by the instance administrator (API and browser) is one unit: when the second step,
 * the first security officer, is refused after the organisation itself would have been accepted,
 * nothing is written — no organisation, no account, no audit entry — and the administrator is told
 * so; when the first step is refused no officer is created either. H2 and PostgreSQL.
 */
class TenantCreationWebTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRefusedOfficerLeavesNoOrganisationBehind(Kind kind) throws Exception {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture(kind);
        ConfigurableApplicationContext context = MamoriWebApplication.start(f.db, "127.0.0.1", 0, f.dataDir);
        try {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpSessionClient api = HttpSessionClient.api(base, f.tokens.get(Role.ADMIN));
            HttpSessionClient browser = AuthorizationMatrixTest.signIn(base, f, Role.ADMIN);
            long audit = rows(f, "SELECT COUNT(*) FROM audit_event", null);

            // a valid new organisation, an officer name the accounts refuse (a space, capitals): nothing stored
            HttpResponse<String> bad = api.sendJson("POST", "/api/v1/admin/organizations",
                    "{\"code\": \"999101\", \"name\": \"守里村\", \"officer\": \"Tanaka Taro\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("団体も作成していません", "a user name is 2-100 of a-z 0-9");
            assertThat(rows(f, "SELECT COUNT(*) FROM organization WHERE code = ?", "999101")).isZero();
            assertThat(api.get("/api/v1/admin/organizations").body()).doesNotContain("999101", "守里村");
            assertThat(rows(f, "SELECT COUNT(*) FROM audit_event", null)).as("no audit entry of a creation that did not happen").isEqualTo(audit);

            // the same from the browser form: told on the page, nothing stored
            browser.get("/admin/organizations");
            HttpResponse<String> form = browser.postForm("/admin/organizations", Map.of("code", "999102", "name", "守里島", "officer", "山田"));
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("団体も作成していません").doesNotContain("守里島 (999102)");
            assertThat(rows(f, "SELECT COUNT(*) FROM organization WHERE code = ?", "999102")).isZero();
            assertThat(rows(f, "SELECT COUNT(*) FROM audit_event", null)).isEqualTo(audit);

            // accepted: both, audited
            HttpResponse<String> ok = api.sendJson("POST", "/api/v1/admin/organizations",
                    "{\"code\": \"999101\", \"name\": \"守里村\", \"officer\": \"tanaka.taro\"}");
            assertThat(ok.statusCode()).isEqualTo(201);
            assertThat(ok.body()).contains("\"officer\":\"tanaka.taro\"", "oneTimePassword");
            assertThat(rows(f, "SELECT COUNT(*) FROM organization WHERE code = ?", "999101")).isOne();
            assertThat(rows(f, "SELECT COUNT(*) FROM app_user u JOIN organization o ON o.id = u.organization_id "
                    + "WHERE u.username = ? AND u.role = 'SECURITY_OFFICER' AND o.code = '999101'", "tanaka.taro")).isOne();
            assertThat(rows(f, "SELECT COUNT(*) FROM audit_event WHERE action = 'organization.created' AND target = ?", "organization:999101")).isOne();
            assertThat(rows(f, "SELECT COUNT(*) FROM audit_event WHERE action = 'user.created' AND target = ?", "user:tanaka.taro")).isOne();
            assertThat(rows(f, "SELECT COUNT(*) FROM audit_event", null)).isEqualTo(audit + 2);

            // the organisation's code is taken: the first step refused, no officer created
            HttpResponse<String> again = api.sendJson("POST", "/api/v1/admin/organizations",
                    "{\"code\": \"999101\", \"name\": \"守里村（再）\", \"officer\": \"sato.hanako\"}");
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(rows(f, "SELECT COUNT(*) FROM app_user WHERE username = ?", "sato.hanako")).isZero();
            assertThat(rows(f, "SELECT COUNT(*) FROM audit_event", null)).isEqualTo(audit + 2);
        } finally {
            context.close();
            f.db.close();
        }
    }

    private static long rows(AuthorizationMatrixTest.Fixture f, String sql, String arg) throws Exception {
        try (Connection c = f.db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
