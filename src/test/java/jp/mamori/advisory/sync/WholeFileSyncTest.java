package jp.mamori.advisory.sync;

import static jp.mamori.advisory.sync.ReplayServer.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.sync.ReplayServer.Request;
import jp.mamori.advisory.sync.ReplayServer.Response;
import jp.mamori.advisory.sync.SyncTestSupport.MutableClock;
import jp.mamori.advisory.sync.SyncTestSupport.RecordingHandler;
import jp.mamori.advisory.sync.SyncTestSupport.RecordingSleeper;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KEV (JSON), EPSS (.csv.gz) and OSV (all.zip per ecosystem): conditional GETs of whole files. */
class WholeFileSyncTest {

    private static final String KEV = "/kev/known_exploited_vulnerabilities.json";
    private static final String EPSS = "/epss/epss_scores-current.csv.gz";
    private static Database db;

    @TempDir
    Path data;
    private ReplayServer server;
    private final MutableClock clock = new MutableClock(SyncTestSupport.NOW);
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RecordingHandler handler = new RecordingHandler();

    @BeforeAll
    static void openDatabase() {
        db = Database.open(TestDatabases.h2());
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        SyncTestSupport.clearFeedSources(db);
        server = new ReplayServer();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private SyncSummary sync(Source source, SyncSettings.Builder settings) {
        return new FeedSyncService(settings.build(), db.dataSource(), data.resolve("feeds"), handler, clock, sleeper, () -> 0.5)
                .sync(Set.of(source), ProgressReporter.NONE);
    }

    /** Answers 304 when the client sends the current ETag, like a CDN. */
    private static Response withEtag(Request r, String etag, byte[] body) {
        if (etag.equals(r.header("If-None-Match"))) return Response.status(304).withHeader("ETag", etag);
        return Response.ok(body).withHeader("ETag", etag).withHeader("Last-Modified", "Thu, 19 Nov 2026 17:00:00 GMT");
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    static byte[] zip(String... resources) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String r : resources) {
                z.putNextEntry(new ZipEntry(r.substring(r.lastIndexOf('/') + 1)));
                z.write(resource(r));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void kevIsFetchedOnceAndSkippedWhenTheServerSaysNotModified() throws Exception {
        server.route(KEV, r -> withEtag(r, "\"kev-2026.11.19\"", resource("kev/known_exploited_vulnerabilities.json")));

        SyncSummary first = sync(Source.KEV, SyncTestSupport.localSettings(server));

        SyncSummary.SourceResult r1 = first.result(Source.KEV).orElseThrow();
        assertThat(r1.outcome()).as(r1.message()).isEqualTo(SyncSummary.Outcome.UPDATED);
        assertThat(r1.message()).isEqualTo("3 KEV entries, catalog 2026.11.19");
        Path file = data.resolve("feeds/kev/known_exploited_vulnerabilities.json");
        assertThat(handler.files).containsExactly(file);
        assertThat(handler.sources).containsExactly(Source.KEV);
        assertThat(Files.readAllBytes(file)).isEqualTo(resource("kev/known_exploited_vulnerabilities.json"));
        assertThat(server.requests(KEV).get(0).header("If-None-Match")).isNull();

        SyncSummary second = sync(Source.KEV, SyncTestSupport.localSettings(server));

        assertThat(second.result(Source.KEV).orElseThrow().outcome()).isEqualTo(SyncSummary.Outcome.UNCHANGED);
        assertThat(server.requests(KEV).get(1).header("If-None-Match")).isEqualTo("\"kev-2026.11.19\"");
        assertThat(server.requests(KEV).get(1).header("If-Modified-Since")).isEqualTo("Thu, 19 Nov 2026 17:00:00 GMT");
        assertThat(handler.files).hasSize(1);
    }

    @Test
    void aServerWithoutValidatorsIsCaughtBySameContent() {
        server.route(KEV, r -> Response.ok(resource("kev/known_exploited_vulnerabilities.json")));

        sync(Source.KEV, SyncTestSupport.localSettings(server));
        SyncSummary second = sync(Source.KEV, SyncTestSupport.localSettings(server));

        assertThat(second.result(Source.KEV).orElseThrow().message()).startsWith("unchanged (same content)");
        assertThat(handler.files).hasSize(1);
    }

    @Test
    void aFailedImportIsRetriedNextTimeInsteadOfBeingSkippedAsNotModified() throws Exception {
        server.route(KEV, r -> withEtag(r, "\"v1\"", resource("kev/known_exploited_vulnerabilities.json")));
        handler.failOnCall = 1;

        assertThat(sync(Source.KEV, SyncTestSupport.localSettings(server)).result(Source.KEV).orElseThrow().outcome())
                .isEqualTo(SyncSummary.Outcome.FAILED);
        SyncSummary second = sync(Source.KEV, SyncTestSupport.localSettings(server));

        assertThat(second.result(Source.KEV).orElseThrow().outcome()).isEqualTo(SyncSummary.Outcome.UPDATED);
        assertThat(server.requests(KEV).get(1).header("If-None-Match")).isNull();
        assertThat(handler.files).hasSize(1);
    }

    @Test
    void anHtmlPageInsteadOfTheCatalogueIsRefused() throws Exception {
        server.route(KEV, r -> Response.ok("<html><body>Access Denied</body></html>".getBytes()));

        SyncSummary.SourceResult r = sync(Source.KEV, SyncTestSupport.localSettings(server)).result(Source.KEV).orElseThrow();

        assertThat(r.outcome()).isEqualTo(SyncSummary.Outcome.FAILED);
        assertThat(r.message()).contains("the response from " + server.uri(KEV)).contains("is not a CISA KEV catalogue");
        assertThat(handler.files).isEmpty();
        assertThat(data.resolve("feeds/kev/known_exploited_vulnerabilities.json")).doesNotExist();
        assertThat(SyncTestSupport.feedSourceRow(db, Source.KEV)[1]).contains("is not a CISA KEV catalogue");
    }

    @Test
    void epssIsFetchedCompressedAndKeptCompressed() throws Exception {
        byte[] csv = resource("epss/epss_scores-current.csv");
        server.route(EPSS, r -> withEtag(r, "\"epss-2026-11-19\"", gzipUnchecked(csv)).withHeader("Content-Type", "application/gzip"));

        SyncSummary.SourceResult r = sync(Source.EPSS, SyncTestSupport.localSettings(server)).result(Source.EPSS).orElseThrow();

        assertThat(r.outcome()).as(r.message()).isEqualTo(SyncSummary.Outcome.UPDATED);
        assertThat(r.message()).isEqualTo("3 EPSS scores (model_version:v2026.06.15,score_date:2026-11-19T12:00:00Z)");
        Path file = data.resolve("feeds/epss/epss_scores-current.csv.gz");
        assertThat(handler.files).containsExactly(file);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(in.readAllBytes()).isEqualTo(csv);
        }
        SyncSummary again = sync(Source.EPSS, SyncTestSupport.localSettings(server));
        assertThat(again.result(Source.EPSS).orElseThrow().outcome()).isEqualTo(SyncSummary.Outcome.UNCHANGED);
    }

    @Test
    void aTruncatedEpssDownloadIsRefused() throws Exception {
        byte[] gz = gzip(resource("epss/epss_scores-current.csv"));
        server.route(EPSS, r -> Response.ok(java.util.Arrays.copyOf(gz, gz.length - 12)));

        SyncSummary.SourceResult r = sync(Source.EPSS, SyncTestSupport.localSettings(server)).result(Source.EPSS).orElseThrow();

        assertThat(r.outcome()).isEqualTo(SyncSummary.Outcome.FAILED);
        assertThat(r.message()).contains("is not a gzip-compressed EPSS scores CSV");
        assertThat(handler.files).isEmpty();
    }

    @Test
    void osvFetchesOneArchivePerEcosystemAndSkipsUnchangedOnesByEtag() throws Exception {
        byte[] maven = zip("osv/GHSA-jfh8-c2jp-5v3q.json");
        byte[] pypi = zip("osv/PYSEC-2023-74.json");
        server.route("/osv/Maven/all.zip", r -> withEtag(r, "\"maven-1\"", maven));
        server.route("/osv/PyPI/all.zip", r -> withEtag(r, "\"pypi-1\"", pypi));
        SyncSettings.Builder settings = SyncTestSupport.localSettings(server).osvEcosystems(List.of("Maven", "PyPI"));

        SyncSummary.SourceResult r1 = sync(Source.OSV, settings).result(Source.OSV).orElseThrow();

        assertThat(r1.outcome()).as(r1.message()).isEqualTo(SyncSummary.Outcome.UPDATED);
        assertThat(r1.message()).isEqualTo("Maven: 1 OSV records; PyPI: 1 OSV records");
        assertThat(handler.files).containsExactly(data.resolve("feeds/osv/Maven/all.zip"), data.resolve("feeds/osv/PyPI/all.zip"));
        try (ZipFile z = new ZipFile(handler.files.get(0).toFile())) {
            assertThat(z.getEntry("GHSA-jfh8-c2jp-5v3q.json")).isNotNull();
        }

        SyncSummary.SourceResult r2 = sync(Source.OSV, settings).result(Source.OSV).orElseThrow();

        assertThat(r2.outcome()).as(r2.message()).isEqualTo(SyncSummary.Outcome.UNCHANGED);
        assertThat(server.requests("/osv/Maven/all.zip").get(1).header("If-None-Match")).isEqualTo("\"maven-1\"");
        assertThat(server.requests("/osv/PyPI/all.zip").get(1).header("If-None-Match")).isEqualTo("\"pypi-1\"");
        assertThat(handler.files).hasSize(2);
    }

    @Test
    void oneFailingEcosystemDoesNotStopTheOthers() {
        server.route("/osv/Maven/all.zip", r -> Response.ok(zipUnchecked("osv/GHSA-jfh8-c2jp-5v3q.json")));
        server.route("/osv/Go/all.zip", r -> Response.status(500));
        SyncSettings.Builder settings = SyncTestSupport.localSettings(server).osvEcosystems(List.of("Go", "Maven"))
                .retry(new RetryPolicy(2, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1), 0, java.time.Duration.ZERO));

        SyncSummary.SourceResult r = sync(Source.OSV, settings).result(Source.OSV).orElseThrow();

        assertThat(r.outcome()).isEqualTo(SyncSummary.Outcome.FAILED);
        assertThat(r.message()).contains("HTTP 500 Internal Server Error from " + server.uri("/osv/Go/all.zip"));
        assertThat(handler.files).containsExactly(data.resolve("feeds/osv/Maven/all.zip"));
    }

    @Test
    void ecosystemNamesAreEncodedInTheUrlAndSanitisedInTheCache() {
        SyncSettings s = SyncSettings.defaults();
        assertThat(s.osv().url("Red Hat").toString()).isEqualTo("https://osv-vulnerabilities.storage.googleapis.com/Red%20Hat/all.zip");
        assertThat(s.osv().url("Maven").toString()).isEqualTo("https://osv-vulnerabilities.storage.googleapis.com/Maven/all.zip");
        assertThat(OsvSyncClient.directory("Red Hat")).isEqualTo("Red_Hat");
        assertThat(OsvSyncClient.directory("../x")).isEqualTo("_._x");
    }

    private static byte[] gzipUnchecked(byte[] b) {
        try {
            return gzip(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zipUnchecked(String... r) {
        try {
            return zip(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
