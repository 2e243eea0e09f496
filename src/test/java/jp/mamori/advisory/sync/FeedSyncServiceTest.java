package jp.mamori.advisory.sync;

import static jp.mamori.advisory.sync.ReplayServer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.store.FeedStatus;
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

class FeedSyncServiceTest {

    private static Database db;

    @TempDir
    Path data;
    private ReplayServer server;
    private final MutableClock clock = new MutableClock(SyncTestSupport.NOW);
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
        return new FeedSyncService(settings, db.dataSource(), data.resolve("feeds"), handler, clock, new RecordingSleeper(), () -> 0.5);
    }

    @Test
    void runsEverySourceInOrderAndAFailureDoesNotStopTheOthers() throws Exception {
        server.route("/kev/known_exploited_vulnerabilities.json", r -> Response.ok(resource("kev/known_exploited_vulnerabilities.json")));
        server.route("/epss/epss_scores-current.csv.gz", r -> Response.status(404));
        server.route("/rest/json/cves/2.0", r -> Response.ok(resource("nvd/page-" + r.param("startIndex") + ".json")));
        server.route("/myjvn", r -> Response.ok(resource(
                "getVulnOverviewList".equals(r.param("method")) ? "jvn/overview-2.xml" : "jvn/detail-2.xml")));
        byte[] osv = WholeFileSyncTest.zip("osv/GHSA-jfh8-c2jp-5v3q.json");
        server.route("/osv/Go/all.zip", r -> Response.ok(osv));
        SyncSettings settings = SyncTestSupport.localSettings(server).since(LocalDate.parse("2026-11-13"))
                .osvEcosystems(List.of("Go")).build();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        ProgressReporter reporter = new ProgressReporter() {
            @Override
            public void sourceStarted(Source source) { events.add("start " + source.key()); }

            @Override
            public void sourceFinished(SyncSummary.SourceResult result) { events.add("end " + result.source().key() + " " + result.outcome()); }
        };

        SyncSummary summary = service(settings).sync(Set.of(), reporter);

        assertThat(summary.results()).extracting(SyncSummary.SourceResult::source)
                .containsExactly(Source.KEV, Source.EPSS, Source.NVD, Source.JVN, Source.OSV);
        assertThat(summary.results()).extracting(SyncSummary.SourceResult::outcome).containsExactly(
                SyncSummary.Outcome.UPDATED, SyncSummary.Outcome.FAILED, SyncSummary.Outcome.UPDATED,
                SyncSummary.Outcome.UPDATED, SyncSummary.Outcome.UPDATED);
        assertThat(summary.anyFailed()).isTrue();
        assertThat(events).containsExactly("start kev", "end kev UPDATED", "start epss", "end epss FAILED", "start nvd", "end nvd UPDATED",
                "start jvn", "end jvn UPDATED", "start osv", "end osv UPDATED");
        assertThat(handler.sources).startsWith(Source.KEV, Source.NVD);
        // feeds status shows the EPSS error naming the URL and the status
        FeedStatus.Row epss = FeedStatus.read(db.dataSource()).stream().filter(r -> r.source().equals("epss")).findFirst().orElseThrow();
        assertThat(epss.lastError()).contains("HTTP 404 Not Found from " + server.uri("/epss/epss_scores-current.csv.gz"));
        FeedStatus.Row kev = FeedStatus.read(db.dataSource()).stream().filter(r -> r.source().equals("kev")).findFirst().orElseThrow();
        assertThat(kev.lastSuccess()).isEqualTo(SyncTestSupport.NOW);
        assertThat(kev.lastError()).isNull();
    }

    @Test
    void aLaterSuccessClearsTheShownError() {
        server.route("/kev/known_exploited_vulnerabilities.json", r -> Response.status(404));
        service(SyncTestSupport.localSettings(server).build()).sync(Set.of(Source.KEV), ProgressReporter.NONE);
        server.route("/kev/known_exploited_vulnerabilities.json", r -> Response.ok(resource("kev/known_exploited_vulnerabilities.json")));
        clock.advance(java.time.Duration.ofMinutes(5));

        service(SyncTestSupport.localSettings(server).build()).sync(Set.of(Source.KEV), ProgressReporter.NONE);

        FeedStatus.Row kev = FeedStatus.read(db.dataSource()).stream().filter(r -> r.source().equals("kev")).findFirst().orElseThrow();
        assertThat(kev.lastError()).isNull();
    }

    @Test
    void refusesSourcesThatHaveNoOnlineFeed() {
        FeedSyncService service = service(SyncTestSupport.localSettings(server).build());

        assertThatThrownBy(() -> service.sync(Set.of(Source.CSAF), ProgressReporter.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no online sync for csaf").hasMessageContaining("nvd");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anUnreachableServerIsAFailureNamingTheUrl() {
        String url = server.uri("/kev/known_exploited_vulnerabilities.json").toString();
        SyncSettings settings = SyncTestSupport.localSettings(server)
                .retry(new RetryPolicy(2, java.time.Duration.ZERO, java.time.Duration.ZERO, 0, java.time.Duration.ZERO)).build();
        server.close();

        SyncSummary.SourceResult r = service(settings).sync(Set.of(Source.KEV), ProgressReporter.NONE).result(Source.KEV).orElseThrow();

        assertThat(r.outcome()).isEqualTo(SyncSummary.Outcome.FAILED);
        assertThat(r.message()).contains("cannot fetch " + url + " after 2 attempt(s)");
    }
}
