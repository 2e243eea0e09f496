package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.mamori.advisory.store.FeedFileImporter;
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
import jp.mamori.security.ApiTokenStore;
import jp.mamori.security.Role;
import jp.mamori.security.SecretBox;
import jp.mamori.security.Totp;
import jp.mamori.security.UserAccount;
import jp.mamori.security.UserStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issue 11: one user action, driven once through the command line and once through the API on
 * an identical asset, leaves the same trace — the same audit entries (action, target, the facts
 * in the detail), the same stored outcome and the same follow-up (notification events raised and
 * processed). Only the channel and the ids differ.
 */
class FrontEndParityTest {

    static final String PASSWORD = "Parity-Test-Password-2026!";
    static final String ORG = "012041";

    @Test
    void addingAnSbomAndDecidingAFindingLeaveTheSameTraceFromTheCliAndTheApi() throws Exception {
        Path dataDir = Files.createTempDirectory("mamori-parity-");
        Path bom = dataDir.resolve("gateway.cdx.json");
        Files.writeString(bom, "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1, \"components\": ["
                + WebPagesAndApiTest.LOG4J + "]}", StandardCharsets.UTF_8);
        String until = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(14).toString();
        long cliAsset;
        long webAsset;
        String token;
        try (Database db = Database.open(DatabaseSettings.embedded(dataDir))) {
            Path feeds = dataDir.resolve("setup-feeds");
            Files.createDirectories(feeds);
            try (InputStream in = getClass().getResourceAsStream("/demo/feeds/osv/GHSA-jfh8-c2jp-5v3q.json")) {
                Files.copy(in, feeds.resolve("log4shell.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(new FeedFileImporter(db, Clock.systemUTC(), null).importPaths(List.of(feeds), null, false).failed()).isFalse();
            InventoryRepository inv = new InventoryRepository(db.dataSource());
            long org = inv.createOrganization(ORG, "B町", "municipality").id();
            long sys = inv.createSystem(org, "tw", "テレワーク", Segment.INTERNET, new Importance("3B", "2", "2"), null, null, List.of("乙社")).id();
            cliAsset = asset(inv, org, sys, "gw-cli").id();
            webAsset = asset(inv, org, sys, "gw-web").id();
            AuditLog audit = new AuditLog(db.dataSource());
            UserStore users = new UserStore(db.dataSource(), audit, SecretBox.load(dataDir, System.getenv()), new BCryptPasswordEncoder(4), Clock.systemUTC());
            UserStore.Created c = users.create(new UserStore.NewUser("officer", "情報 花子", Role.SECURITY_OFFICER, org, null, null, true), "test");
            users.changePassword(c.user().id(), c.oneTimePassword(), PASSWORD);
            String secret = Totp.newSecret();
            users.enrolTotp(c.user().id(), secret, Totp.code(secret, Totp.step(Instant.now()) - 1));
            UserAccount officer = users.findById(c.user().id()).orElseThrow();
            token = new ApiTokenStore(db.dataSource(), audit).issue(officer, "parity", List.of("read", "write"), 1, "test").secret();
        }

        // the command line: sbom add, then a decision
        String data = dataDir.toString();
        assertThat(MamoriMain.run("sbom", "add", "--data", data, "--org", ORG, "--asset", "gw-cli", bom.toString())).isZero();
        long cliFinding = findingOf(dataDir, cliAsset);
        assertThat(MamoriMain.run("findings", "decide", String.valueOf(cliFinding), "--data", data, "--org", ORG, "--action", "mitigate",
                "--reason", "回避策を適用、パッチは2週間以内", "--until", until, "--by", "officer")).isZero();

        // the API, on the twin asset
        long webFinding;
        try (Database db = Database.open(DatabaseSettings.embedded(dataDir))) {
            ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
            try {
                String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
                HttpSessionClient api = HttpSessionClient.api(base, token);
                HttpResponse<String> r = api.upload("/api/v1/assets/" + webAsset + "/sboms", "gateway.cdx.json", Files.readAllBytes(bom));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                webFinding = findingOf(db, webAsset);
                r = api.sendJson("POST", "/api/v1/findings/" + webFinding + "/decision",
                        "{\"action\": \"mitigate\", \"reason\": \"回避策を適用、パッチは2週間以内\", \"until\": \"" + until + "\"}");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            } finally {
                context.close();
            }
        }

        try (Database db = Database.open(DatabaseSettings.embedded(dataDir))) {
            List<AuditEvent> events = new AuditLog(db.dataSource()).list(null, true, null, 100);
            for (String action : List.of("sbom.added", "finding.decided")) {
                AuditEvent viaCli = only(events, action, "cli");
                AuditEvent viaApi = only(events, action, "web");
                assertThat(facts(viaCli.detail())).as(action).isEqualTo(facts(viaApi.detail()));
                assertThat(viaCli.target().replaceAll("\\d+", "#")).isEqualTo(viaApi.target().replaceAll("\\d+", "#"));
            }
            AuditEvent decidedOnCli = only(events, "finding.decided", "cli");
            assertThat(decidedOnCli.actor()).as("the claimed decider").isEqualTo("officer");
            assertThat(decidedOnCli.detail()).as("and who really ran the command").contains("os=" + System.getProperty("user.name"));
            assertThat(only(events, "finding.decided", "web").actor()).isEqualTo("officer");

            FindingQuery q = new FindingQuery(db.dataSource());
            long org = new InventoryRepository(db.dataSource()).requireOrganization(ORG).id();
            FindingRow cli = q.find(org, cliFinding).orElseThrow();
            FindingRow web = q.find(org, webFinding).orElseThrow();
            assertThat(cli.state()).isEqualTo(web.state());
            assertThat(cli.outcome()).isEqualTo(web.outcome());
            assertThat(notificationKinds(db, cliFinding)).as("the follow-up raised the same notifications").isEqualTo(notificationKinds(db, webFinding))
                    .isNotEmpty();
            assertThat(unflushed(db)).as("and processed them at once, from both front ends").isZero();
            assertThat(new AuditLog(db.dataSource()).verify().intact()).isTrue();
        }
    }

    private static Asset asset(InventoryRepository inv, long org, long sys, String code) {
        return inv.createAsset(org, sys, new InventoryRepository.NewAsset(code, code, AssetKind.NETWORK_APPLIANCE, null, null, null, null,
                Exposure.OPEN, true, "乙社"));
    }

    private static long findingOf(Path dataDir, long assetId) {
        try (Database db = Database.open(DatabaseSettings.embedded(dataDir))) {
            return findingOf(db, assetId);
        }
    }

    private static long findingOf(Database db, long assetId) {
        long org = new InventoryRepository(db.dataSource()).requireOrganization(ORG).id();
        return new FindingQuery(db.dataSource()).list(org, FindingQuery.Filter.all(), 100, 0).stream()
                .filter(r -> r.assetId() == assetId).findFirst().orElseThrow().id();
    }

    private static AuditEvent only(List<AuditEvent> events, String action, String channel) {
        List<AuditEvent> found = events.stream().filter(e -> e.action().equals(action) && e.detail() != null
                && e.detail().startsWith("via=" + channel)).toList();
        assertThat(found).as(action + " via " + channel).hasSize(1);
        return found.get(0);
    }

    /** The detail without the channel, the operating-system account and the ids that differ by nature. */
    static Set<String> facts(String detail) {
        Set<String> out = new java.util.TreeSet<>();
        for (String part : detail.split(" ")) {
            if (part.startsWith("via=") || part.startsWith("os=") || part.startsWith("file=")) continue;
            out.add(part.replaceAll("\\d{3,}", "#").replaceAll("(sbom|decision):\\d+", "$1:#").replaceAll("asset=gw-(cli|web)", "asset=gw"));
        }
        return out;
    }

    private static List<String> notificationKinds(Database db, long findingId) throws Exception {
        List<String> kinds = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT kind, audience FROM notification_event WHERE finding_id = ? ORDER BY kind, audience")) {
            ps.setLong(1, findingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) kinds.add(rs.getString(1) + "/" + rs.getString(2));
            }
        }
        return kinds;
    }

    private static long unflushed(Database db) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM notification_event WHERE flushed_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
