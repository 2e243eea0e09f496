package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.inventory.Asset;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
            Asset asset = SbomWarningsApiTest.portal(mamori);
            long org = asset.organizationId();
            OfficerAccount officer = OfficerAccount.create(db, dataDir, org, "officer", PASSWORD, List.of("read"));
            ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
            try {
                String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
                HttpSessionClient page = officer.signIn(base);
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

}
