package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.remediation.PrefectureStatus;
import jp.mamori.security.Role;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A grant that ends — its end reached, or revoked by the municipality — stops the prefecture
 * operator at once, in the session it is already signed in with and with the API token it already
 * has: the overview (page and API) no longer offers the municipality's details, and its details by
 * direct id are refused (403) and show nothing of it. H2 and PostgreSQL.
 */
class GrantEndsWebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anExpiredOrRevokedGrantStopsTheOperatorAtOnce(Kind kind) throws Exception {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture(kind);
        ConfigurableApplicationContext context = MamoriWebApplication.start(f.db, "127.0.0.1", 0, f.dataDir);
        try {
            Mamori m = Mamori.open(f.db, Clock.systemUTC(), new MamoriSettings(f.dataDir, Map.of()));
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpSessionClient browser = AuthorizationMatrixTest.signIn(base, f, Role.PREFECTURE_OPERATOR);
            HttpSessionClient api = HttpSessionClient.api(base, f.tokens.get(Role.PREFECTURE_OPERATOR));
            Actor officer = Actor.web(f.usernames.get(Role.SECURITY_OFFICER), false, false);

            assertGranted(browser, api, f, false);
            PrefectureStatus.Grant first = m.prefecture().grant(officer, "012033", "470006", 7, "インシデント対応支援");
            assertGranted(browser, api, f, true);

            // the grant's end arrives (7 days are not waited for: its end is set to a second ago)
            try (Connection c = f.db.connection(); PreparedStatement ps = c.prepareStatement("UPDATE operator_grant SET expires_at = ? WHERE id = ?")) {
                ps.setObject(1, OffsetDateTime.ofInstant(Instant.now().minusSeconds(1), ZoneOffset.UTC));
                ps.setLong(2, first.id());
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            assertGranted(browser, api, f, false);

            PrefectureStatus.Grant second = m.prefecture().grant(officer, "012033", "470006", 3, "再調査");
            assertGranted(browser, api, f, true);
            m.prefecture().revoke(officer, second.id(), f.orgA);
            assertGranted(browser, api, f, false);
        } finally {
            context.close();
            f.db.close();
        }
    }

    /** What the operator sees of A市 (012033), whose boundary asset is code-a1, with and without a grant in force. */
    private static void assertGranted(HttpSessionClient browser, HttpSessionClient api, AuthorizationMatrixTest.Fixture f, boolean granted) throws Exception {
        String what = granted ? "under a grant" : "without a grant in force";
        HttpResponse<String> page = browser.get("/prefecture");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        int at = body.indexOf("A市 (012033)");
        assertThat(at).as("A市 is always counted").isPositive();
        String row = body.substring(at, body.indexOf("</tr>", at));
        String link = "href=\"/prefecture/organizations/" + f.orgA + "\"";
        if (granted) assertThat(row).as(what).contains(link, "まで許可あり").doesNotContain("許可なし");
        else assertThat(row).as(what).contains("許可なし（件数のみ）").doesNotContain(link, "まで許可あり");

        HttpResponse<String> list = api.get("/api/v1/prefecture/organizations");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode a = null;
        for (JsonNode n : JSON.readTree(list.body())) if (n.get("code").asText().equals("012033")) a = n;
        assertThat(a).as("A市 in the API overview").isNotNull();
        assertThat(a.get("detailsGrantedUntil").isNull()).as(what).isEqualTo(!granted);

        HttpResponse<String> details = browser.get("/prefecture/organizations/" + f.orgA);
        HttpResponse<String> findings = api.get("/api/v1/prefecture/organizations/" + f.orgA + "/findings");
        if (granted) {
            assertThat(details.statusCode()).isEqualTo(200);
            assertThat(details.body()).contains("code-a1", "CVE-");
            assertThat(findings.statusCode()).isEqualTo(200);
            assertThat(findings.body()).contains("\"assetCode\":\"code-a1\"", "CVE-");
        } else {
            assertThat(details.statusCode()).as(what).isEqualTo(403);
            assertThat(findings.statusCode()).as(what).isEqualTo(403);
            for (HttpResponse<String> r : java.util.List.of(details, findings)) {
                assertThat(r.body()).as(what).doesNotContain("code-a1", "CVE-", AuthorizationMatrixTest.marker(AuthorizationMatrixTest.Target.A1));
            }
        }
    }
}
