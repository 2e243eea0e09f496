package jp.mamori.advisory.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.advisory.Source;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * After an import the index is rebuilt from the previous one where only a few statements changed
 * (ADR 0025): the file is byte for byte what a full build of the same database writes, and only the
 * statements of the vulnerabilities that changed are parsed again. The expected counts come from
 * the database's rows, not from the builder.
 */
class IncrementalBuildTest {

    private static final Instant LATER = Instant.parse("2031-01-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void eachKindOfChangeGivesTheFullBuildsBytesAndParsesOnlyWhatChanged(TestDatabases.Kind kind) throws Exception {
        Path work = IndexFixtures.tempDir("mamori-index-incr-");
        Path feeds = Path.of("src/test/resources/feeds");
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            IndexFixtures.store(db, IndexFixtures.matchEngineScenarios());
            for (String f : List.of("nvd", "osv", "cve5", "kev", "epss")) IndexFixtures.importFiles(db, List.of(feeds.resolve(f)));
            IndexFixtures.importFiles(db, List.of(IndexFixtures.feedsDir(work, 400, 300)));
            MatchIndexes indexes = new MatchIndexes(db.dataSource(), work.resolve("kb"));
            indexes.rebuild();
            assertThat(indexes.lastBuild().orElseThrow().fullBecause()).isEqualTo("no intact earlier index");
            Changes changes = new Changes(db, indexes, work);

            // A new statement of a vulnerability that has others (JVN's word on a CVE that OSV and the CVE record describe).
            changes.apply(() -> IndexFixtures.store(db, List.of(Advisory.builder("CVE-2021-44228", Source.JVN, "JVNDB-2021-005429")
                    .cpeName("cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*").modified(LATER).build())));
            // A changed statement: NVD's newer version of a record with another range.
            changes.apply(() -> IndexFixtures.store(db, List.of(nvd("CVE-2023-4966", "13.1-51.15", false))));
            // A withdrawn statement of a vulnerability that keeps another one.
            changes.apply(() -> IndexFixtures.store(db, List.of(Advisory.builder("CVE-2023-4966", Source.JVN, "JVNDB-2023-000000")
                    .withdrawn(true).modified(LATER).build())));
            // A withdrawn statement that was its vulnerability's last one (by source): the others stay where they were in the file.
            changes.apply(() -> IndexFixtures.store(db, List.of(Advisory.builder("CVE-2021-44228", Source.OSV, "GHSA-jfh8-c2jp-5v3q")
                    .withdrawn(true).modified(LATER).build())));
            // The whole vulnerability withdrawn (NVD rejects it) and published again.
            changes.apply(() -> IndexFixtures.store(db, List.of(later(nvd("CVE-2023-4966", "13.1-51.15", true), 1))));
            assertThat(changes.live).doesNotContainKey("CVE-2023-4966");
            changes.apply(() -> IndexFixtures.store(db, List.of(later(nvd("CVE-2023-4966", "13.1-52.0", false), 2))));
            assertThat(changes.live).containsKey("CVE-2023-4966");
            // A source the knowledge base had no statement of, in its real format.
            assertThat(indexes.current().orElseThrow().statementsBySource()).noneMatch(s -> s.source().equals("csaf"));
            changes.apply(() -> IndexFixtures.importFiles(db, List.of(feeds.resolve("csaf"))));
            assertThat(indexes.current().orElseThrow().statementsBySource()).anyMatch(s -> s.source().equals("csaf"));
            // JVN's feeds, their CSAF documents too.
            changes.apply(() -> IndexFixtures.importFiles(db, List.of(feeds.resolve("jvn"))));
            // A new vulnerability.
            changes.apply(() -> IndexFixtures.store(db, List.of(MatchIndexesTest.npm("CVE-2035-0001", "left-pad"))));
            assertThat(changes.live).containsKey("CVE-2035-0001");
            // An import that changes a statement nobody matches on (a newer date only) parses that vulnerability alone.
            changes.apply(() -> IndexFixtures.store(db, List.of(later(MatchIndexesTest.npm("CVE-2035-0001", "left-pad"), 3))));
        }
    }

    /** Applies a change, rebuilds as an import does, and compares with a full build of the same rows. */
    private static final class Changes {
        final Database db;
        final MatchIndexes indexes;
        final Path work;
        Map<String, Set<String>> live;
        int step;

        Changes(Database db, MatchIndexes indexes, Path work) throws Exception {
            this.db = db;
            this.indexes = indexes;
            this.work = work;
            this.live = liveStatements(db);
        }

        interface Change {
            void run() throws Exception;
        }

        void apply(Change change) throws Exception {
            change.run();
            Map<String, Set<String>> after = liveStatements(db);
            int expectParsed = 0;
            int total = 0;
            for (Map.Entry<String, Set<String>> e : after.entrySet()) {
                total += e.getValue().size();
                if (!e.getValue().equals(live.get(e.getKey()))) expectParsed += e.getValue().size();
            }
            assertThat(after).as("step %d changes the live statements", step).isNotEqualTo(live);
            live = after;
            indexes.refresh();
            MatchIndexes.BuildReport r = indexes.lastBuild().orElseThrow();
            assertThat(r.fullBecause()).as("step %d", step).isNull();
            assertThat(r.statements()).isEqualTo(total);
            assertThat(r.parsed()).as("statements parsed at step %d", step).isEqualTo(expectParsed);
            assertThat(r.reused()).isEqualTo(total - expectParsed).isGreaterThan(total / 2);

            MatchIndexes full = new MatchIndexes(db.dataSource(), work.resolve("full-" + step++));
            full.rebuildFromScratch();
            assertThat(full.lastBuild().orElseThrow().fullBecause()).isNotNull();
            assertThat(full.lastBuild().orElseThrow().parsed()).isEqualTo(total);
            MatchIndex incremental = indexes.current().orElseThrow();
            assertThat(incremental.version()).isEqualTo(full.current().orElseThrow().version());
            assertThat(Files.mismatch(incremental.file(), full.file())).as("first differing byte").isEqualTo(-1L);
        }
    }

    /** Per vulnerability that is not withdrawn, its live statements (id and content hash), read from the rows. */
    static Map<String, Set<String>> liveStatements(Database db) throws Exception {
        Map<String, Set<String>> out = new HashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT s.vuln_id, s.id, s.content_hash FROM advisory_statement s LEFT JOIN vulnerability v ON v.id = s.vuln_id "
                        + "WHERE s.withdrawn = FALSE AND (v.withdrawn IS NULL OR v.withdrawn = FALSE)");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getLong(2) + ":" + rs.getString(3));
        }
        return out;
    }

    /** The same statement, dated {@code days} after {@link #LATER}. */
    private static Advisory later(Advisory a, int days) {
        return new Advisory(a.vulnId(), a.source(), a.documentId(), a.aliases(), a.title(), a.published(), LATER.plus(java.time.Duration.ofDays(days)),
                a.withdrawn(), a.descriptions(), a.cvss(), a.cwes(), a.configurations(), a.cpeNames(), a.packages(), a.productStatuses(),
                a.remediations(), a.references(), a.exploited());
    }

    private static Advisory nvd(String cve, String fixedIn, boolean rejected) {
        CpeMatch gateway = new CpeMatch(true, "cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:*", "13.1", null, null, fixedIn);
        return Advisory.builder(cve, Source.NVD, cve).withdrawn(rejected).modified(LATER)
                .configuration(new CpeConfiguration("OR", false, List.of(new CpeNode("OR", false, List.of(gateway))))).build();
    }

    @Test
    void aDamagedEarlierIndexMeansAFullBuild() throws Exception {
        Path dir = IndexFixtures.tempDir("mamori-index-incr-");
        try (Database db = Database.open(TestDatabases.h2())) {
            IndexFixtures.store(db, List.of(MatchIndexesTest.npm("CVE-2030-0001", "left-pad"), MatchIndexesTest.npm("CVE-2030-0002", "left-pad")));
            Path file = new MatchIndexes(db.dataSource(), dir).current().orElseThrow().file();
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.seek(f.length() - 3);
                int b = f.read();
                f.seek(f.length() - 3);
                f.write(b ^ 0x11);
            }
            IndexFixtures.store(db, List.of(MatchIndexesTest.npm("CVE-2030-0003", "left-pad")));
            MatchIndexes next = new MatchIndexes(db.dataSource(), dir);
            next.refresh();
            MatchIndexes.BuildReport r = next.lastBuild().orElseThrow();
            assertThat(r.fullBecause()).isEqualTo("no intact earlier index");
            assertThat(r.parsed()).isEqualTo(3);
            assertThat(r.reused()).isZero();
        }
    }

    @Test
    void anEarlierIndexOfAnotherKnowledgeBaseMeansAFullBuild() throws Exception {
        Path dirA = IndexFixtures.tempDir("mamori-index-incr-");
        Path dirB = IndexFixtures.tempDir("mamori-index-incr-");
        try (Database a = Database.open(TestDatabases.h2()); Database b = Database.open(TestDatabases.h2())) {
            // The same statements in both: only the instance tells them apart.
            List<Advisory> same = List.of(MatchIndexesTest.npm("CVE-2030-0001", "left-pad"), MatchIndexesTest.npm("CVE-2030-0002", "left-pad"));
            IndexFixtures.store(a, same);
            IndexFixtures.store(b, same);
            Path ofA = new MatchIndexes(a.dataSource(), dirA).current().orElseThrow().file();
            IndexFixtures.store(b, List.of(MatchIndexesTest.npm("CVE-2030-0003", "left-pad")));
            Files.copy(ofA, dirB.resolve(MatchIndexes.FILE));
            MatchIndexes ofB = new MatchIndexes(b.dataSource(), dirB);
            ofB.refresh();
            MatchIndexes.BuildReport r = ofB.lastBuild().orElseThrow();
            assertThat(r.fullBecause()).isEqualTo("the earlier index is of another knowledge base");
            assertThat(r.reused()).isZero();
            assertThat(r.parsed()).isEqualTo(3);
        }
    }

    @Test
    void anEarlierIndexBuiltByOtherCodeMeansAFullBuild() throws Exception {
        Path dir = IndexFixtures.tempDir("mamori-index-incr-");
        try (Database db = Database.open(TestDatabases.h2())) {
            IndexFixtures.store(db, List.of(MatchIndexesTest.npm("CVE-2030-0001", "left-pad"), MatchIndexesTest.npm("CVE-2030-0002", "left-pad")));
            jp.mamori.advisory.store.KbGeneration.read(db.dataSource());
            byte[] otherCode = BuilderIdentity.current();
            otherCode[0] ^= 1;
            MatchIndexBuilder.build(db.dataSource(), dir.resolve("old.bin"), null, otherCode);
            MatchIndex old = MatchIndex.open(dir.resolve("old.bin"));
            IndexFixtures.store(db, List.of(MatchIndexesTest.npm("CVE-2030-0003", "left-pad")));
            MatchIndexBuilder.Built built = MatchIndexBuilder.build(db.dataSource(), dir.resolve("new.bin"), old, BuilderIdentity.current());
            assertThat(built.fullBecause()).isEqualTo("the earlier index was built by other code");
            assertThat(built.reused()).isZero();
            // The same code: incremental.
            IndexFixtures.store(db, List.of(MatchIndexesTest.npm("CVE-2030-0004", "left-pad")));
            MatchIndexBuilder.Built next = MatchIndexBuilder.build(db.dataSource(), dir.resolve("next.bin"), MatchIndex.open(dir.resolve("new.bin")),
                    BuilderIdentity.current());
            assertThat(next.fullBecause()).isNull();
            assertThat(next.reused()).isEqualTo(3);
            assertThat(next.parsed()).isEqualTo(1);
        }
    }

    @Test
    void whenMostStatementsChangedTheBuildIsAFullOne() throws Exception {
        Path dir = IndexFixtures.tempDir("mamori-index-incr-");
        try (Database db = Database.open(TestDatabases.h2())) {
            IndexFixtures.store(db, List.of(MatchIndexesTest.npm("CVE-2030-0001", "left-pad"), MatchIndexesTest.npm("CVE-2030-0002", "left-pad"),
                    MatchIndexesTest.npm("CVE-2030-0003", "left-pad")));
            MatchIndexes indexes = new MatchIndexes(db.dataSource(), dir);
            indexes.refresh();
            IndexFixtures.store(db, List.of(npmFixedIn("CVE-2030-0001", "9.1.0"), npmFixedIn("CVE-2030-0002", "9.1.0")));
            indexes.refresh();
            MatchIndexes.BuildReport r = indexes.lastBuild().orElseThrow();
            assertThat(r.fullBecause()).isEqualTo("most statements changed (2 of 3)");
            assertThat(r.parsed()).isEqualTo(3);
        }
    }

    private static Advisory npmFixedIn(String cve, String fixed) {
        return Advisory.builder(cve, Source.OSV, "GHSA-" + cve).modified(LATER).affected(new AffectedPackage("npm", "left-pad", null,
                List.of(new PackageRange("SEMVER", List.of(new RangeEvent("introduced", "0"), new RangeEvent("fixed", fixed)))), List.of())).build();
    }
}
