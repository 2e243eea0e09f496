package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditEvent;
import jp.mamori.audit.AuditLog;
import jp.mamori.cli.MamoriMain;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingRow;
import jp.mamori.remediation.StoredDecision;
import jp.mamori.security.ApiTokenStore;
import jp.mamori.security.Role;
import jp.mamori.security.SecretBox;
import jp.mamori.security.Totp;
import jp.mamori.security.UserAccount;
import jp.mamori.security.UserStore;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issue 18.5, the attack: a system administrator records a risk acceptance "approved by" the
 * security officer, who did nothing. The acceptance now waits; the finding stays open; neither the
 * requester, another officer nor another tenant's officer can approve it; only the named officer's
 * own action (API or CLI) records it, audited as theirs.
 */
class AcceptanceApprovalTest {

    static final String PASSWORD = "Approval-Test-2026!x";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRiskAcceptanceNamingTheOfficerWaitsForTheOfficersOwnApproval() throws Exception {
        Path dataDir = Files.createTempDirectory("mamori-approval-");
        DatabaseSettings settings = TestDatabases.h2();
        try (Database db = Database.open(settings)) {
            Mamori mamori = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dataDir, Map.of()));
            mamori.importFeeds().run(Actor.system("test"), List.of(Path.of("src/main/resources/demo/feeds/osv")), null, null);
            InventoryRepository inv = mamori.inventory();
            long org = inv.createOrganization("012080", "G町", "municipality").id();
            long sys = inv.createSystem(org, "S", "業務", Segment.LGWAN, new Importance("2", "2", "2"), null, null, List.of("戊社")).id();
            Asset asset = inv.createAsset(org, sys, new InventoryRepository.NewAsset("ap", "AP", AssetKind.SERVER, null, null, null, null,
                    Exposure.CONTROLLED, false, "戊社"));
            long otherOrg = inv.createOrganization("012081", "H村", "municipality").id();
            Path bom = dataDir.resolve("v1.cdx.json");
            Files.writeString(bom, "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1, \"components\": ["
                    + WebPagesAndApiTest.LOG4J + ", " + WebPagesAndApiTest.LODASH + "]}", StandardCharsets.UTF_8);
            mamori.addSbom().run(Actor.system("setup"), org, asset.id(), new jp.mamori.app.inventory.AddSbom.Input(bom, "v1.cdx.json", null, false));
            List<FindingRow> rows = mamori.findings().list(org, FindingQuery.Filter.all(), 100, 0);
            long log4j = rows.stream().filter(r -> "CVE-2021-44228".equals(r.vulnId())).findFirst().orElseThrow().id();
            long lodash = rows.stream().filter(r -> !"CVE-2021-44228".equals(r.vulnId()) && r.componentName().equals("lodash")).findFirst().orElseThrow().id();

            String sysadmin = token(db, dataDir, new UserStore.NewUser("sysadmin", null, Role.SYSTEM_ADMIN, org, Set.of(sys), null, false));
            String officer = token(db, dataDir, new UserStore.NewUser("officer", null, Role.SECURITY_OFFICER, org, null, null, false));
            String officer2 = token(db, dataDir, new UserStore.NewUser("officer2", null, Role.SECURITY_OFFICER, org, null, null, false));
            String foreignOfficer = token(db, dataDir, new UserStore.NewUser("officer-h", null, Role.SECURITY_OFFICER, otherOrg, null, null, false));
            String until = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(60).toString();
            ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
            try {
                String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
                HttpSessionClient asSysadmin = HttpSessionClient.api(base, sysadmin);
                HttpResponse<String> forged = asSysadmin.sendJson("POST", "/api/v1/findings/" + log4j + "/decision",
                        "{\"action\": \"accept\", \"reason\": \"更新不可のため受容\", \"until\": \"" + until + "\", \"approver\": \"officer\"}");
                assertThat(forged.statusCode()).as(forged.body()).isEqualTo(201);
                JsonNode f = JSON.readTree(forged.body());
                long request = f.path("pendingApproval").asLong();
                assertThat(request).isPositive();
                assertThat(f.path("to").asText()).as("nothing accepted yet").isEqualTo("new");
                assertThat(state(mamori, org, log4j)).isEqualTo("new");
                assertThat(decisions(mamori, org, log4j)).as("no decision stored in the officer's name").isEmpty();

                // nobody but the named officer approves it
                String approve = "/api/v1/approvals/" + request + "/approve";
                assertThat(asSysadmin.sendJson("POST", approve, "{}").statusCode()).as("the requester").isEqualTo(403);
                assertThat(HttpSessionClient.api(base, officer2).sendJson("POST", approve, "{}").statusCode()).as("another officer").isEqualTo(403);
                assertThat(HttpSessionClient.api(base, foreignOfficer).sendJson("POST", approve, "{}").statusCode()).as("another tenant").isEqualTo(404);
                assertThat(HttpSessionClient.api(base, foreignOfficer).get("/api/v1/approvals").body()).doesNotContain("更新不可");
                assertThat(state(mamori, org, log4j)).isEqualTo("new");

                HttpSessionClient asOfficer = HttpSessionClient.api(base, officer);
                JsonNode pending = JSON.readTree(asOfficer.get("/api/v1/approvals").body());
                assertThat(pending).hasSize(1);
                assertThat(pending.get(0).path("canApprove").asBoolean()).isTrue();
                HttpResponse<String> approved = asOfficer.sendJson("POST", approve, "{}");
                assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
                assertThat(JSON.readTree(approved.body()).path("to").asText()).isEqualTo("risk_accepted");
                assertThat(asOfficer.sendJson("POST", approve, "{}").statusCode()).as("approved once").isEqualTo(400);
                StoredDecision d = decisions(mamori, org, log4j).get(0);
                assertThat(d.actor()).isEqualTo("sysadmin");
                assertThat(d.approver()).isEqualTo("officer");

                // the officer deciding alone: at once, as before
                HttpResponse<String> own = asOfficer.sendJson("POST", "/api/v1/findings/" + lodash + "/decision",
                        "{\"action\": \"accept\", \"reason\": \"影響が限定的\", \"until\": \"" + until + "\"}");
                assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
                assertThat(own.body()).contains("\"to\":\"risk_accepted\"").doesNotContain("\"pendingApproval\":");
            } finally {
                context.close();
            }

            // the command line: a claimed --by that is not the approver is refused; the approver's run is audited as theirs
            long reopened = lodash;
            mamori.decideFinding().run(Actor.cli("officer", "ops"), org, reopened, jp.mamori.remediation.Decision.of(
                    jp.mamori.remediation.DecisionAction.REOPEN, "再検討", "officer"));
            var r = mamori.decideFinding().run(Actor.cli("sysadmin", "ops"), org, reopened, new jp.mamori.remediation.Decision(
                    jp.mamori.remediation.DecisionAction.ACCEPT, "CLIから受容", "sysadmin", "officer", LocalDate.parse(until), List.of(), null));
            assertThat(r.decision().pending()).isTrue();
            String data = settings.embeddedDirectory().toString();
            String id = String.valueOf(r.decision().pendingApproval());
            assertThat(MamoriMain.run("findings", "approve", id, "--data", data, "--org", "012080", "--by", "sysadmin")).isEqualTo(2);
            assertThat(state(mamori, org, reopened)).isNotEqualTo("risk_accepted");
            assertThat(MamoriMain.run("findings", "approve", id, "--data", data, "--org", "012080", "--by", "officer")).isZero();
            assertThat(state(mamori, org, reopened)).isEqualTo("risk_accepted");

            List<AuditEvent> events = new AuditLog(db.dataSource()).list(org, false, null, 200);
            assertThat(events).filteredOn(e -> e.action().equals("finding.acceptance_requested")).extracting(AuditEvent::actor)
                    .containsExactlyInAnyOrder("sysadmin", "sysadmin");
            assertThat(events).filteredOn(e -> e.action().equals("finding.acceptance_approved")).extracting(AuditEvent::actor)
                    .containsExactlyInAnyOrder("officer", "officer");
            assertThat(events).filteredOn(e -> e.action().equals("finding.acceptance_approved") && e.detail().contains("via=cli"))
                    .singleElement().satisfies(e -> assertThat(e.detail()).contains("os=" + System.getProperty("user.name"), "requested_by=sysadmin"));
            assertThat(new AuditLog(db.dataSource()).verify().intact()).isTrue();
        }
    }

    private static String state(Mamori mamori, long org, long finding) {
        return mamori.findings().find(org, finding).orElseThrow().state();
    }

    private static List<StoredDecision> decisions(Mamori mamori, long org, long finding) {
        return mamori.findingHistory().decisions(org, finding).stream().filter(StoredDecision::current).toList();
    }

    private static String token(Database db, Path dataDir, UserStore.NewUser user) {
        AuditLog audit = new AuditLog(db.dataSource());
        UserStore users = new UserStore(db.dataSource(), audit, SecretBox.load(dataDir, System.getenv()), new BCryptPasswordEncoder(4), Clock.systemUTC());
        UserStore.Created c = users.create(user, "test");
        users.changePassword(c.user().id(), c.oneTimePassword(), PASSWORD);
        UserAccount u = users.findById(c.user().id()).orElseThrow();
        if (u.needsTotp()) {
            String secret = Totp.newSecret();
            users.enrolTotp(u.id(), secret, Totp.code(secret, Totp.step(Instant.now()) - 1));
        }
        return new ApiTokenStore(db.dataSource(), audit).issue(users.findById(u.id()).orElseThrow(), "t", List.of("read", "write"), 1, "test").secret();
    }
}
