package jp.mamori.advisory.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.store.StoreAdvisoryLookup;
import jp.mamori.assessment.AssessedFinding;
import jp.mamori.assessment.Assessor;
import jp.mamori.matching.Match;
import jp.mamori.matching.MatchEngine;
import jp.mamori.matching.MatchTarget;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.SharedFixtures;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.triage.AssetContext;
import jp.mamori.triage.Triage;
import jp.mamori.triage.policy.TriagePolicy;
import jp.mamori.triage.ssvc.Exposure;
import jp.mamori.triage.ssvc.Mission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compiled index is an optimisation, not a second truth (ADR 0015): over the same knowledge
 * base, matching and the whole assessment give exactly the same results through the index as
 * through the database's key tables — for the matching tests' own scenarios, every feed the tests
 * ship, the public interop records, and generated NVD-scale-shaped data.
 */
class LookupEquivalenceTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theIndexAnswersExactlyLikeTheDatabase(TestDatabases.Kind kind) throws Exception {
        Path work = IndexFixtures.tempDir("mamori-index-eq-");
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            IndexFixtures.store(db, IndexFixtures.matchEngineScenarios());
            IndexFixtures.importFiles(db, List.of(Path.of("src/test/resources/feeds")));
            IndexFixtures.importFiles(db, List.of(IndexFixtures.feedsDir(work, 1500, 1000)));
            int compared = compare(db, work);
            assertThat(compared).isGreaterThan(3000);
        }
    }

    @Test
    void theInteropRecordsMatchTheSameThroughBothPaths() throws Exception {
        Path nvd = SharedFixtures.require("nvd");
        Path osv = SharedFixtures.require("osv");
        Path work = IndexFixtures.tempDir("mamori-index-eq-");
        try (Database db = Database.open(TestDatabases.h2())) {
            IndexFixtures.importFiles(db, List.of(nvd, osv, SharedFixtures.require("cve5")));
            assertThat(compare(db, work)).isGreaterThan(100);
        }
    }

    /** Matches every probe both ways, then assesses them all both ways; returns the number of matches compared. */
    private static int compare(Database db, Path work) throws Exception {
        List<MatchTarget> targets = IndexFixtures.probes(db);
        MatchIndex index = new MatchIndexes(db.dataSource(), work).current().orElseThrow();
        MatchEngine viaDb = new MatchEngine(new StoreAdvisoryLookup(db.dataSource()));
        MatchEngine viaIndex = new MatchEngine(index.lookup());
        int matches = 0;
        for (MatchTarget t : targets) {
            List<Match> expected = viaDb.match(t);
            assertThat(viaIndex.match(t)).as("matches of %s", t).isEqualTo(expected);
            matches += expected.size();
        }
        Triage triage = new Triage(TriagePolicy.defaults(), IndexFixtures.CLOCK);
        AssetContext ctx = AssetContext.of(Exposure.OPEN, Mission.HIGH);
        List<List<AssessedFinding>> a = Assessor.overStore(db.dataSource(), triage, List.of()).assessAll(targets, ctx);
        List<List<AssessedFinding>> b = Assessor.overIndex(index, db.dataSource(), triage, List.of()).assessAll(targets, ctx);
        assertThat(b).isEqualTo(a);
        // Many at once triages each vulnerability once for all its components: the same findings as one target at a time.
        Assessor single = Assessor.overIndex(index, db.dataSource(), triage, List.of());
        for (int i = 0; i < targets.size(); i++) {
            assertThat(single.assess(targets.get(i), ctx)).as("findings of %s one at a time", targets.get(i)).isEqualTo(b.get(i));
        }
        List<AssessedFinding> all = new ArrayList<>();
        a.forEach(all::addAll);
        assertThat(all).as("the probes find vulnerabilities at all").isNotEmpty();
        assertThat(all).anyMatch(f -> f.match().by() == jp.mamori.matching.MatchedBy.CPE).anyMatch(f -> f.match().by() == jp.mamori.matching.MatchedBy.PURL);
        return matches;
    }
}
