package jp.mamori.advisory.sync;

import static jp.mamori.advisory.sync.ReplayServer.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.bundle.BundleManifest;
import jp.mamori.advisory.bundle.BundleReader;
import jp.mamori.advisory.bundle.BundleWriter;
import jp.mamori.advisory.sync.ReplayServer.Response;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an internet-side sync leaves in the feed cache travels in a bundle and arrives byte for byte. */
class SyncToBundleTest {

    @TempDir
    Path tmp;

    @Test
    void theFeedCacheOfASyncIsPackedAndVerifiedOnTheClosedSide() throws Exception {
        SyncTestSupport.RecordingHandler handler = new SyncTestSupport.RecordingHandler();
        try (ReplayServer server = new ReplayServer(); Database db = Database.open(TestDatabases.h2())) {
            server.route("/rest/json/cves/2.0", r -> Response.ok(resource("nvd/page-" + r.param("startIndex") + ".json")));
            server.route("/kev/known_exploited_vulnerabilities.json", r -> Response.ok(resource("kev/known_exploited_vulnerabilities.json")));
            server.route("/myjvn", r -> Response.ok(resource(
                    "getVulnOverviewList".equals(r.param("method")) ? "jvn/overview-2.xml" : "jvn/detail-2.xml")));
            SyncSettings settings = SyncTestSupport.localSettings(server).since(LocalDate.parse("2026-11-13")).build();
            SyncTestSupport.MutableClock clock = new SyncTestSupport.MutableClock(SyncTestSupport.NOW);
            new FeedSyncService(settings, db.dataSource(), tmp.resolve("internet/feeds"), handler, clock,
                    new SyncTestSupport.RecordingSleeper(), () -> 0.5).sync(Set.of(Source.KEV, Source.NVD, Source.JVN), ProgressReporter.NONE);
        }
        assertThat(handler.files).hasSize(6);

        Path bundle = tmp.resolve("usb/mamori-feeds-20261120.zip");
        BundleManifest manifest = BundleWriter.write(tmp.resolve("internet/feeds"), bundle,
                java.time.Clock.fixed(SyncTestSupport.NOW, java.time.ZoneOffset.UTC));
        List<BundleReader.Document> docs = BundleReader.verifyAndExtract(bundle, tmp.resolve("lgwan/import"), BundleReader.Limits.defaults());

        assertThat(manifest.files()).hasSize(6);
        assertThat(docs).extracting(BundleReader.Document::source)
                .containsExactly(Source.NVD, Source.NVD, Source.NVD, Source.JVN, Source.JVN, Source.KEV);
        List<String> expected = new ArrayList<>();
        for (Path f : handler.files) expected.add(tmp.resolve("internet").relativize(f).toString().replace('\\', '/'));
        assertThat(docs).extracting(BundleReader.Document::path).containsExactlyInAnyOrderElementsOf(expected);
        for (BundleReader.Document d : docs) {
            assertThat(Files.readAllBytes(d.file())).isEqualTo(Files.readAllBytes(tmp.resolve("internet").resolve(d.path())));
        }
    }
}
