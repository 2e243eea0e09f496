package jp.mamori.advisory.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.advisory.Source;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.assessment.AssessedFinding;
import jp.mamori.matching.Match;
import jp.mamori.matching.MatchEngine;
import jp.mamori.matching.MatchTarget;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.triage.AssetContext;
import jp.mamori.triage.ssvc.Exposure;
import jp.mamori.triage.ssvc.Mission;
import org.junit.jupiter.api.Test;

/** A missing, stale, damaged or foreign index is rebuilt and never used; scans during imports see whole generations. */
class MatchIndexesTest {

    static Advisory npm(String cve, String pkg) {
        return Advisory.builder(cve, Source.OSV, "GHSA-" + cve).affected(new AffectedPackage("npm", pkg, null,
                List.of(new PackageRange("SEMVER", List.of(new RangeEvent("introduced", "0"), new RangeEvent("fixed", "9.0.0")))), List.of())).build();
    }

    static final MatchTarget TARGET = new MatchTarget("c1", "left-pad", "1.0.0", "pkg:npm/left-pad@1.0.0", null);

    private static List<String> vulns(AdvisoryLookupSource s) {
        return new MatchEngine(s.lookup()).match(TARGET).stream().map(Match::vulnId).toList();
    }

    private interface AdvisoryLookupSource {
        jp.mamori.advisory.AdvisoryLookup lookup();
    }

    @Test
    void aMissingIndexIsBuiltAndAStaleOneRebuiltSoTheFirstScanAfterAnImportSeesTheNewAdvisory() throws Exception {
        Path dir = IndexFixtures.tempDir("mamori-index-");
        try (Database db = Database.open(TestDatabases.h2())) {
            IndexFixtures.store(db, List.of(npm("CVE-2030-0001", "left-pad")));
            MatchIndexes indexes = new MatchIndexes(db.dataSource(), dir);
            assertThat(Files.exists(indexes.file())).isFalse();
            MatchIndex first = indexes.current().orElseThrow();
            assertThat(Files.exists(indexes.file())).isTrue();
            assertThat(vulns(first::lookup)).containsExactly("CVE-2030-0001");
            assertThat(indexes.current().orElseThrow()).isSameAs(first);

            IndexFixtures.store(db, List.of(npm("CVE-2030-0002", "left-pad")));
            MatchIndex second = indexes.current().orElseThrow();
            assertThat(second).isNotSameAs(first);
            assertThat(second.version().generation()).isGreaterThan(first.version().generation());
            assertThat(vulns(second::lookup)).containsExactly("CVE-2030-0001", "CVE-2030-0002");
            // The old one still answers for whoever holds it: nothing changes under a running scan.
            assertThat(vulns(first::lookup)).containsExactly("CVE-2030-0001");

            // A fresh process finds the file and uses it without building.
            MatchIndexes again = new MatchIndexes(db.dataSource(), dir);
            assertThat(again.current().orElseThrow().version()).isEqualTo(second.version());
            assertThat(again.lastBuild()).isEmpty();
            // Re-importing an unchanged statement changes nothing, so the index stays current.
            IndexFixtures.store(db, List.of(npm("CVE-2030-0002", "left-pad")));
            assertThat(again.current().orElseThrow().version()).isEqualTo(second.version());
        }
    }

    @Test
    void aWithdrawnStatementDisappearsFromTheIndex() throws Exception {
        Path dir = IndexFixtures.tempDir("mamori-index-");
        try (Database db = Database.open(TestDatabases.h2())) {
            IndexFixtures.store(db, List.of(npm("CVE-2030-0001", "left-pad"), npm("CVE-2030-0003", "left-pad")));
            MatchIndexes indexes = new MatchIndexes(db.dataSource(), dir);
            assertThat(vulns(indexes.current().orElseThrow()::lookup)).containsExactly("CVE-2030-0001", "CVE-2030-0003");
            Advisory withdrawn = Advisory.builder("CVE-2030-0003", Source.OSV, "GHSA-CVE-2030-0003").withdrawn(true)
                    .modified(java.time.Instant.parse("2030-01-01T00:00:00Z")).build();
            IndexFixtures.store(db, List.of(withdrawn));
            assertThat(vulns(indexes.current().orElseThrow()::lookup)).containsExactly("CVE-2030-0001");
        }
    }

    @Test
    void aDamagedOrTruncatedFileIsDetectedAndRebuilt() throws Exception {
        Path dir = IndexFixtures.tempDir("mamori-index-");
        try (Database db = Database.open(TestDatabases.h2())) {
            IndexFixtures.store(db, List.of(npm("CVE-2030-0001", "left-pad")));
            Path file = new MatchIndexes(db.dataSource(), dir).current().orElseThrow().file();
            assertThat(file).isEqualTo(dir.resolve(MatchIndexes.FILE));
            long size = Files.size(file);

            // One flipped byte in the middle of the statements.
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.seek(size / 2);
                int b = f.read();
                f.seek(size / 2);
                f.write(b ^ 0x5A);
            }
            assertThatThrownBy(() -> MatchIndex.open(dir.resolve(MatchIndexes.FILE))).isInstanceOf(MatchIndex.DamagedIndexException.class)
                    .hasMessageContaining("checksum");
            MatchIndexes fresh = new MatchIndexes(db.dataSource(), dir);
            assertThat(vulns(fresh.current().orElseThrow()::lookup)).containsExactly("CVE-2030-0001");
            assertThat(fresh.lastBuild()).isPresent();
            assertThat(MatchIndex.open(file).version()).isEqualTo(fresh.current().orElseThrow().version());

            // Cut short (a copy that did not finish), then garbage.
            byte[] whole = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 7));
            assertThatThrownBy(() -> MatchIndex.open(dir.resolve(MatchIndexes.FILE))).hasMessageContaining("length");
            MatchIndexes third = new MatchIndexes(db.dataSource(), dir);
            assertThat(vulns(third.current().orElseThrow()::lookup)).containsExactly("CVE-2030-0001");
            Files.writeString(file, "not an index at all, but long enough to have a header of sixty-four bytes ...");
            assertThatThrownBy(() -> MatchIndex.open(dir.resolve(MatchIndexes.FILE))).hasMessageContaining("not a match index");
            MatchIndexes fourth = new MatchIndexes(db.dataSource(), dir);
            assertThat(vulns(fourth.current().orElseThrow()::lookup)).containsExactly("CVE-2030-0001");
        }
    }

    /** After an upgrade, a file the old code built is not used even at the current generation: it is rebuilt. */
    @Test
    void anIndexBuiltByOtherCodeIsNeverUsedEvenAtTheSameGeneration() throws Exception {
        Path dir = IndexFixtures.tempDir("mamori-index-");
        try (Database db = Database.open(TestDatabases.h2())) {
            IndexFixtures.store(db, List.of(npm("CVE-2030-0001", "left-pad")));
            MatchIndexes indexes = new MatchIndexes(db.dataSource(), dir);
            byte[] otherCode = BuilderIdentity.current();
            otherCode[0] ^= 1;
            Path file = indexes.file();
            Files.createDirectories(dir);
            jp.mamori.advisory.store.KbGeneration.read(db.dataSource()); // gives the knowledge base its instance id
            MatchIndexBuilder.build(db.dataSource(), file, null, otherCode);
            MatchIndex old = MatchIndex.open(file);
            assertThat(old.version()).isEqualTo(jp.mamori.advisory.store.KbGeneration.read(db.dataSource()));

            assertThat(indexes.currentIfBuilt()).as("never used, not even for its counts").isEmpty();
            MatchIndex used = indexes.current().orElseThrow();
            assertThat(used.builtBy()).isEqualTo(BuilderIdentity.current());
            assertThat(MatchIndex.open(file).builtBy()).as("the file was replaced").isEqualTo(BuilderIdentity.current());
            assertThat(indexes.lastBuild()).isPresent();
            assertThat(vulns(used::lookup)).containsExactly("CVE-2030-0001");
        }
    }

    @Test
    void anIndexOfAnotherDatabaseIsNeverUsedEvenAtTheSameGeneration() throws Exception {
        Path dir = IndexFixtures.tempDir("mamori-index-");
        try (Database a = Database.open(TestDatabases.h2()); Database b = Database.open(TestDatabases.h2())) {
            IndexFixtures.store(a, List.of(npm("CVE-2030-0001", "left-pad")));
            IndexFixtures.store(b, List.of(npm("CVE-2030-0009", "left-pad")));
            MatchIndex ofA = new MatchIndexes(a.dataSource(), dir).current().orElseThrow();
            MatchIndex ofB = new MatchIndexes(b.dataSource(), dir).current().orElseThrow();
            assertThat(ofA.version().generation()).isEqualTo(ofB.version().generation());
            assertThat(vulns(ofB::lookup)).containsExactly("CVE-2030-0009");
            assertThat(vulns(new MatchIndexes(a.dataSource(), dir).current().orElseThrow()::lookup)).containsExactly("CVE-2030-0001");
        }
    }

    @Test
    void scansDuringAnImportSeeWholeGenerationsNeverAHalfBuiltIndex() throws Exception {
        Path dir = IndexFixtures.tempDir("mamori-index-");
        try (Database db = Database.open(TestDatabases.settings(TestDatabases.Kind.H2))) {
            IndexFixtures.store(db, List.of(npm("CVE-2031-0000", "left-pad")));
            MatchIndexes indexes = new MatchIndexes(db.dataSource(), dir);
            indexes.current().orElseThrow();
            int documents = 15;
            AtomicInteger committed = new AtomicInteger(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger usedIndex = new AtomicInteger();
            Thread importer = new Thread(() -> {
                for (int i = 1; i <= documents; i++) {
                    IndexFixtures.store(db, List.of(npm(String.format("CVE-2031-%04d", i), "left-pad")));
                    committed.incrementAndGet();
                }
            });
            List<Thread> scanners = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                scanners.add(new Thread(() -> {
                    try {
                        while (importer.isAlive() || seen.size() < 5) {
                            int before = committed.get();
                            Optional<MatchIndex> index = indexes.current();
                            if (index.isEmpty()) continue;
                            usedIndex.incrementAndGet();
                            List<String> v = vulns(index.get()::lookup);
                            // A whole generation: exactly the first k documents, k at least what had committed before asking.
                            List<String> expected = new ArrayList<>();
                            for (int i = 0; i < v.size(); i++) expected.add(String.format("CVE-2031-%04d", i));
                            assertThat(v).isEqualTo(expected);
                            assertThat(v.size()).isGreaterThanOrEqualTo(before);
                            seen.add(v.size());
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }));
            }
            importer.start();
            scanners.forEach(Thread::start);
            importer.join();
            for (Thread t : scanners) t.join();
            if (failure.get() != null) throw new AssertionError(failure.get());
            assertThat(usedIndex.get()).isPositive();
            assertThat(vulns(indexes.current().orElseThrow()::lookup)).hasSize(documents + 1);
        }
    }

    @Test
    void theScanUseCaseReadsTheIndexBesideTheDatabaseAndItsImportKeepsItCurrent() throws Exception {
        Path data = IndexFixtures.tempDir("mamori-index-data-");
        Path sbom = data.resolve("app.cdx.json");
        Files.writeString(sbom, """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": [
                  {"type": "library", "bom-ref": "lp", "name": "left-pad", "version": "1.0.0", "purl": "pkg:npm/left-pad@1.0.0"}]}
                """);
        Path osv = data.resolve("GHSA-test.json");
        Files.writeString(osv, """
                {"id": "GHSA-aaaa-bbbb-cccc", "modified": "2030-01-01T00:00:00Z", "aliases": ["CVE-2032-0001"],
                 "affected": [{"package": {"ecosystem": "npm", "name": "left-pad"},
                   "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "2.0.0"}]}]}]}
                """);
        try (Database db = Database.open(DatabaseSettings.embedded(data)); Mamori m = Mamori.open(db, IndexFixtures.CLOCK, new MamoriSettings(data, Map.of()))) {
            AssetContext ctx = AssetContext.of(Exposure.CONTROLLED, Mission.MEDIUM);
            assertThat(m.scanSbom().run(sbom, ctx, List.of()).findings()).isEmpty();
            m.importFeeds().run(jp.mamori.app.Actor.system("test"), List.of(osv), null, null);
            MatchIndex index = m.matchIndexes().current().orElseThrow();
            assertThat(index.file().getParent()).isEqualTo(data);
            List<AssessedFinding> f = m.scanSbom().run(sbom, ctx, List.of()).findings();
            assertThat(f).extracting(x -> x.match().vulnId()).containsExactly("CVE-2032-0001");
            assertThat(f.get(0).match().documentId()).isEqualTo("GHSA-aaaa-bbbb-cccc");
        }
    }
}
