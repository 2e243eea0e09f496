package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.partners.Answer;
import jp.mamori.partners.ClauseAnswer;
import jp.mamori.security.Role;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The checklist's offline round trip through the API (issue 14): the vendor exports its own
 * contract's workbook, fills it in and imports it back as a proposal the officer approves; a
 * workbook with a bad cell, one over 2 MB and a PDF are refused with the reason in Japanese and
 * nothing stored; another vendor's contract reads as absent for both directions. On H2 and PostgreSQL.
 */
class ChecklistWorkbookApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aVendorRoundTripsItsOwnChecklistAndNothingElse(Kind kind) throws Exception {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture(kind);
        ConfigurableApplicationContext context = MamoriWebApplication.start(f.db, "127.0.0.1", 0, f.dataDir);
        try {
            Mamori m = Mamori.open(f.db, Clock.systemUTC(), new MamoriSettings(f.dataDir, Map.of()));
            long org = f.orgA;
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            String token = f.tokens.get(Role.VENDOR);
            HttpSessionClient vendor = HttpSessionClient.api(base, token);
            long contract = m.contracts().require(org, "K-A1").id();

            HttpResponse<byte[]> x = bytes(base, token, "/api/v1/partners/contracts/K-A1/checklist.xlsx");
            assertThat(x.statusCode()).isEqualTo(200);
            assertThat(x.headers().firstValue("Content-Disposition").orElse("")).contains("checklist-K-A1.xlsx");
            byte[] exported = x.body();
            assertThat(bytes(base, token, "/api/v1/partners/contracts/K-A2/checklist.xlsx").statusCode()).as("another vendor's contract").isEqualTo(404);

            long audits = PartnersFormsTest.count(m, org);
            Map<String, ClauseAnswer> before = m.contracts().answers(contract);
            // one bad cell among good ones: nothing stored, the cell named
            byte[] badCell = PartnersBrowserTest.fill(PartnersBrowserTest.fill(exported, "audit-right", "有", "第9条", ""), "subcontracting", "たぶん", "", "");
            HttpResponse<String> r = vendor.upload("/api/v1/partners/contracts/K-A1/checklist", "checklist-K-A1.xlsx", badCell);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            JsonNode problems = JSON.readTree(r.body()).path("problems");
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).asText()).matches("F\\d+: 回答 'たぶん' は 有 / 一部 / 無 / 対象外 のいずれかです.*");
            r = vendor.upload("/api/v1/partners/contracts/K-A1/checklist", "checklist-K-A1.xlsx", new byte[2 * 1024 * 1024 + 1]);
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(r.body()).path("message").asText()).contains("ファイルが大きすぎます（2MBまで）。何も登録していません");
            r = vendor.upload("/api/v1/partners/contracts/K-A1/checklist", "checklist-K-A1.xlsx", "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("message").asText()).contains("Excel ブック（.xlsx）ではありません");
            // another vendor's contract: absent, whatever the workbook
            r = vendor.upload("/api/v1/partners/contracts/K-A2/checklist", "checklist-K-A2.xlsx", PartnersBrowserTest.fill(f.checklist.get(AuthorizationMatrixTest.Target.A2),
                    "audit-right", "有", "第9条", ""));
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).doesNotContain("MXA2");
            assertThat(m.contracts().answers(contract)).as("nothing stored").isEqualTo(before);
            assertThat(m.contracts().answers(m.contracts().require(org, "K-A2").id())).isEmpty();
            assertThat(PartnersFormsTest.count(m, org)).isEqualTo(audits);

            // the good workbook: a proposal, audited as the web and CLI import audits it, then approved by the officer
            r = vendor.upload("/api/v1/partners/contracts/K-A1/checklist", "checklist-K-A1.xlsx",
                    PartnersBrowserTest.fill(exported, "audit-right", "有", "第9条", "監査に応じる。"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(JSON.readTree(r.body()).path("proposed").asBoolean()).isTrue();
            ClauseAnswer a = m.contracts().answers(contract).get("audit-right");
            assertThat(a.pending()).isTrue();
            assertThat(a.proposedAnswer()).isEqualTo(Answer.PRESENT);
            assertThat(a.proposedArticle()).isEqualTo("第9条");
            assertThat(PartnersFormsTest.last(m, org)).satisfies(e -> {
                assertThat(e.action()).isEqualTo("contract.checklist_proposed");
                assertThat(e.actor()).isEqualTo(f.usernames.get(Role.VENDOR));
                assertThat(e.target()).isEqualTo("contract:K-A1");
            });
            HttpSessionClient officer = HttpSessionClient.api(base, f.tokens.get(Role.SECURITY_OFFICER));
            assertThat(officer.sendJson("POST", "/api/v1/partners/contracts/K-A1/approve", "{}").statusCode()).isEqualTo(200);
            assertThat(m.contracts().answers(contract).get("audit-right").answer()).isEqualTo(Answer.PRESENT);

            // the officer's own import is reviewed at once
            r = officer.upload("/api/v1/partners/contracts/K-A2/checklist", "checklist-K-A2.xlsx",
                    PartnersBrowserTest.fill(f.checklist.get(AuthorizationMatrixTest.Target.A2), "subcontracting", "無", "", ""));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(JSON.readTree(r.body()).path("proposed").asBoolean()).isFalse();
            assertThat(PartnersFormsTest.last(m, org).action()).isEqualTo("contract.checklist_answered");
        } finally {
            context.close();
            f.db.close();
        }
    }

    static HttpResponse<byte[]> bytes(String base, String token, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
