package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.app.RunningOnPlatformTest;
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
 * Issue 13 defect 1 on the web: CVE-2019-19781 (our own NVD record: ADC firmware 13.0 AND running on the ADC
 * hardware) on an asset whose firmware and hardware are separate SBOM components, and on one whose hardware is
 * the asset record's CPE. The finding page names the platform entry that satisfied "running on" under
 * 稼働環境（running on） (Running on in English), and which part of the asset carried it; the API's evidence says
 * the same. Firmware without the hardware gives no finding.
 */
class RunningOnWebTest {

    static final String PASSWORD = "Running-On-Web-2026!";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HW_ENTRY = "cpe:2.3:h:citrix:application_delivery_controller:-";
    static final Pattern RUNNING_ON = Pattern.compile("<dt>稼働環境（running on）</dt>\\s*<dd>(.*?)</dd>", Pattern.DOTALL);

    @Test
    void theFindingPageNamesThePlatformEntryThatSatisfiedRunningOn() throws Exception {
        Path dataDir = Files.createTempDirectory("mamori-running-on-web-");
        try (Database db = Database.open(TestDatabases.h2())) {
            Mamori mamori = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dataDir, Map.of()));
            assertThat(mamori.importFeeds().run(Actor.system("test"), List.of(Files.writeString(dataDir.resolve("nvd.json"),
                    RunningOnPlatformTest.NVD)), null, null).summary().failed()).isFalse();
            InventoryRepository inv = mamori.inventory();
            long org = inv.createOrganization("012090", "J町", "municipality").id();
            long sys = inv.createSystem(org, "tw", "テレワーク基盤", Segment.INTERNET, new Importance("3B", "2", "2"), null, null, List.of()).id();
            long both = adc(mamori, org, sys, "adc-01", null, RunningOnPlatformTest.sbom(true, true), dataDir);
            long onRecord = adc(mamori, org, sys, "adc-02", RunningOnPlatformTest.HARDWARE, RunningOnPlatformTest.sbom(true, false), dataDir);
            long fwOnly = adc(mamori, org, sys, "adc-03", null, RunningOnPlatformTest.sbom(true, false), dataDir);

            OfficerAccount officer = OfficerAccount.create(db, dataDir, org, "officer", PASSWORD, List.of("read"));
            String token = officer.token();

            ConfigurableApplicationContext context = MamoriWebApplication.start(db, "127.0.0.1", 0, dataDir);
            try {
                String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
                HttpSessionClient page = officer.signIn(base);

                // firmware and hardware as two components of the asset's SBOM
                long f1 = findingOf(db, both);
                String detail = page.get("/findings/" + f1).body();
                assertThat(detail).contains("CVE-2019-19781").contains("ADC firmware")
                        .as("the finding is on the firmware, the vulnerable entry").contains("<code>" + RunningOnPlatformTest.FIRMWARE + "</code>");
                List<String> entries = runningOn(detail);
                assertThat(entries).singleElement().satisfies(e -> assertThat(e).startsWith(HW_ENTRY)
                        .as("the part of the asset that satisfied it").contains("component hw (ADC MPX 8900)")
                        .contains(RunningOnPlatformTest.HARDWARE));
                assertThat(page.get("/findings/" + f1 + "?lang=en").body()).contains("<dt>Running on</dt>").contains("component hw (ADC MPX 8900)");

                JsonNode api = JSON.readTree(HttpSessionClient.api(base, token).get("/api/v1/findings/" + f1).body());
                assertThat(api.path("evidence").path("match").path("runningOn")).singleElement()
                        .satisfies(e -> assertThat(e.asText()).isEqualTo(entries.get(0)));

                // the hardware is the asset record's CPE, the SBOM lists the firmware only
                page.get("/?lang=ja");
                assertThat(runningOn(page.get("/findings/" + findingOf(db, onRecord)).body())).singleElement()
                        .satisfies(e -> assertThat(e).startsWith(HW_ENTRY).contains("資産 adc-02"));

                // firmware alone: no finding, and the asset page does not list the CVE
                assertThat(count(db, "SELECT COUNT(*) FROM finding WHERE asset_id = " + fwOnly)).isZero();
                assertThat(page.get("/assets/" + fwOnly).body()).doesNotContain("CVE-2019-19781");
                assertThat(page.get("/assets/" + both).body()).contains("CVE-2019-19781");
            } finally {
                context.close();
            }
        }
    }

    private static long adc(Mamori mamori, long org, long sys, String code, String cpe, String sbom, Path dir) throws Exception {
        long asset = mamori.inventory().createAsset(org, sys, new InventoryRepository.NewAsset(code, "ADC " + code, AssetKind.NETWORK_APPLIANCE,
                "Citrix", "ADC", null, cpe, Exposure.OPEN, true, null)).id();
        Path file = Files.writeString(dir.resolve(code + ".cdx.json"), sbom);
        mamori.addSbom().run(Actor.system("test"), org, asset, new AddSbom.Input(file, code + ".cdx.json", null, true));
        return asset;
    }

    /** The items listed under 稼働環境 on a finding page, as text. */
    private static List<String> runningOn(String html) {
        Matcher m = RUNNING_ON.matcher(html);
        assertThat(m.find()).as("the finding page has a 稼働環境 entry").isTrue();
        return Pattern.compile("<li><code>(.*?)</code></li>").matcher(m.group(1)).results()
                .map(r -> r.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")).toList();
    }


    private static long findingOf(Database db, long asset) throws Exception {
        assertThat(count(db, "SELECT COUNT(*) FROM finding WHERE asset_id = " + asset)).as("one finding on asset " + asset).isEqualTo(1);
        return count(db, "SELECT MAX(id) FROM finding WHERE asset_id = " + asset);
    }

    private static long count(Database db, String sql) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
