package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditEvent;
import jp.mamori.detection.rules.DetectionPolicy;
import jp.mamori.security.Role;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The security officer sets the organisation's own detection thresholds in the browser (issue 15:
 * per-organisation policy), on H2 and PostgreSQL: the page shows each value in force and the policy
 * file's beside it; a form with one bad value is refused in Japanese (English when chosen), keeps
 * what was typed and stores none of it; a good one is stored for this organisation only and audited
 * as the officer's via the web; an empty field gives the file's value back; the auditor reads and is
 * refused a change (403); the API reads and sets through the same use case.
 */
class PolicyWebTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theOfficerSetsTheOrganisationsThresholdsAndBadValuesStoreNothing(Kind kind) throws Exception {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture(kind);
        ConfigurableApplicationContext context = MamoriWebApplication.start(f.db, "127.0.0.1", 0, f.dataDir);
        try {
            Mamori m = Mamori.open(f.db, Clock.systemUTC(), new MamoriSettings(f.dataDir, Map.of()));
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpSessionClient officer = AuthorizationMatrixTest.signIn(base, f, Role.SECURITY_OFFICER);
            HttpResponse<String> page = officer.get("/detection/policy");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html lang=\"ja\"", "検知のしきい値", "使われないセッションを忘れるまでの時間", "100MB", "2h", "15m", "name=\"_csrf\"",
                    "name=\"session-idle\"");
            assertThat(officer.get("/detections").body()).contains("href=\"/detection/policy\"");
            long audit = GrantsWebTest.count(m, f.orgA);

            Map<String, String> bad = new LinkedHashMap<>(form("", "", "30m", "1m", ""));
            HttpResponse<String> refused = officer.postForm("/detection/policy", bad);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"policy-problem\"", "session-idle: 5m から 7d までにしてください", "何も変更していません", "value=\"30m\"", "value=\"1m\"")
                    .doesNotContain("must be from");
            officer.get("/detection/policy?lang=en");
            HttpResponse<String> english = officer.postForm("/detection/policy", form("-1", "", "", "", ""));
            assertThat(english.statusCode()).isEqualTo(400);
            assertThat(english.body()).contains("<html lang=\"en\"", "Detection thresholds", "upload-bytes-per-hour: expected a number of bytes", "Nothing was changed.");
            officer.get("/detection/policy?lang=ja");
            assertThat(m.detectionPolicy(f.orgA).thresholds()).as("nothing of the refused forms").isEqualTo(DetectionPolicy.Thresholds.defaults());
            assertThat(GrantsWebTest.count(m, f.orgA)).isEqualTo(audit);

            HttpResponse<String> ok = officer.postForm("/detection/policy?org=" + f.orgB, form("50MB", "", "30m", "1h", ""));
            assertThat(ok.statusCode()).isEqualTo(302);
            assertThat(HttpSessionClient.location(ok)).isEqualTo("/detection/policy");
            DetectionPolicy.Thresholds a = m.detectionPolicy(f.orgA).thresholds();
            assertThat(a.uploadBytesPerHour()).isEqualTo(50L * 1024 * 1024);
            assertThat(a.concurrentWindow()).isEqualTo(Duration.ofMinutes(30));
            assertThat(a.sessionIdle()).isEqualTo(Duration.ofHours(1));
            assertThat(a.incidentWindow()).isEqualTo(Duration.ofHours(24));
            assertThat(m.detectionPolicy(f.orgB).thresholds()).as("B untouched").isEqualTo(DetectionPolicy.Thresholds.defaults());
            AuditEvent e = GrantsWebTest.last(m, f.orgA);
            assertThat(e.action()).isEqualTo("detection.policy_changed");
            assertThat(e.actor()).isEqualTo(f.usernames.get(Role.SECURITY_OFFICER));
            assertThat(e.detail()).contains("upload-bytes-per-hour=default→50MB", "concurrent-window=default→30m", "session-idle=default→1h", "via=web")
                    .doesNotContain("incident-window");
            assertThat(officer.get("/detection/policy").body()).contains("しきい値を変更しました", "団体の設定", "value=\"50MB\"");

            // an empty field: the file's value again
            assertThat(officer.postForm("/detection/policy", form("50MB", "", "30m", "", "")).statusCode()).isEqualTo(302);
            assertThat(m.detectionPolicy(f.orgA).thresholds().sessionIdle()).isEqualTo(Duration.ofHours(2));
            assertThat(GrantsWebTest.last(m, f.orgA).detail()).contains("session-idle=1h→default").doesNotContain("upload-bytes");

            // the auditor reads without the form and may not change
            HttpSessionClient auditor = AuthorizationMatrixTest.signIn(base, f, Role.AUDITOR);
            HttpResponse<String> read = auditor.get("/detection/policy");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("50MB", "id=\"policy-readonly\"").doesNotContain("name=\"session-idle\"");
            assertThat(auditor.postForm("/detection/policy", form("1GB", "", "", "", "")).statusCode()).isEqualTo(403);
            assertThat(m.detectionPolicy(f.orgA).thresholds().uploadBytesPerHour()).isEqualTo(50L * 1024 * 1024);

            // the API: the same rows, the same use case
            HttpSessionClient api = HttpSessionClient.api(base, f.tokens.get(Role.SECURITY_OFFICER));
            HttpResponse<String> rows = api.get("/api/v1/detection/policy");
            assertThat(rows.statusCode()).isEqualTo(200);
            assertThat(rows.body()).contains("{\"key\":\"upload-bytes-per-hour\",\"value\":52428800,\"text\":\"50MB\",\"source\":\"organization\"");
            HttpResponse<String> badApi = api.sendJson("PUT", "/api/v1/detection/policy", "{\"incident-window\": \"90d\"}");
            assertThat(badApi.statusCode()).isEqualTo(400);
            assertThat(badApi.body()).contains("incident-window: 1h から 30d までにしてください");
            HttpResponse<String> set = api.sendJson("PUT", "/api/v1/detection/policy", "{\"incident-window\": \"48h\", \"upload-bytes-per-hour\": \"default\"}");
            assertThat(set.statusCode()).isEqualTo(200);
            assertThat(set.body()).contains("{\"key\":\"incident-window\",\"value\":172800,\"text\":\"2d\",\"source\":\"organization\"");
            assertThat(m.detectionPolicy(f.orgA).thresholds().uploadBytesPerHour()).isEqualTo(DetectionPolicy.Thresholds.defaults().uploadBytesPerHour());
            assertThat(GrantsWebTest.last(m, f.orgA).detail()).contains("via=api", "incident-window=default→2d", "upload-bytes-per-hour=50MB→default");
        } finally {
            context.close();
            f.db.close();
        }
    }

    static Map<String, String> form(String bytes, String requests, String concurrent, String idle, String incident) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("upload-bytes-per-hour", bytes);
        m.put("upload-requests-per-hour", requests);
        m.put("concurrent-window", concurrent);
        m.put("session-idle", idle);
        m.put("incident-window", incident);
        return m;
    }
}
