package jp.mamori.advisory.sync;

import static jp.mamori.advisory.sync.ReplayServer.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

class NvdSyncClientTest {

    private static final String PATH = "/rest/json/cves/2.0";
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

    private FeedSyncService service(SyncSettings settings) {
        return new FeedSyncService(settings, db.dataSource(), data.resolve("feeds"), handler, clock, sleeper, () -> 0.5);
    }

    private static Response page(Request r) {
        return Response.ok(resource("nvd/page-" + r.param("startIndex") + ".json"));
    }

    private JsonNode cursor() throws Exception {
        String text = SyncTestSupport.feedSourceRow(db, Source.NVD)[2];
        return text == null ? new ObjectMapper().createObjectNode() : new ObjectMapper().readTree(text);
    }

    @Test
    void pagesThroughThreePagesAndRetriesA503() throws Exception {
        AtomicBoolean failed = new AtomicBoolean();
        server.route(PATH, r -> "1".equals(r.param("startIndex")) && failed.compareAndSet(false, true)
                ? Response.status(503) : page(r));
        SyncSettings settings = SyncTestSupport.localSettings(server).since(LocalDate.parse("2026-11-10")).build();

        SyncSummary summary = service(settings).sync(Set.of(Source.NVD), ProgressReporter.NONE);

        SyncSummary.SourceResult r = summary.result(Source.NVD).orElseThrow();
        assertThat(r.outcome()).as(r.message()).isEqualTo(SyncSummary.Outcome.UPDATED);
        assertThat(r.documents()).isEqualTo(3);
        assertThat(r.message()).contains("3 page(s), 3 CVE record(s)");
        List<Request> requests = server.requests(PATH);
        assertThat(requests).extracting(q -> q.param("startIndex")).containsExactly("0", "1", "1", "2");
        for (Request q : requests) {
            assertThat(q.param("resultsPerPage")).isEqualTo("2000");
            assertThat(q.param("lastModStartDate")).isEqualTo("2026-11-10T00:00:00.000Z");
            assertThat(q.param("lastModEndDate")).isEqualTo("2026-11-20T03:00:00.000Z");
            assertThat(q.header("apiKey")).isNull();
            assertThat(q.rawQuery()).contains("lastModStartDate=2026-11-10T00:00:00.000Z");
        }
        // pause 6 s between pages (no API key), back-off 1.5 s (2 s with 50 % jitter at random 0.5) after the 503
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(6), Duration.ofMillis(1500), Duration.ofSeconds(6));
        Path dir = data.resolve("feeds/nvd/modified-20261110T000000Z_20261120T030000Z");
        assertThat(handler.files).containsExactly(dir.resolve("cves-0000000.json"), dir.resolve("cves-0000001.json"),
                dir.resolve("cves-0000002.json"));
        assertThat(Files.readAllBytes(handler.files.get(2))).isEqualTo(resource("nvd/page-2.json"));
        assertThat(Files.getLastModifiedTime(handler.files.get(0)).toInstant()).isEqualTo(SyncTestSupport.NOW);
        try (var s = Files.list(data.resolve("feeds/nvd"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
        JsonNode cursor = cursor();
        assertThat(cursor.path("lastModEnd").asText()).isEqualTo("2026-11-20T03:00:00.000Z");
        assertThat(cursor.has("inProgress")).isFalse();
        String[] row = SyncTestSupport.feedSourceRow(db, Source.NVD);
        assertThat(row[0]).isNotEqualTo("null");
        assertThat(row[1]).isNull();
    }

    @Test
    void honoursRetryAfterOnA403AndSendsTheApiKeyHeader() throws Exception {
        AtomicBoolean limited = new AtomicBoolean();
        server.route(PATH, r -> limited.compareAndSet(false, true)
                ? Response.status(403).withHeader("Retry-After", "7") : page(r));
        SyncSettings settings = SyncTestSupport.localSettings(server).since(LocalDate.parse("2026-11-10"))
                .nvdApiKey("test-key-0000-secret").build();

        SyncSummary summary = service(settings).sync(Set.of(Source.NVD), ProgressReporter.NONE);

        assertThat(summary.result(Source.NVD).orElseThrow().outcome()).isEqualTo(SyncSummary.Outcome.UPDATED);
        List<Request> requests = server.requests(PATH);
        assertThat(requests).hasSize(4);
        assertThat(requests).allSatisfy(q -> assertThat(q.header("apiKey")).isEqualTo("test-key-0000-secret"));
        assertThat(requests).allSatisfy(q -> assertThat(q.rawQuery()).doesNotContain("secret"));
        // Retry-After wins over the back-off; with a key NVD allows a request every 0.6 s
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7), Duration.ofMillis(600), Duration.ofMillis(600));
        assertThat(settings.toString()).doesNotContain("secret");
        assertThat(SyncTestSupport.feedSourceRow(db, Source.NVD)[2]).doesNotContain("secret");
    }

    @Test
    void splitsThreeHundredDaysIntoWindowsOfAtMost120Days() throws Exception {
        server.route(PATH, r -> Response.ok(resource("nvd/empty.json")));
        LocalDate since = LocalDate.parse("2026-11-20").minusDays(300);
        SyncSettings settings = SyncTestSupport.localSettings(server).since(since).build();

        SyncSummary summary = service(settings).sync(Set.of(Source.NVD), ProgressReporter.NONE);

        assertThat(summary.result(Source.NVD).orElseThrow().outcome()).isEqualTo(SyncSummary.Outcome.UNCHANGED);
        List<Request> requests = server.requests(PATH);
        assertThat(requests).extracting(q -> q.param("lastModStartDate") + " " + q.param("lastModEndDate")).containsExactly(
                "2026-01-24T00:00:00.000Z 2026-05-24T00:00:00.000Z",
                "2026-05-24T00:00:00.000Z 2026-09-21T00:00:00.000Z",
                "2026-09-21T00:00:00.000Z 2026-11-20T03:00:00.000Z");
        for (Request q : requests) {
            Instant a = Instant.parse(q.param("lastModStartDate"));
            Instant b = Instant.parse(q.param("lastModEndDate"));
            assertThat(Duration.between(a, b)).isLessThanOrEqualTo(Duration.ofDays(120));
            assertThat(q.param("startIndex")).isEqualTo("0");
        }
        assertThat(cursor().path("lastModEnd").asText()).isEqualTo("2026-11-20T03:00:00.000Z");
    }

    @Test
    void resumesAtTheFailedPageWithoutRefetchingEarlierPages() throws Exception {
        server.route(PATH, r -> "2026-11-20T03:00:00.000Z".equals(r.param("lastModStartDate"))
                ? Response.ok(resource("nvd/empty.json")) : page(r));
        SyncSettings settings = SyncTestSupport.localSettings(server).since(LocalDate.parse("2026-11-10")).build();
        handler.failOnCall = 2;

        SyncSummary first = service(settings).sync(Set.of(Source.NVD), ProgressReporter.NONE);

        SyncSummary.SourceResult r1 = first.result(Source.NVD).orElseThrow();
        assertThat(r1.outcome()).isEqualTo(SyncSummary.Outcome.FAILED);
        assertThat(r1.documents()).isEqualTo(1);
        assertThat(r1.message()).contains("import of nvd/modified-20261110T000000Z_20261120T030000Z/cves-0000001.json failed")
                .contains("simulated import failure");
        JsonNode ip = cursor().path("inProgress");
        assertThat(ip.path("nextStartIndex").asInt()).isEqualTo(1);
        assertThat(ip.path("start").asText()).isEqualTo("2026-11-10T00:00:00.000Z");
        assertThat(ip.path("end").asText()).isEqualTo("2026-11-20T03:00:00.000Z");
        assertThat(SyncTestSupport.feedSourceRow(db, Source.NVD)[1]).contains("cves-0000001.json");
        int before = server.requests(PATH).size();

        // an hour later, the import works again
        clock.advance(Duration.ofHours(1));
        handler.failOnCall = -1;
        SyncSummary second = service(settings).sync(Set.of(Source.NVD), ProgressReporter.NONE);

        assertThat(second.result(Source.NVD).orElseThrow().outcome()).isEqualTo(SyncSummary.Outcome.UPDATED);
        List<Request> again = server.requests(PATH).subList(before, server.requests(PATH).size());
        assertThat(again).extracting(q -> q.param("lastModStartDate") + " " + q.param("lastModEndDate") + " " + q.param("startIndex"))
                .containsExactly(
                        "2026-11-10T00:00:00.000Z 2026-11-20T03:00:00.000Z 1",
                        "2026-11-10T00:00:00.000Z 2026-11-20T03:00:00.000Z 2",
                        "2026-11-20T03:00:00.000Z 2026-11-20T04:00:00.000Z 0");
        assertThat(handler.files).extracting(p -> p.getFileName().toString())
                .containsExactly("cves-0000000.json", "cves-0000001.json", "cves-0000002.json", "cves-0000000.json");
        assertThat(cursor().path("lastModEnd").asText()).isEqualTo("2026-11-20T04:00:00.000Z");
        assertThat(cursor().has("inProgress")).isFalse();
    }

    @Test
    void aResumedSyncWithoutSinceContinuesTheInterruptedWindow() throws Exception {
        server.route(PATH, NvdSyncClientTest::page);
        handler.failOnCall = 3;
        service(SyncTestSupport.localSettings(server).since(LocalDate.parse("2026-11-10")).build())
                .sync(Set.of(Source.NVD), ProgressReporter.NONE);
        int before = server.requests(PATH).size();
        handler.failOnCall = -1;

        service(SyncTestSupport.localSettings(server).build()).sync(Set.of(Source.NVD), ProgressReporter.NONE);

        assertThat(server.requests(PATH).subList(before, server.requests(PATH).size()))
                .extracting(q -> q.param("startIndex")).containsExactly("2");
    }

    @Test
    void firstSyncWithoutStateFetchesEverythingThenContinuesIncrementally() throws Exception {
        server.route(PATH, r -> r.param("lastModStartDate") == null ? page(r) : Response.ok(resource("nvd/empty.json")));

        SyncSummary first = service(SyncTestSupport.localSettings(server).build()).sync(Set.of(Source.NVD), ProgressReporter.NONE);

        assertThat(first.result(Source.NVD).orElseThrow().outcome()).isEqualTo(SyncSummary.Outcome.UPDATED);
        assertThat(server.requests(PATH)).extracting(q -> q.param("startIndex")).containsExactly("0", "1", "2");
        assertThat(server.requests(PATH)).allSatisfy(q -> assertThat(q.param("lastModStartDate")).isNull());
        assertThat(handler.files.get(0).getParent().getFileName().toString()).isEqualTo("full-20261120T030000Z");
        assertThat(cursor().path("lastModEnd").asText()).isEqualTo("2026-11-20T03:00:00.000Z");

        clock.advance(Duration.ofHours(2));
        service(SyncTestSupport.localSettings(server).build()).sync(Set.of(Source.NVD), ProgressReporter.NONE);

        Request last = server.requests(PATH).get(server.requests(PATH).size() - 1);
        assertThat(last.param("lastModStartDate")).isEqualTo("2026-11-20T03:00:00.000Z");
        assertThat(last.param("lastModEndDate")).isEqualTo("2026-11-20T05:00:00.000Z");
    }

    @Test
    void anInterruptedFullSyncResumesWithoutDateFilterAndKeepsItsStartTime() throws Exception {
        server.route(PATH, r -> r.param("lastModStartDate") == null ? page(r) : Response.ok(resource("nvd/empty.json")));
        handler.failOnCall = 2;
        service(SyncTestSupport.localSettings(server).build()).sync(Set.of(Source.NVD), ProgressReporter.NONE);
        assertThat(cursor().path("inProgress").path("mode").asText()).isEqualTo("full");
        int before = server.requests(PATH).size();
        handler.failOnCall = -1;
        clock.advance(Duration.ofHours(3));

        service(SyncTestSupport.localSettings(server).build()).sync(Set.of(Source.NVD), ProgressReporter.NONE);

        List<Request> again = server.requests(PATH).subList(before, server.requests(PATH).size());
        assertThat(again).extracting(q -> q.param("lastModStartDate") + " " + q.param("startIndex"))
                .containsExactly("null 1", "null 2", "2026-11-20T03:00:00.000Z 0");
        assertThat(cursor().path("lastModEnd").asText()).isEqualTo("2026-11-20T06:00:00.000Z");
    }

    @Test
    void aRefusedRequestIsRecordedWithUrlStatusAndNvdMessage() throws Exception {
        server.route(PATH, r -> Response.status(404).withHeader("message", "Invalid ISO 8601 date/time format, see documentation."));

        SyncSummary summary = service(SyncTestSupport.localSettings(server).since(LocalDate.parse("2026-11-10")).build())
                .sync(Set.of(Source.NVD), ProgressReporter.NONE);

        SyncSummary.SourceResult r = summary.result(Source.NVD).orElseThrow();
        assertThat(r.outcome()).isEqualTo(SyncSummary.Outcome.FAILED);
        assertThat(server.requests(PATH)).hasSize(1);
        String error = SyncTestSupport.feedSourceRow(db, Source.NVD)[1];
        assertThat(error).contains("HTTP 404 Not Found").contains(server.uri(PATH).toString())
                .contains("Invalid ISO 8601 date/time format");
        assertThat(summary.anyFailed()).isTrue();
        assertThat(handler.files).isEmpty();
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsWithExponentialBackoff() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.route(PATH, r -> {
            calls.incrementAndGet();
            return Response.status(503);
        });

        SyncSummary summary = service(SyncTestSupport.localSettings(server).since(LocalDate.parse("2026-11-10")).build())
                .sync(Set.of(Source.NVD), ProgressReporter.NONE);

        assertThat(calls.get()).isEqualTo(RetryPolicy.DEFAULT.maxAttempts());
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(1500), Duration.ofMillis(3000), Duration.ofMillis(6000),
                Duration.ofMillis(12000), Duration.ofMillis(24000));
        assertThat(summary.result(Source.NVD).orElseThrow().message())
                .contains("HTTP 503 Service Unavailable from " + server.uri(PATH)).contains("after 6 attempt(s)");
        assertThat(cursor().path("inProgress").path("nextStartIndex").asInt()).isZero();
    }

    @Test
    void aTruncatedPageIsRefusedAndNeverHandedOver() throws Exception {
        byte[] page = resource("nvd/page-0.json");
        server.route(PATH, r -> Response.ok(java.util.Arrays.copyOf(page, page.length / 2)));

        SyncSummary summary = service(SyncTestSupport.localSettings(server).since(LocalDate.parse("2026-11-10")).build())
                .sync(Set.of(Source.NVD), ProgressReporter.NONE);

        SyncSummary.SourceResult r = summary.result(Source.NVD).orElseThrow();
        assertThat(r.outcome()).isEqualTo(SyncSummary.Outcome.FAILED);
        assertThat(r.message()).contains("is not an NVD CVE API 2.0 page").contains("not valid JSON");
        assertThat(handler.files).isEmpty();
        try (var s = Files.walk(data.resolve("feeds/nvd"))) {
            assertThat(s.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
