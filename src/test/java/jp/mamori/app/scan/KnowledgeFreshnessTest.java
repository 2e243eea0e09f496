package jp.mamori.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
 * Issue 12.9: a scan must know when the knowledge base cannot answer. The age is the data's own
 * date (our OSV record says modified 2026-10-01), not the import time, on H2 and PostgreSQL.
 */
class KnowledgeFreshnessTest {

    static final String OSV = """
            {"schema_version": "1.4.0", "id": "GHSA-test-0001-0001", "modified": "2026-10-01T09:00:00Z",
             "published": "2026-09-30T00:00:00Z", "aliases": ["CVE-2026-0001"], "summary": "test record",
             "affected": [{"package": {"name": "example-lib", "ecosystem": "npm"},
               "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.2.0"}]}]}]}
            """;

    static final String KEV = """
            {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.11.30",
             "dateReleased": "2026-11-30T12:00:00.000Z", "count": 1, "vulnerabilities": [
              {"cveID": "CVE-2026-0001", "vendorProject": "Example", "product": "example-lib", "vulnerabilityName": "test",
               "dateAdded": "2026-11-30", "shortDescription": "test", "requiredAction": "Apply mitigations per vendor instructions.",
               "dueDate": "2026-12-21", "knownRansomwareCampaignUse": "Unknown", "notes": ""}]}
            """;

    private static Mamori mamori(Database db, Path dir, String now) {
        return Mamori.open(db, Clock.fixed(Instant.parse(now), ZoneOffset.UTC), new MamoriSettings(dir, Map.of()));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEmptyKnowledgeBaseIsEmptyAndKevAloneFindsNothing(Kind kind) throws Exception {
        Path dir = Files.createTempDirectory("mamori-fresh-");
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori m = mamori(db, dir, "2026-12-03T00:00:00Z");
            KnowledgeFreshness empty = m.scanSbom().freshness(14);
            assertThat(empty.state()).isEqualTo(KnowledgeFreshness.State.EMPTY);
            assertThat(empty.records()).isZero();
            assertThat(empty.newestDate()).isEqualTo("-");

            m.importFeeds().run(Actor.system("test"), List.of(Files.writeString(dir.resolve("kev.json"), KEV)), null, null);
            assertThat(m.scanSbom().freshness(14).state()).as("KEV refines findings but makes none").isEqualTo(KnowledgeFreshness.State.EMPTY);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theAgeIsTheDataOwnDateNotTheImportTime(Kind kind) throws Exception {
        Path dir = Files.createTempDirectory("mamori-fresh-");
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori m = mamori(db, dir, "2026-12-03T00:00:00Z");
            m.importFeeds().run(Actor.system("test"), List.of(Files.writeString(dir.resolve("osv.json"), OSV),
                    Files.writeString(dir.resolve("kev.json"), KEV)), null, null);

            KnowledgeFreshness kb = m.scanSbom().freshness(14);
            assertThat(kb.records()).isEqualTo(1);
            assertThat(kb.newestDate()).as("OSV modified, not today's import").isEqualTo("2026-10-01");
            assertThat(kb.ageDays()).isEqualTo(62);
            assertThat(kb.state()).isEqualTo(KnowledgeFreshness.State.STALE);
            assertThat(m.scanSbom().freshness(62).state()).isEqualTo(KnowledgeFreshness.State.CURRENT);
            assertThat(m.scanSbom().freshness(0).state()).as("0 turns the age check off").isEqualTo(KnowledgeFreshness.State.CURRENT);
            assertThat(mamori(db, dir, "2026-10-10T00:00:00Z").scanSbom().freshness(14).state()).isEqualTo(KnowledgeFreshness.State.CURRENT);

            FeedStatus.Row kev = FeedStatus.read(db.dataSource()).stream().filter(r -> r.source().equals("kev")).findFirst().orElseThrow();
            assertThat(kev.newestData()).as("KEV's own dateAdded").isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
            FeedStatus.Row osv = FeedStatus.read(db.dataSource()).stream().filter(r -> r.source().equals("osv")).findFirst().orElseThrow();
            assertThat(osv.newestData()).isEqualTo(Instant.parse("2026-10-01T09:00:00Z"));
        }
    }

    static final String WITHDRAWN_OSV = """
            {"schema_version": "1.4.0", "id": "GHSA-test-0002-0002", "modified": "2026-11-15T09:00:00Z",
             "withdrawn": "2026-11-15T09:00:00Z", "published": "2026-09-30T00:00:00Z", "summary": "withdrawn record",
             "affected": [{"package": {"name": "other-lib", "ecosystem": "npm"},
               "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "2.0.0"}]}]}]}
            """;

    /**
     * A scan reads the counts and dates from the compiled match index when it is current (issue 16):
     * the same answer as the feed status, whose full scan of the statements took seconds at NVD scale,
     * withdrawn statements counted as there.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void theMatchIndexGivesTheFeedStatusAnswerWithdrawnStatementsIncluded(Kind kind) throws Exception {
        Path dir = Files.createTempDirectory("mamori-fresh-");
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori m = mamori(db, dir, "2026-12-03T00:00:00Z");
            m.importFeeds().run(Actor.system("test"), List.of(Files.writeString(dir.resolve("osv.json"), OSV),
                    Files.writeString(dir.resolve("withdrawn.json"), WITHDRAWN_OSV), Files.writeString(dir.resolve("kev.json"), KEV)), null, null);

            KnowledgeFreshness kb = m.scanSbom().freshness(14);
            assertThat(m.matchIndexes().current()).as("answered while the index is current").isPresent();
            assertThat(kb.records()).isEqualTo(2);
            assertThat(kb.newestDate()).as("the withdrawn record's own date counts, as in feeds status").isEqualTo("2026-11-15");
            assertThat(kb.ageDays()).isEqualTo(17);
            KnowledgeFreshness fromTable = KnowledgeFreshness.of(FeedStatus.read(db.dataSource()), Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"),
                    ZoneOffset.UTC), 14);
            assertThat(kb).isEqualTo(fromTable);
        }
    }

    @org.junit.jupiter.api.Test
    void theSettingGivesTheAllowedAge() {
        assertThat(new MamoriSettings(Path.of("d"), Map.of()).kbMaxAgeDays()).isEqualTo(14);
        assertThat(new MamoriSettings(Path.of("d"), Map.of("MAMORI_KB_MAX_AGE_DAYS", "30")).kbMaxAgeDays()).isEqualTo(30);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MamoriSettings(Path.of("d"), Map.of("MAMORI_KB_MAX_AGE_DAYS", "two weeks")).kbMaxAgeDays())
                .hasMessageContaining("MAMORI_KB_MAX_AGE_DAYS").hasMessageContaining("two weeks");
    }
}
