package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditLog;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingRow;
import jp.mamori.security.ApiTokenStore;
import jp.mamori.security.Role;
import jp.mamori.security.SecretBox;
import jp.mamori.security.Totp;
import jp.mamori.security.UserStore;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issue 18 item 1, the attack as it was made: ten parallel uploads of an SBOM to one asset while
 * a feed import re-matches. Every request's answer must be what is stored — 201 and one stored
 * SBOM with its audit entry, or an error and nothing — exactly one SBOM is current, and the
 * log4j-core 2.14.1 finding of the current SBOM stays open.
 */
class ConcurrentSbomUploadTest {

    static final String PASSWORD = "Concurrent-Upload-2026!";
    static final int UPLOADS = 10;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void parallelUploadsDuringAnImportLeaveOneCurrentSbomAndTheFindingOpen(Kind kind) throws Exception {
        Path dataDir = Files.createTempDirectory("mamori-concurrent-");
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori mamori = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dataDir, java.util.Map.of()));
            Path demoFeeds = Path.of("src/main/resources/demo/feeds");
            assertThat(mamori.importFeeds().run(Actor.system("test"), List.of(demoFeeds.resolve("osv")), null, null).summary().failed()).isFalse();
            InventoryRepository inv = mamori.inventory();
            long org = inv.createOrganization("012050", "C村", "municipality").id();
            long sys = inv.createSystem(org, "S", "住民記録", Segment.MYNUMBER, new Importance("3A", "2", "2"), null, null, List.of()).id();
            Asset asset = inv.createAsset(org, sys, new InventoryRepository.NewAsset("ap", "AP", AssetKind.SERVER, null, null, null, null,
                    Exposure.SMALL, false, null));
            AuditLog audit = new AuditLog(db.dataSource());
            UserStore users = new UserStore(db.dataSource(), audit, SecretBox.load(dataDir, System.getenv()), new BCryptPasswordEncoder(4), Clock.systemUTC());
            UserStore.Created c = users.create(new UserStore.NewUser("officer", null, Role.SECURITY_OFFICER, org, null, null, false), "test");
            users.changePassword(c.user().id(), c.oneTimePassword(), PASSWORD);
            String secret = Totp.newSecret();
            users.enrolTotp(c.user().id(), secret, Totp.code(secret, Totp.step(Instant.now()) - 1));
            String token = new ApiTokenStore(db.dataSource(), audit).issue(users.findById(c.user().id()).orElseThrow(), "t", List.of("read", "write"), 1, "test")
                    .secret();

            ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
            try {
                String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
                ExecutorService pool = Executors.newFixedThreadPool(UPLOADS + 1);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < UPLOADS; i++) {
                    int n = i;
                    answers.add(pool.submit(() -> {
                        go.await();
                        byte[] bom = ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": " + (n + 1) + ", \"components\": ["
                                + WebPagesAndApiTest.LOG4J + "]}").getBytes(StandardCharsets.UTF_8);
                        return HttpSessionClient.api(base, token).upload("/api/v1/assets/" + asset.id() + "/sboms", "v" + n + ".cdx.json", bom);
                    }));
                }
                Future<?> importing = pool.submit(() -> {
                    go.await();
                    return mamori.importFeeds().run(Actor.system("test"), List.of(demoFeeds), null, null);
                });
                go.countDown();
                int created = 0;
                for (Future<HttpResponse<String>> f : answers) {
                    HttpResponse<String> r = f.get(120, TimeUnit.SECONDS);
                    assertThat(r.statusCode()).as(r.body()).isIn(201, 400, 409, 503);
                    if (r.statusCode() == 201) created++;
                }
                importing.get(120, TimeUnit.SECONDS);
                pool.shutdown();

                assertThat(created).as("a correct upload is not refused because others run at the same time").isEqualTo(UPLOADS);
                assertThat(count(db, "SELECT COUNT(*) FROM sbom_document WHERE asset_id = ?", asset.id())).as("what was answered is what is stored")
                        .isEqualTo(created);
                assertThat(count(db, "SELECT COUNT(*) FROM sbom_document WHERE asset_id = ? AND current_doc = TRUE", asset.id())).isEqualTo(1);
                assertThat(count(db, "SELECT COUNT(*) FROM audit_event WHERE action = 'sbom.added' AND target = ?", "asset:" + asset.id()))
                        .as("one audit entry per stored SBOM").isEqualTo(created);
                List<FindingRow> log4j = new FindingQuery(db.dataSource()).list(org, FindingQuery.Filter.all(), 100, 0).stream()
                        .filter(r -> r.assetId() == asset.id() && "CVE-2021-44228".equals(r.vulnId())).toList();
                assertThat(log4j).hasSize(1);
                assertThat(log4j.get(0).state()).as("the Act finding of the current SBOM is open").isEqualTo("new");
                assertThat(audit.verify().intact()).isTrue();
            } finally {
                context.close();
            }
        }
    }

    private static long count(Database db, String sql, Object arg) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
