package jp.mamori.advisory.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AdvisoryLookup;
import jp.mamori.advisory.store.KnowledgeBase;
import jp.mamori.assessment.AssessedFinding;
import jp.mamori.assessment.AssessmentFailedException;
import jp.mamori.assessment.Assessor;
import jp.mamori.assessment.VulnerabilityFactsSource;
import jp.mamori.matching.MatchEngine;
import jp.mamori.matching.MatchTarget;
import jp.mamori.matching.Platform;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.triage.AssetContext;
import jp.mamori.triage.Triage;
import jp.mamori.triage.policy.TriagePolicy;
import jp.mamori.triage.ssvc.Exposure;
import jp.mamori.triage.ssvc.Mission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over the compiled index, a document's components are matched and triaged on every core (ADR 0026).
 * The findings, and their order, must be exactly those of the same assessment on one thread; a lookup
 * that reads the database is only ever asked on the caller's thread (a unit of work is bound to it);
 * and a component that cannot be matched ends the run with an error that names it.
 */
class ParallelAssessmentTest {

    private static Database db;
    private static MatchIndex index;
    private static List<MatchTarget> targets;
    private static final AssetContext CONTEXT = AssetContext.of(Exposure.OPEN, Mission.HIGH);

    @BeforeAll
    static void knowledgeBaseAndOneDocument() throws Exception {
        Path work = IndexFixtures.tempDir("mamori-parallel-");
        db = Database.open(TestDatabases.h2());
        IndexFixtures.store(db, IndexFixtures.matchEngineScenarios());
        IndexFixtures.importFiles(db, List.of(Path.of("src/test/resources/feeds")));
        IndexFixtures.importFiles(db, List.of(IndexFixtures.feedsDir(work, 1500, 1000)));
        index = new MatchIndexes(db.dataSource(), work).current().orElseThrow();
        // One document: every probe is a component, the document is the platform of all of them
        // ("running on" is evaluated against the same shared platform from both threads), and each
        // component appears twice, so that vulnerabilities are shared between components.
        List<MatchTarget> probes = IndexFixtures.probes(db);
        List<Platform.Entry> entries = new ArrayList<>();
        for (MatchTarget p : probes) entries.add(new Platform.Entry(p.cpe(), "component " + p.ref()));
        Platform platform = Platform.of(entries);
        targets = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (MatchTarget p : probes) {
                targets.add(new MatchTarget(p.ref() + "-" + round, p.name(), p.version(), p.purl(), p.cpe(), platform, false));
            }
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        db.close();
    }

    @Test
    void bothCoresGiveTheSameFindingsInTheSameOrderAsOneThread() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<List<AssessedFinding>> oneThread = assessor(onTheCallersThreadOnly(index.lookup(), threads)).assessAll(targets, CONTEXT);
        List<List<AssessedFinding>> bothCores = assessor(index.lookup()).assessAll(targets, CONTEXT);

        assertThat(bothCores).hasSameSizeAs(targets).isEqualTo(oneThread);
        List<AssessedFinding> flat = new ArrayList<>();
        bothCores.forEach(flat::addAll);
        assertThat(flat).as("the document finds vulnerabilities by CPE and by package").hasSizeGreaterThan(1000)
                .anyMatch(f -> f.match().by() == jp.mamori.matching.MatchedBy.CPE)
                .anyMatch(f -> f.match().by() == jp.mamori.matching.MatchedBy.PURL);
        assertThat(flat).as("every finding is triaged").allMatch(f -> f.triage() != null);
        assertThat(threads).as("a lookup that reads the database is asked on the caller's thread only")
                .containsExactly(Thread.currentThread().getName());
        // Explanations are written when read: the same text through both runs.
        for (int i = 0; i < oneThread.size(); i += 97) {
            for (int j = 0; j < oneThread.get(i).size(); j++) {
                assertThat(bothCores.get(i).get(j).explanation().ja()).isEqualTo(oneThread.get(i).get(j).explanation().ja());
            }
        }
    }

    @Test
    void aComponentThatCannotBeMatchedEndsTheRunNamingIt() {
        // The first component in document order whose product lookup fails; a later one fails too.
        List<MatchTarget> cpeTargets = targets.stream().filter(t -> key(t) != null).toList();
        MatchTarget first = cpeTargets.get(cpeTargets.size() / 3);
        MatchTarget later = cpeTargets.get(cpeTargets.size() - 1);
        Set<String> broken = Set.of(key(first), key(later));
        AdvisoryLookup failing = new AdvisoryLookup() {
            final AdvisoryLookup inner = index.lookup();

            @Override
            public List<Advisory> byPackage(String ecosystem, String name) {
                return inner.byPackage(ecosystem, name);
            }

            @Override
            public List<Advisory> byCpeKey(String cpeKey) {
                if (broken.contains(cpeKey)) throw new IllegalStateException("string id out of range in match-index.bin");
                return inner.byCpeKey(cpeKey);
            }

            @Override
            public boolean readsNoDatabase() {
                return true;
            }
        };
        MatchTarget firstBroken = targets.stream().filter(t -> key(t) != null && broken.contains(key(t))).findFirst().orElseThrow();
        assertThatThrownBy(() -> assessor(failing).assessAll(targets, CONTEXT))
                .isInstanceOfSatisfying(AssessmentFailedException.class, e -> {
                    assertThat(e.element()).startsWith(firstBroken.ref() + " (");
                    assertThat(e.getMessage()).contains("を評価できませんでした").contains("could not assess " + firstBroken.ref())
                            .contains("string id out of range");
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
                });
        // The index itself is untouched: the next run over it answers as before.
        assertThat(assessor(index.lookup()).assessAll(targets, CONTEXT)).hasSameSizeAs(targets);
    }

    private static String key(MatchTarget t) {
        return t.cpe() == null ? null : jp.mamori.identifiers.cpe.Cpe23.tryParse(t.cpe()).map(c -> c.key().toString()).orElse(null);
    }

    private static Assessor assessor(AdvisoryLookup lookup) {
        KnowledgeBase kb = new KnowledgeBase(db.dataSource(), new ConcurrentHashMap<>());
        return new Assessor(new MatchEngine(lookup), kb, new VulnerabilityFactsSource(kb, index::facts),
                new Triage(TriagePolicy.defaults(), IndexFixtures.CLOCK), List.of());
    }

    /** The same answers, from a lookup that says it reads the database: it records the threads that ask it. */
    private static AdvisoryLookup onTheCallersThreadOnly(AdvisoryLookup inner, Set<String> threads) {
        return new AdvisoryLookup() {
            @Override
            public List<Advisory> byPackage(String ecosystem, String name) {
                threads.add(Thread.currentThread().getName());
                return inner.byPackage(ecosystem, name);
            }

            @Override
            public List<Advisory> byCpeKey(String cpeKey) {
                threads.add(Thread.currentThread().getName());
                return inner.byCpeKey(cpeKey);
            }
        };
    }
}
