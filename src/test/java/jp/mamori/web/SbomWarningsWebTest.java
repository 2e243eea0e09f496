package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import jp.mamori.security.Role;
import jp.mamori.security.SecretBox;
import jp.mamori.security.Totp;
import jp.mamori.security.UserStore;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issue 13 defect 4 on the upload page: the security officer, signed in, uploads a CycloneDX document with two
 * schema problems from the asset page; the page she is sent back to says it was accepted with 2 warnings and
 * lists both, each beginning with its JSON pointer; a clean document says nothing of warnings.
 */
class SbomWarningsWebTest {

    static final String PASSWORD = "Sbom-Warnings-Web-2026!";

    @Test
    void theAssetPageSaysTheUploadWasAcceptedWithTwoWarningsAndListsThem() throws Exception {
        Path dataDir = Files.createTempDirectory("mamori-warn-web-");
        try (Database db = Database.open(TestDatabases.h2())) {
            Mamori mamori = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dataDir, Map.of()));
            InventoryRepository inv = mamori.inventory();
            long org = inv.createOrganization("012070", "G町", "municipality").id();
            long sys = inv.createSystem(org, "S", "窓口", Segment.LGWAN, new Importance("2", "2", "2"), null, null, List.of()).id();
            Asset asset = inv.createAsset(org, sys, new InventoryRepository.NewAsset("portal", "窓口ポータル", AssetKind.SERVER, null, null, null, null,
                    Exposure.CONTROLLED, false, null));
            String secret = officer(db, dataDir, org);
            ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
            try {
                String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
                HttpSessionClient page = signIn(base, secret);
                String assetPage = "/assets/" + asset.id();
                page.get(assetPage);

                HttpResponse<String> sent = page.upload(assetPage + "/sboms", "portal.cdx.json", SbomWarningsApiTest.CDX.getBytes(StandardCharsets.UTF_8));
                assertThat(HttpSessionClient.location(sent)).isEqualTo(assetPage);
                String shown = page.get(assetPage).body();
                assertThat(shown).contains("SBOMを登録しました").contains("コンポーネント 2件");
                assertThat(shown).contains("<p id=\"upload-warnings\">注意 2 件付きで受け付けました。");
                List<String> listed = items(shown, "upload-warning-list");
                assertThat(listed).hasSize(2);
                assertThat(listed).anySatisfy(w -> assertThat(w)
                                .startsWith("/metadata/component/type: CycloneDX 1.6 スキーマに適合しません / not valid against the CycloneDX 1.6 schema: "))
                        .anySatisfy(w -> assertThat(w)
                                .startsWith("/components/1/type: CycloneDX 1.6 スキーマに適合しません / not valid against the CycloneDX 1.6 schema: "));
                assertThat(page.get(assetPage).body()).as("said once, after the upload").doesNotContain("id=\"upload-warnings\"");

                HttpResponse<String> clean = page.upload(assetPage + "/sboms", "clean.cdx.json", SbomWarningsApiTest.CLEAN.getBytes(StandardCharsets.UTF_8));
                assertThat(HttpSessionClient.location(clean)).isEqualTo(assetPage);
                String cleanShown = page.get(assetPage).body();
                assertThat(cleanShown).contains("SBOMを登録しました").doesNotContain("id=\"upload-warnings\"").doesNotContain("件付きで受け付け");
            } finally {
                context.close();
            }
        }
    }

    /** The texts of the {@code <li><code>} items of the list with this id. */
    private static List<String> items(String html, String id) {
        int start = html.indexOf("<ul id=\"" + id + "\">");
        assertThat(start).as("the list " + id).isNotNegative();
        String list = html.substring(start, html.indexOf("</ul>", start));
        Matcher m = Pattern.compile("<li><code>(.*?)</code></li>", Pattern.DOTALL).matcher(list);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static String officer(Database db, Path dataDir, long org) {
        AuditLog audit = new AuditLog(db.dataSource());
        UserStore users = new UserStore(db.dataSource(), audit, SecretBox.load(dataDir, Map.of()), new BCryptPasswordEncoder(4), Clock.systemUTC());
        UserStore.Created created = users.create(new UserStore.NewUser("officer", null, Role.SECURITY_OFFICER, org, Set.of(), null, true), "test");
        users.changePassword(created.user().id(), created.oneTimePassword(), PASSWORD);
        String secret = Totp.newSecret();
        users.enrolTotp(created.user().id(), secret, Totp.code(secret, Totp.step(Instant.now()) - 1));
        return secret;
    }

    private static HttpSessionClient signIn(String base, String secret) throws Exception {
        HttpSessionClient b = HttpSessionClient.browser(base);
        b.get("/login");
        HttpResponse<String> r = b.postForm("/login", Map.of("username", "officer", "password", PASSWORD));
        assertThat(HttpSessionClient.location(r)).isEqualTo("/login/totp");
        b.get("/login/totp");
        long intoStep = Instant.now().getEpochSecond() % Totp.PERIOD;
        if (intoStep > Totp.PERIOD - 3) Thread.sleep((Totp.PERIOD - intoStep + 1) * 1000L);
        r = b.postForm("/login/totp", Map.of("code", Totp.code(secret, Totp.step(Instant.now()))));
        assertThat(HttpSessionClient.location(r)).isEqualTo("/");
        return b;
    }
}
