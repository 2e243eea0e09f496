package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.app.inventory.AddSbom;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13 defect 5 on the web: a vendor table's Maven URL gives log4j-core a suggested purl; the finding is a
 * candidate labelled 推定 (not in the default list), the SBOM page shows the row as 推定 with the officer's
 * confirm/reject form (CSRF like every form: without the token nothing changes); confirming makes it a
 * finding of the default list and the decision is listed on the page (who, when, what was suggested); the API
 * rejects it again (the finding closes, the listed decision says rejected).
 */
class IdentifierConfirmationWebTest {

    static final String PASSWORD = "Identifier-Confirm-2026!";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TABLE = """
            サプライヤ名,コンポーネント名,バージョン,製品URL
            Apache Software Foundation,Apache Log4j Core,2.14.1,https://repo1.maven.org/maven2/org/apache/logging/log4j/log4j-core/2.14.1/
            """;

    @Test
    void theOfficerConfirmsASuggestedIdentifierOnTheSbomPageAndRejectsItThroughTheApi() throws Exception {
        Path dataDir = Files.createTempDirectory("mamori-confirm-web-");
        try (Database db = Database.open(TestDatabases.h2())) {
            Path feeds = Files.createDirectories(dataDir.resolve("feeds"));
            try (InputStream in = getClass().getResourceAsStream("/demo/feeds/osv/GHSA-jfh8-c2jp-5v3q.json")) {
                Files.copy(in, feeds.resolve("GHSA-jfh8-c2jp-5v3q.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            Mamori mamori = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dataDir, Map.of()));
            assertThat(mamori.importFeeds().run(Actor.system("test"), List.of(feeds), null, null).summary().failed()).isFalse();
            InventoryRepository inv = mamori.inventory();
            long org = inv.createOrganization("012080", "H市", "municipality").id();
            long sys = inv.createSystem(org, "S1", "住民情報システム", Segment.LGWAN, new Importance("3A", "2", "2"), null, null, List.of()).id();
            long asset = inv.createAsset(org, sys, new InventoryRepository.NewAsset("ap-01", "業務APサーバ", AssetKind.SERVER, null, null, null, null,
                    Exposure.CONTROLLED, false, null)).id();
            long sbomId = mamori.addSbom().run(Actor.cli("setup", "setup"), org, asset,
                    new AddSbom.Input(Files.writeString(dataDir.resolve("vendor.csv"), TABLE), "vendor.csv", null, false)).sbom().id();

            OfficerAccount officer = OfficerAccount.create(db, dataDir, org, "officer", PASSWORD, List.of("read", "write"));
            String token = officer.token();

            ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
            try {
                String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
                HttpSessionClient page = officer.signIn(base);

                assertThat(page.get("/findings").body()).as("a candidate is not in the default list").doesNotContain("CVE-2021-44228");
                String candidates = page.get("/findings?candidates=true").body();
                assertThat(candidates).contains("CVE-2021-44228").contains("class=\"tag cand suggested\">推定</span>");
                long findingId = findingId(db, asset);
                assertThat(page.get("/findings/" + findingId).body()).contains("id=\"identifier-suggested\"")
                        .contains("推定（SBOMに記載なし・未確認）");

                String sbomPage = page.get("/sboms/" + sbomId).body();
                String action = "/sboms/" + sbomId + "/components/row-2/confirm-id";
                assertThat(sbomPage).contains("推定（未確認）").contains("action=\"" + action + "\"").contains("name=\"_csrf\"");

                // without the CSRF token: refused, nothing changed
                String kept = page.csrf;
                page.csrf = null;
                HttpResponse<String> forged = page.postForm(action, Map.of("verdict", "confirm"));
                page.csrf = kept;
                assertThat(forged.statusCode()).isEqualTo(403);
                assertThat(origin(db, asset)).isEqualTo("SUGGESTED");

                // a verdict that is neither: the reason on the page, nothing changed
                HttpResponse<String> odd = page.postForm(action, Map.of("verdict", "maybe"));
                assertThat(HttpSessionClient.location(odd)).isEqualTo("/sboms/" + sbomId);
                assertThat(page.get("/sboms/" + sbomId).body()).contains("id=\"id-problem\"").contains("verdict: confirm or reject");
                assertThat(origin(db, asset)).isEqualTo("SUGGESTED");

                HttpResponse<String> done = page.postForm(action, Map.of("verdict", "confirm"));
                assertThat(HttpSessionClient.location(done)).isEqualTo("/sboms/" + sbomId);
                assertThat(page.get("/sboms/" + sbomId).body()).contains("id=\"id-confirmed\"").contains("確認済み")
                        .contains("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
                assertThat(origin(db, asset)).isEqualTo("CONFIRMED");
                String decisions = section(page.get("/sboms/" + sbomId).body(), "id-decisions");
                assertThat(decisions).as("the organisation's decisions, listed for the officer").contains("この団体の識別子の判断（1件）")
                        .contains("<td>確認済み</td>").contains("<td>apache software foundation</td>").contains("<td>apache log4j core</td>")
                        .contains("pkg:maven/org.apache.logging.log4j/log4j-core").contains("<td>officer</td>").contains("+09:00");
                assertThat(page.get("/findings").body()).as("confirmed: a finding of the default list").contains("CVE-2021-44228");
                assertThat(count(db, "SELECT COUNT(*) FROM audit_event WHERE action = 'sbom.identifier_confirmed' AND actor = 'officer'"))
                        .isEqualTo(1);

                // the API: reject it; the row has no identifier and the finding closes
                HttpResponse<String> api = HttpSessionClient.api(base, token).sendJson("POST",
                        "/api/v1/sboms/" + sbomId + "/components/row-2/confirm-id", "{\"verdict\": \"reject\"}");
                assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
                JsonNode body = JSON.readTree(api.body());
                assertThat(body.path("verdict").asText()).isEqualTo("rejected");
                assertThat(body.path("findings").path("closed").asInt()).isEqualTo(1);
                assertThat(origin(db, asset)).isEqualTo("REJECTED");
                assertThat(section(page.get("/sboms/" + sbomId).body(), "id-decisions")).as("the later decision replaces the earlier one")
                        .contains("この団体の識別子の判断（1件）").contains("<td>却下（照合しない）</td>").doesNotContain("<td>確認済み</td>");
                assertThat(count(db, "SELECT COUNT(*) FROM audit_event WHERE action = 'sbom.identifier_rejected' AND detail LIKE '%via=api%'"))
                        .isEqualTo(1);
            } finally {
                context.close();
            }
        }
    }

    /** The markup of the element with this id, up to the end of its section. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("the section " + id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }


    private static long findingId(Database db, long asset) throws Exception {
        return count(db, "SELECT MAX(id) FROM finding WHERE asset_id = " + asset);
    }

    private static String origin(Database db, long asset) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id_origin FROM component WHERE asset_id = ? AND ref = 'row-2' AND current_doc = TRUE")) {
            ps.setLong(1, asset);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long count(Database db, String sql) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
