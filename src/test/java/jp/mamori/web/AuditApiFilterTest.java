package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.audit.AuditLog;
import jp.mamori.remediation.MutableClock;
import jp.mamori.security.Role;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code GET /api/v1/audit} filtered as the audit page is (issue 12): exact actor and action, from/to
 * as days in Asia/Tokyo (both inclusive: 2026-11-30T15:00Z is already 12-01 in Tokyo), with the total
 * in {@code X-Total-Count} and {@code before} paging; the caller's own organisation only (the
 * administrator: all); a bad date is refused in Japanese. On H2 and PostgreSQL.
 */
class AuditApiFilterTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theAuditApiFiltersByActorActionAndTokyoDays(Kind kind) throws Exception {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture(kind);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T14:59:59Z"));
        AuditLog log = new AuditLog(f.db.dataSource(), clock);
        log.append("mx-late", f.orgA, "finding.decided", "day:1130", null);   // 2026-11-30 23:59:59 in Tokyo
        clock.advance(java.time.Duration.ofSeconds(1));
        log.append("mx-late", f.orgA, "finding.decided", "day:1201", null);   // 2026-12-01 00:00:00 in Tokyo
        log.append("mx-late", f.orgB, "finding.decided", "day:B", null);
        ConfigurableApplicationContext context = MamoriWebApplication.start(f.db, "127.0.0.1", 0, f.dataDir);
        try {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpSessionClient auditor = HttpSessionClient.api(base, f.tokens.get(Role.AUDITOR));
            HttpSessionClient admin = HttpSessionClient.api(base, f.tokens.get(Role.ADMIN));

            HttpResponse<String> byActor = auditor.get("/api/v1/audit?actor=mx-late");
            assertThat(byActor.statusCode()).isEqualTo(200);
            assertThat(targets(byActor)).as("own organisation, newest first").containsExactly("day:1201", "day:1130");
            assertThat(byActor.headers().firstValue("X-Total-Count")).hasValue("2");

            assertThat(targets(auditor.get("/api/v1/audit?actor=mx-late&from=2026-12-01&to=2026-12-01"))).containsExactly("day:1201");
            assertThat(targets(auditor.get("/api/v1/audit?actor=mx-late&to=2026-11-30"))).containsExactly("day:1130");
            assertThat(targets(auditor.get("/api/v1/audit?actor=mx-late&from=2026-12-02"))).isEmpty();
            long newest = JSON.readTree(byActor.body()).get(0).get("id").asLong();
            HttpResponse<String> older = auditor.get("/api/v1/audit?actor=mx-late&before=" + newest);
            assertThat(targets(older)).containsExactly("day:1130");
            assertThat(older.headers().firstValue("X-Total-Count")).hasValue("1");

            HttpResponse<String> sboms = auditor.get("/api/v1/audit?action=sbom.added");
            JsonNode events = JSON.readTree(sboms.body());
            assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("sbom.added"));
            assertThat(sboms.body()).contains("MXA1", "MXA2").doesNotContain("MXB1");
            assertThat(targets(auditor.get("/api/v1/audit?actor=mx-late&action=sbom.added"))).isEmpty();

            assertThat(targets(admin.get("/api/v1/audit?actor=mx-late"))).as("the administrator: every organisation")
                    .containsExactly("day:B", "day:1201", "day:1130");

            // the chain's check: the auditor learns only whether it is intact, the administrator how many entries and where it broke
            JsonNode mine = JSON.readTree(auditor.get("/api/v1/audit/verify").body());
            assertThat(iterable(mine.fieldNames())).containsExactly("intact");
            assertThat(mine.get("intact").asBoolean()).isTrue();
            JsonNode all = JSON.readTree(admin.get("/api/v1/audit/verify").body());
            assertThat(iterable(all.fieldNames())).containsExactly("intact", "entries", "firstBrokenId", "reason");
            assertThat(all.get("entries").asLong()).isPositive();
            assertThat(all.get("firstBrokenId").isNull()).isTrue();
            assertThat(all.get("reason").isNull()).isTrue();

            HttpResponse<String> bad = auditor.get("/api/v1/audit?from=2026-13-01");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("from の日付が不正です");
            HttpResponse<String> reversed = auditor.get("/api/v1/audit?from=2026-12-02&to=2026-12-01");
            assertThat(reversed.statusCode()).isEqualTo(400);
            assertThat(reversed.body()).contains("to の日付が from より前です");
            assertThat(HttpSessionClient.api(base, f.tokens.get(Role.VENDOR)).get("/api/v1/audit?actor=mx-late").statusCode()).isEqualTo(404);

            // the page filters through the same code: a reversed range is refused the same way, a page past the end shows the last
            HttpSessionClient page = AuthorizationMatrixTest.signIn(base, f, Role.AUDITOR);
            HttpResponse<String> reversedPage = page.get("/audit?from=2026-12-02&to=2026-12-01");
            assertThat(reversedPage.statusCode()).isEqualTo(400);
            assertThat(reversedPage.body()).contains("to の日付が from より前です");
            HttpResponse<String> beyond = page.get("/audit?actor=mx-late&page=99");
            assertThat(beyond.statusCode()).isEqualTo(200);
            assertThat(beyond.body()).contains("day:1201").contains("day:1130").doesNotContain("day:B");
        } finally {
            context.close();
            f.db.close();
        }
    }

    private static List<String> targets(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode e : JSON.readTree(r.body())) out.add(e.get("target").asText());
        return out;
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
