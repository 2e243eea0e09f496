package jp.mamori.advisory.sync;

import static jp.mamori.advisory.sync.ReplayServer.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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

class MyJvnSyncClientTest {

    private static final String PATH = "/myjvn";
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

    /** Two overview pages of 2 + 1 entries, details by id. */
    private static Response myJvn(Request r) {
        if ("getVulnOverviewList".equals(r.param("method"))) {
            return Response.ok(resource("1".equals(r.param("startItem")) ? "jvn/overview-1.xml" : "jvn/overview-2.xml"));
        }
        if ("getVulnDetailInfo".equals(r.param("method"))) {
            return switch (r.param("vulnId")) {
                case "JVNDB-2025-002953+JVNDB-2025-002884" -> Response.ok(resource("jvn/detail-1.xml"));
                case "JVNDB-2022-000097" -> Response.ok(resource("jvn/detail-2.xml"));
                default -> Response.ok(resource("jvn/error.xml"));
            };
        }
        return Response.status(400);
    }

    private SyncSummary sync(SyncSettings.Builder settings) {
        return new FeedSyncService(settings.build(), db.dataSource(), data.resolve("feeds"), handler, clock, sleeper, () -> 0.5)
                .sync(Set.of(Source.JVN), ProgressReporter.NONE);
    }

    @Test
    void pagesTheOverviewWithExplicitDatesAndFetchesDetailsInBatches() throws Exception {
        server.route(PATH, MyJvnSyncClientTest::myJvn);

        SyncSummary.SourceResult r = sync(SyncTestSupport.localSettings(server).jvnPageSize(2)
                .since(LocalDate.parse("2026-11-13"))).result(Source.JVN).orElseThrow();

        assertThat(r.outcome()).as(r.message()).isEqualTo(SyncSummary.Outcome.UPDATED);
        assertThat(r.message()).isEqualTo("2 overview page(s), 3 JVNDB entries, up to 2026-11-20 (JST)");
        List<Request> requests = server.requests(PATH);
        assertThat(requests).extracting(q -> q.param("method")).containsExactly(
                "getVulnOverviewList", "getVulnDetailInfo", "getVulnOverviewList", "getVulnDetailInfo");
        List<Request> overview = requests.stream().filter(q -> q.param("method").equals("getVulnOverviewList")).toList();
        assertThat(overview).extracting(q -> q.param("startItem")).containsExactly("1", "3");
        for (Request q : overview) {
            assertThat(q.param("feed")).isEqualTo("hnd");
            assertThat(q.param("lang")).isEqualTo("ja");
            assertThat(q.param("maxCountItem")).isEqualTo("2");
            // the last-update date (最終更新日), explicitly: the API's default would be the last week only
            assertThat(q.param("datePublishedStartY")).isEqualTo("2026");
            assertThat(q.param("datePublishedStartM")).isEqualTo("11");
            assertThat(q.param("datePublishedStartD")).isEqualTo("13");
            assertThat(q.param("datePublishedEndY")).isEqualTo("2026");
            assertThat(q.param("datePublishedEndM")).isEqualTo("11");
            assertThat(q.param("datePublishedEndD")).isEqualTo("20");
            assertThat(q.param("rangeDatePublic")).isEqualTo("n");
            assertThat(q.param("rangeDateFirstPublished")).isEqualTo("n");
            assertThat(q.params()).doesNotContainKey("rangeDatePublished");
        }
        List<Request> details = requests.stream().filter(q -> q.param("method").equals("getVulnDetailInfo")).toList();
        assertThat(details.get(0).rawQuery()).contains("vulnId=JVNDB-2025-002953+JVNDB-2025-002884");
        assertThat(details.get(0).param("maxCountItem")).isEqualTo("2");
        assertThat(details.get(1).param("vulnId")).isEqualTo("JVNDB-2022-000097");
        assertThat(details).allSatisfy(q -> assertThat(q.param("feed")).isEqualTo("hnd"));

        Path dir = data.resolve("feeds/jvn/20261113_20261120");
        assertThat(handler.files).containsExactly(dir.resolve("p000001-0-overview.xml"), dir.resolve("p000001-1-detail-01.xml"),
                dir.resolve("p000003-0-overview.xml"), dir.resolve("p000003-1-detail-01.xml"));
        assertThat(sleeper.waits).hasSize(3).allSatisfy(w -> assertThat(w).isEqualTo(Duration.ofMillis(500)));
        var cursor = new ObjectMapper().readTree(SyncTestSupport.feedSourceRow(db, Source.JVN)[2]);
        assertThat(cursor.path("lastEndDate").asText()).isEqualTo("2026-11-20");
        assertThat(cursor.has("inProgress")).isFalse();
    }

    @Test
    void detailCallsCarryAtMostTheConfiguredNumberOfIds() {
        server.route(PATH, r -> "getVulnOverviewList".equals(r.param("method")) ? myJvn(r)
                : Response.ok(resource(r.param("vulnId").startsWith("JVNDB-2022") ? "jvn/detail-2.xml" : "jvn/detail-1.xml")));

        sync(SyncTestSupport.localSettings(server).jvnPageSize(2).jvnDetailBatch(1).since(LocalDate.parse("2026-11-13")));

        assertThat(server.requests(PATH).stream().filter(q -> q.param("method").equals("getVulnDetailInfo")))
                .extracting(q -> q.param("vulnId"))
                .containsExactly("JVNDB-2025-002953", "JVNDB-2025-002884", "JVNDB-2022-000097");
    }

    @Test
    void incrementalSyncStartsAtTheLastEndDateInJapanTime() {
        server.route(PATH, MyJvnSyncClientTest::myJvn);
        sync(SyncTestSupport.localSettings(server).jvnPageSize(2).since(LocalDate.parse("2026-11-13")));
        int before = server.requests(PATH).size();

        // 2026-11-21 16:00 UTC is already 2026-11-22 in Japan
        clock.set(java.time.Instant.parse("2026-11-21T16:00:00Z"));
        sync(SyncTestSupport.localSettings(server).jvnPageSize(2));

        Request q = server.requests(PATH).get(before);
        assertThat(q.param("datePublishedStartD")).isEqualTo("20");
        assertThat(q.param("datePublishedEndD")).isEqualTo("22");
    }

    @Test
    void resumesAtTheNextOverviewPage() {
        server.route(PATH, MyJvnSyncClientTest::myJvn);
        handler.failOnCall = 3; // the second overview page
        SyncSettings.Builder settings = SyncTestSupport.localSettings(server).jvnPageSize(2).since(LocalDate.parse("2026-11-13"));

        assertThat(sync(settings).result(Source.JVN).orElseThrow().outcome()).isEqualTo(SyncSummary.Outcome.FAILED);
        int before = server.requests(PATH).size();
        handler.failOnCall = -1;
        sync(settings);

        List<Request> again = server.requests(PATH).subList(before, server.requests(PATH).size());
        assertThat(again).extracting(q -> q.param("method") + ":" + q.param("startItem"))
                .containsExactly("getVulnOverviewList:3", "getVulnDetailInfo:null");
    }

    @Test
    void anApiErrorIsReportedWithItsCodeAndMessage() throws Exception {
        server.route(PATH, r -> Response.ok(resource("jvn/error.xml")));

        SyncSummary.SourceResult r = sync(SyncTestSupport.localSettings(server).since(LocalDate.parse("2026-11-13")))
                .result(Source.JVN).orElseThrow();

        assertThat(r.outcome()).isEqualTo(SyncSummary.Outcome.FAILED);
        assertThat(r.message()).contains("MyJVN getVulnOverviewList error 1001 from " + server.uri(PATH))
                .contains("パラメタ値が不正です");
        assertThat(handler.files).isEmpty();
        assertThat(SyncTestSupport.feedSourceRow(db, Source.JVN)[1]).contains("error 1001");
    }

    @Test
    void otherDateFiltersUseTheirOwnParameters() {
        server.route(PATH, MyJvnSyncClientTest::myJvn);

        sync(SyncTestSupport.localSettings(server).jvnPageSize(2).since(LocalDate.parse("2026-11-13"))
                .jvnDateFilter(JvnSyncSettings.DateFilter.PUBLIC));

        Request q = server.requests(PATH).get(0);
        assertThat(q.param("datePublicStartY")).isEqualTo("2026");
        assertThat(q.param("datePublicEndD")).isEqualTo("20");
        assertThat(q.param("rangeDatePublished")).isEqualTo("n");
        assertThat(q.param("rangeDateFirstPublished")).isEqualTo("n");
        assertThat(q.params()).doesNotContainKey("rangeDatePublic");
    }
}
