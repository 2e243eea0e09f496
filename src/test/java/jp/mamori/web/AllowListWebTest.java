package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditEvent;
import jp.mamori.detection.store.DetectionStore.AllowRow;
import jp.mamori.security.Role;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The security officer edits the detection allow-list in the browser (issue 15 configuration), on
 * H2 and PostgreSQL: the form needs its CSRF token; a bad value is refused in Japanese (English when
 * chosen) with what was typed kept, and nothing is stored or audited; an added entry is listed and
 * audited as the officer's via the web, and so is its removal; another organisation's entry cannot
 * be removed (404, still listed there); the auditor reads the list without the form and is refused
 * (403); the API lists what the page lists and adds and removes through the same use case.
 */
class AllowListWebTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theOfficerAddsAndRemovesEntriesAndNoOneTouchesAnotherOrganisationsList(Kind kind) throws Exception {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture(kind);
        ConfigurableApplicationContext context = MamoriWebApplication.start(f.db, "127.0.0.1", 0, f.dataDir);
        try {
            Mamori m = Mamori.open(f.db, Clock.systemUTC(), new MamoriSettings(f.dataDir, Map.of()));
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpSessionClient officer = AuthorizationMatrixTest.signIn(base, f, Role.SECURITY_OFFICER);

            HttpResponse<String> page = officer.get("/detection/allow");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html lang=\"ja\"", "検知の許可リスト", "自組織の出口アドレス", "MXA1-egress", "name=\"_csrf\"", "id=\"allow-form\"")
                    .doesNotContain("MXB1");
            assertThat(officer.get("/detections").body()).as("the detections page links the list").contains("href=\"/detection/allow\"");
            int entries = m.detections().allowRows(f.orgA).size();
            long audit = GrantsWebTest.count(m, f.orgA);

            // no CSRF token: refused, nothing written
            String token = officer.csrf;
            officer.csrf = null;
            HttpResponse<String> forged = officer.postForm("/detection/allow", Map.of("kind", "egress", "value", "203.0.113.0/24"));
            assertThat(forged.statusCode()).isEqualTo(403);
            officer.csrf = token;

            // bad input: told in Japanese, what was typed kept, nothing stored or audited; in English when chosen
            HttpResponse<String> badRange = officer.postForm("/detection/allow", Map.of("kind", "egress", "value", "203.0.113.0/33", "note", "本庁の出口"));
            assertThat(badRange.statusCode()).isEqualTo(400);
            assertThat(badRange.body()).contains("id=\"allow-problem\"", "アドレス範囲が不正です", "何も変更していません", "value=\"203.0.113.0/33\"", "value=\"本庁の出口\"")
                    .doesNotContain("--kind");
            HttpResponse<String> badDomain = officer.postForm("/detection/allow", Map.of("kind", "sanctioned-domain", "value", "not a domain"));
            assertThat(badDomain.statusCode()).isEqualTo(400);
            assertThat(badDomain.body()).contains("ドメイン名が不正です").doesNotContain("not a domain name");
            HttpResponse<String> badKind = officer.postForm("/detection/allow", Map.of("kind", "vpn", "value", "203.0.113.0/24"));
            assertThat(badKind.statusCode()).isEqualTo(400);
            assertThat(badKind.body()).contains("種別が不正です");
            officer.get("/detection/allow?lang=en");
            HttpResponse<String> english = officer.postForm("/detection/allow", Map.of("kind", "sanctioned-domain", "value", "not a domain"));
            assertThat(english.statusCode()).isEqualTo(400);
            assertThat(english.body()).contains("<html lang=\"en\"", "Detection allow-list", "not a domain name", "Nothing was changed.")
                    .doesNotContain("ドメイン名が不正です");
            officer.get("/detection/allow?lang=ja");
            assertThat(m.detections().allowRows(f.orgA)).hasSize(entries);
            assertThat(GrantsWebTest.count(m, f.orgA)).isEqualTo(audit);

            // added (asking for B changes nothing: the officer works in A), listed, audited as the officer's via the web
            HttpResponse<String> ok = officer.postForm("/detection/allow?org=" + f.orgB, Map.of("kind", "sanctioned-domain", "value", "*.City-A.SharePoint.com",
                    "note", "市の Microsoft 365"));
            assertThat(ok.statusCode()).isEqualTo(302);
            assertThat(HttpSessionClient.location(ok)).isEqualTo("/detection/allow");
            assertThat(m.detections().allowRows(f.orgB).stream().map(r -> r.entry().value())).doesNotContain("city-a.sharepoint.com");
            AllowRow added = row(m, f.orgA, "city-a.sharepoint.com");
            assertThat(added.entry().note()).isEqualTo("市の Microsoft 365");
            assertThat(added.createdBy()).isEqualTo(f.usernames.get(Role.SECURITY_OFFICER));
            AuditEvent a = GrantsWebTest.last(m, f.orgA);
            assertThat(a.action()).isEqualTo("detection.allow_added");
            assertThat(a.actor()).isEqualTo(f.usernames.get(Role.SECURITY_OFFICER));
            assertThat(a.detail()).contains("value=sanctioned-domain:city-a.sharepoint.com", "via=web");
            assertThat(officer.get("/detection/allow").body()).contains("許可リストに追加しました", "city-a.sharepoint.com", "許可されたサービス");

            // another organisation's entry: not found, still there
            officer.get("/detection/allow");
            HttpResponse<String> foreign = officer.postForm("/detection/allow/" + f.allow.get(AuthorizationMatrixTest.Target.B1) + "/remove", Map.of());
            assertThat(foreign.statusCode()).isEqualTo(404);
            assertThat(m.detections().allowRows(f.orgB).stream().map(AllowRow::id)).contains(f.allow.get(AuthorizationMatrixTest.Target.B1));

            // the auditor reads the list, without the form, and may not change it
            HttpSessionClient auditor = AuthorizationMatrixTest.signIn(base, f, Role.AUDITOR);
            HttpResponse<String> read = auditor.get("/detection/allow");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("city-a.sharepoint.com", "id=\"allow-readonly\"").doesNotContain("id=\"allow-form\"", "/remove");
            HttpResponse<String> refused = auditor.postForm("/detection/allow/" + added.id() + "/remove", Map.of());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(m.detections().allowRows(f.orgA).stream().map(AllowRow::id)).contains(added.id());

            // page, API and CLI JSON list the same entries
            HttpSessionClient api = HttpSessionClient.api(base, f.tokens.get(Role.SECURITY_OFFICER));
            HttpResponse<String> listed = api.get("/api/v1/detection/allow");
            assertThat(listed.statusCode()).isEqualTo(200);
            List<AllowRow> rows = m.detections().allowRows(f.orgA);
            for (AllowRow r : rows) assertThat(listed.body()).contains("\"id\":" + r.id() + ",", "\"value\":\"" + r.entry().value() + "\"");
            assertThat(listed.body().split("\"kind\":", -1)).hasSize(rows.size() + 1);

            // removed from the page: gone, audited
            officer.get("/detection/allow");
            HttpResponse<String> removed = officer.postForm("/detection/allow/" + added.id() + "/remove", Map.of());
            assertThat(removed.statusCode()).isEqualTo(302);
            assertThat(m.detections().allowRows(f.orgA).stream().map(AllowRow::id)).doesNotContain(added.id());
            AuditEvent r = GrantsWebTest.last(m, f.orgA);
            assertThat(r.action()).isEqualTo("detection.allow_removed");
            assertThat(r.detail()).contains("value=sanctioned-domain:city-a.sharepoint.com", "via=web");
            assertThat(officer.get("/detection/allow").body()).contains("許可リストから削除しました").doesNotContain("<code>city-a.sharepoint.com</code>");
            HttpResponse<String> again = officer.postForm("/detection/allow/" + added.id() + "/remove", Map.of());
            assertThat(again.statusCode()).isEqualTo(404);

            // the API: bad input 400 in Japanese and nothing stored; added 201, listed twice 200; removed
            long before = GrantsWebTest.count(m, f.orgA);
            HttpResponse<String> bad = api.sendJson("POST", "/api/v1/detection/allow", "{\"kind\": \"cgnat\", \"value\": \"100.64.0.0/99\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(GrantsWebTest.count(m, f.orgA)).isEqualTo(before);
            HttpResponse<String> created = api.sendJson("POST", "/api/v1/detection/allow", "{\"kind\": \"cgnat\", \"value\": \"100.64.0.0/10\", \"note\": \"携帯回線\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("\"kind\":\"cgnat\"", "\"value\":\"100.64.0.0/10\"", "+09:00");
            assertThat(api.sendJson("POST", "/api/v1/detection/allow", "{\"kind\": \"cgnat\", \"value\": \"100.64.0.0/10\"}").statusCode()).isEqualTo(200);
            AllowRow cgnat = row(m, f.orgA, "100.64.0.0/10");
            assertThat(GrantsWebTest.last(m, f.orgA).detail()).contains("via=api");
            HttpResponse<String> gone = api.sendJson("POST", "/api/v1/detection/allow/" + cgnat.id() + "/remove", "{}");
            assertThat(gone.statusCode()).isEqualTo(200);
            assertThat(gone.body()).contains("\"removed\":true");
            assertThat(GrantsWebTest.last(m, f.orgA).action()).isEqualTo("detection.allow_removed");
            assertThat(api.sendJson("POST", "/api/v1/detection/allow/" + f.allow.get(AuthorizationMatrixTest.Target.B1) + "/remove", "{}").statusCode())
                    .isEqualTo(404);
        } finally {
            context.close();
            f.db.close();
        }
    }

    private static AllowRow row(Mamori m, long org, String value) {
        return m.detections().allowRows(org).stream().filter(r -> r.entry().value().equals(value)).findFirst().orElseThrow();
    }
}
