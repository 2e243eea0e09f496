package jp.mamori.app.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import jp.mamori.advisory.index.MatchIndexes;
import jp.mamori.advisory.store.FeedStatus;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code feeds status}, the feeds page and {@code GET /api/v1/feeds} show the same rows whether the
 * statement counts come from a current match index or from the database, and asking never starts
 * an index build (which takes tens of seconds at NVD scale).
 */
class FeedsStatusTest {

    private static String osv(String id, String modified, String pkg) {
        return """
                {"schema_version": "1.4.0", "id": "%s", "modified": "%s", "published": "2026-09-30T00:00:00Z",
                 "summary": "test record", "affected": [{"package": {"name": "%s", "ecosystem": "npm"},
                   "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.2.0"}]}]}]}
                """.formatted(id, modified, pkg);
    }

    private static final String KEV = """
            {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.11.30",
             "dateReleased": "2026-11-30T12:00:00.000Z", "count": 1, "vulnerabilities": [
              {"cveID": "CVE-2026-0001", "vendorProject": "Example", "product": "example-lib", "vulnerabilityName": "test",
               "dateAdded": "2026-11-30", "shortDescription": "test", "requiredAction": "Apply mitigations per vendor instructions.",
               "dueDate": "2026-12-21", "knownRansomwareCampaignUse": "Unknown", "notes": ""}]}
            """;

    private static Mamori mamori(Database db, Path dir) {
        return Mamori.open(db, Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC), new MamoriSettings(dir, Map.of()));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theRowsAreTheDatabasesWithOrWithoutACurrentIndexAndAskingBuildsNone(Kind kind) throws Exception {
        Path dir = Files.createTempDirectory("mamori-feeds-status-");
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori m = mamori(db, dir);
            m.importFeeds().run(Actor.system("test"), List.of(Files.writeString(dir.resolve("a.json"), osv("GHSA-test-0001-0001", "2026-10-01T09:00:00Z", "a-lib")),
                    Files.writeString(dir.resolve("kev.json"), KEV)), null, null);
            m.matchIndexes().rebuild();
            List<FeedStatus.Row> fromTable = FeedStatus.read(db.dataSource());
            assertThat(m.feedsStatus().rows()).as("a current index").isEqualTo(fromTable);
            assertThat(fromTable).filteredOn(r -> r.source().equals("osv")).singleElement()
                    .satisfies(r -> assertThat(r.records()).isEqualTo(1))
                    .satisfies(r -> assertThat(r.newestData()).isEqualTo(Instant.parse("2026-10-01T09:00:00Z")));

            // A newer record makes the index stale until the next build: the database answers.
            Path b = Files.writeString(dir.resolve("b.json"), osv("GHSA-test-0002-0002", "2026-11-20T09:00:00Z", "b-lib"));
            m.importFeeds().run(Actor.system("test"), List.of(b), null, null);
            Files.deleteIfExists(dir.resolve(MatchIndexes.FILE));
            Mamori fresh = mamori(db, dir);
            assertThat(fresh.feedsStatus().rows()).as("no index").isEqualTo(FeedStatus.read(db.dataSource()))
                    .filteredOn(r -> r.source().equals("osv")).singleElement()
                    .satisfies(r -> assertThat(r.records()).isEqualTo(2))
                    .satisfies(r -> assertThat(r.newestData()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z")));
            assertThat(dir.resolve(MatchIndexes.FILE)).as("the status never builds an index").doesNotExist();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDamagedIndexFileIsNotBelievedAndIsLeftForTheNextScanToReplace(Kind kind) throws Exception {
        Path dir = Files.createTempDirectory("mamori-feeds-status-");
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            mamori(db, dir).importFeeds().run(Actor.system("test"),
                    List.of(Files.writeString(dir.resolve("a.json"), osv("GHSA-test-0001-0001", "2026-10-01T09:00:00Z", "a-lib"))), null, null);
            Path index = dir.resolve(MatchIndexes.FILE);
            byte[] garbage = "MAMORIMX this is not an index, the counts in it must not be shown".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Files.write(index, garbage);

            List<FeedStatus.Row> rows = mamori(db, dir).feedsStatus().rows();
            assertThat(rows).isEqualTo(FeedStatus.read(db.dataSource()))
                    .filteredOn(r -> r.source().equals("osv")).singleElement()
                    .satisfies(r -> assertThat(r.records()).isEqualTo(1));
            assertThat(Files.readAllBytes(index)).as("the status neither uses nor rebuilds it").isEqualTo(garbage);
        }
    }
}
