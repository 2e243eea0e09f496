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
import java.util.List;
import java.util.Map;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditEvent;
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
import jp.mamori.security.UserAccount;
import jp.mamori.security.UserStore;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issue 18 item 6, the attack: a vendor, who may not accept a risk, uploads an SBOM that leaves
 * out the vulnerable component (or lists nothing) to make the asset's Act finding read "fixed".
 * The empty SBOM is refused; the one that drops the component is held, the finding stays open and
 * the current SBOM stays; only the security officer's confirmation closes it, audited as theirs.
 */
class SbomReviewHoldTest {

    static final String PASSWORD = "Review-Hold-Test-2026!";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aVendorCannotCloseAnActFindingByUploadingAnSbomWithoutTheComponent() throws Exception {
        Path dataDir = Files.createTempDirectory("mamori-hold-");
        try (Database db = Database.open(TestDatabases.h2())) {
            Mamori mamori = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dataDir, Map.of()));
            mamori.importFeeds().run(Actor.system("test"), List.of(Path.of("src/main/resources/demo/feeds/osv")), null, null);
            InventoryRepository inv = mamori.inventory();
            long org = inv.createOrganization("012060", "D町", "municipality").id();
            long sys = inv.createSystem(org, "S", "業務", Segment.LGWAN, new Importance("2", "2", "2"), null, null, List.of("丙社")).id();
            Asset asset = inv.createAsset(org, sys, new InventoryRepository.NewAsset("ap", "AP", AssetKind.SERVER, null, null, null, null,
                    Exposure.CONTROLLED, false, "丙社"));
            Path first = dataDir.resolve("v1.cdx.json");
            Files.writeString(first, bom(WebPagesAndApiTest.LOG4J + ", " + WebPagesAndApiTest.LODASH), StandardCharsets.UTF_8);
            mamori.addSbom().run(Actor.system("setup"), org, asset.id(), new jp.mamori.app.inventory.AddSbom.Input(first, "v1.cdx.json", null, false));
            FindingRow log4j = log4j(mamori, org);
            assertThat(log4j.outcome()).as("an urgent finding (without the KEV entry: Attend)").isIn("act", "attend");

            String vendor = token(db, dataDir, new UserStore.NewUser("vendor", null, Role.VENDOR, org, null, "丙社", false));
            String officer = token(db, dataDir, new UserStore.NewUser("officer", null, Role.SECURITY_OFFICER, org, null, null, false));
            ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
            try {
                String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
                HttpSessionClient asVendor = HttpSessionClient.api(base, vendor);
                String upload = "/api/v1/assets/" + asset.id() + "/sboms";

                HttpResponse<String> empty = asVendor.upload(upload, "empty.cdx.json", bom("").getBytes(StandardCharsets.UTF_8));
                assertThat(empty.statusCode()).isEqualTo(400);
                assertThat(empty.body()).contains("コンポーネントが1件もないSBOM");
                HttpResponse<String> emptyConfirmed = asVendor.upload(upload + "?confirm=true", "empty.cdx.json", bom("").getBytes(StandardCharsets.UTF_8));
                assertThat(emptyConfirmed.statusCode()).as("a vendor's confirmation counts for nothing").isEqualTo(400);

                HttpResponse<String> dropped = asVendor.upload(upload, "v2.cdx.json", bom(WebPagesAndApiTest.LODASH).getBytes(StandardCharsets.UTF_8));
                assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(201);
                JsonNode held = JSON.readTree(dropped.body());
                assertThat(held.path("held").asBoolean()).isTrue();
                assertThat(held.path("wouldClose").asInt()).isEqualTo(1);
                long heldId = held.path("sbom").path("id").asLong();
                assertThat(log4j(mamori, org).state()).as("the finding stays open while the SBOM waits").isEqualTo("new");
                assertThat(mamori.sboms().history(org, asset.id()).stream().filter(s -> s.current()).map(s -> s.fileName()).toList())
                        .containsExactly("v1.cdx.json");

                assertThat(asVendor.sendJson("POST", "/api/v1/sboms/" + heldId + "/confirm", "{}").statusCode()).isEqualTo(403);
                assertThat(log4j(mamori, org).state()).isEqualTo("new");

                HttpResponse<String> confirmed = HttpSessionClient.api(base, officer).sendJson("POST", "/api/v1/sboms/" + heldId + "/confirm", "{}");
                assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
                assertThat(JSON.readTree(confirmed.body()).path("findings").path("closed").asInt()).isEqualTo(1);
                assertThat(log4j(mamori, org).state()).isEqualTo("fixed");
                assertThat(mamori.sboms().history(org, asset.id()).stream().filter(s -> s.current()).map(s -> s.fileName()).toList())
                        .containsExactly("v2.cdx.json");
                assertThat(HttpSessionClient.api(base, officer).sendJson("POST", "/api/v1/sboms/" + heldId + "/confirm", "{}").statusCode())
                        .as("confirmed once").isEqualTo(400);
            } finally {
                context.close();
            }
            List<AuditEvent> events = new AuditLog(db.dataSource()).list(org, false, null, 100);
            assertThat(events).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("sbom.held_for_review");
                assertThat(e.actor()).isEqualTo("vendor");
            });
            assertThat(events).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("sbom.review_confirmed");
                assertThat(e.actor()).isEqualTo("officer");
            });
        }
    }

    private static String bom(String components) {
        return "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1, \"components\": [" + components + "]}";
    }

    private static FindingRow log4j(Mamori mamori, long org) {
        return mamori.findings().list(org, FindingQuery.Filter.all(), 100, 0).stream().filter(r -> "CVE-2021-44228".equals(r.vulnId()))
                .findFirst().orElseThrow();
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
