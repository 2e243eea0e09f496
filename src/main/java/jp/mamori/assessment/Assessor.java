package jp.mamori.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.mamori.advisory.VexStatement;
import jp.mamori.advisory.store.KnowledgeBase;
import jp.mamori.advisory.store.VulnerabilityRecord;
import jp.mamori.matching.Match;
import jp.mamori.matching.MatchEngine;
import jp.mamori.matching.MatchTarget;
import jp.mamori.matching.vex.VexMatcher;
import jp.mamori.triage.AssetContext;
import jp.mamori.triage.Triage;
import jp.mamori.triage.TriageResult;
import jp.mamori.triage.explain.ExplanationWriter;

/**
 * The pipeline for one target: match → facts → VEX → triage → explanation. Used by
 * {@code mamori scan} and by the persisted findings, so both say the same thing.
 */
public final class Assessor {

    private static final ExplanationWriter EXPLAIN = new ExplanationWriter();
    /**
     * Vulnerabilities per prefetch while matching goes on: each batch is one round of the knowledge
     * base's bulk queries; small enough that the last one, read after matching has ended, is short.
     */
    private static final int PREFETCH_BATCH = 500;

    private final MatchEngine engine;
    private final VulnerabilityFactsSource facts;
    private final KnowledgeBase knowledgeBase;
    private final Triage triage;
    private final List<VexStatement> extraVex;
    private final Map<String, List<VexStatement>> vexCache = new ConcurrentHashMap<>();

    /** @param extraVex VEX statements given with this run (e.g. {@code scan --vex FILE}), on top of the knowledge base's */
    /**
     * The assessor over the stored knowledge base: the index lookup and the merged records share
     * one cache of parsed statements, so a statement is read and parsed once per run.
     */
    public static Assessor overStore(javax.sql.DataSource dataSource, Triage triage, List<VexStatement> extraVex) {
        var statements = new java.util.concurrent.ConcurrentHashMap<Long, jp.mamori.advisory.Advisory>();
        return new Assessor(new MatchEngine(new jp.mamori.advisory.store.StoreAdvisoryLookup(dataSource, statements)),
                new KnowledgeBase(dataSource, statements), triage, extraVex);
    }

    /**
     * The assessor over a compiled match index (ADR 0015): statements to match and the statements'
     * part of each record come from the index; the alias table, KEV, EPSS and VEX from the database.
     */
    public static Assessor overIndex(jp.mamori.advisory.index.MatchIndex index, javax.sql.DataSource dataSource, Triage triage,
                                     List<VexStatement> extraVex) {
        KnowledgeBase kb = new KnowledgeBase(dataSource, new java.util.concurrent.ConcurrentHashMap<>());
        return new Assessor(new MatchEngine(index.lookup()), kb, new VulnerabilityFactsSource(kb, index::facts), triage, extraVex);
    }

    public Assessor(MatchEngine engine, KnowledgeBase knowledgeBase, Triage triage, List<VexStatement> extraVex) {
        this(engine, knowledgeBase, new VulnerabilityFactsSource(knowledgeBase), triage, extraVex);
    }

    public Assessor(MatchEngine engine, KnowledgeBase knowledgeBase, VulnerabilityFactsSource facts, Triage triage, List<VexStatement> extraVex) {
        this.engine = engine;
        this.knowledgeBase = knowledgeBase;
        this.facts = facts;
        this.triage = triage;
        this.extraVex = extraVex == null ? List.of() : List.copyOf(extraVex);
    }

    public List<AssessedFinding> assess(MatchTarget target, AssetContext context) {
        List<AssessedFinding> out = new ArrayList<>();
        for (Match m : engine.match(target)) {
            out.add(assess(target, m, context));
        }
        return out;
    }

    /**
     * Many targets at once: all matches first, then the facts of every matched vulnerability in a
     * few bulk queries, then triage. Same results as {@link #assess(MatchTarget, AssetContext)} per target.
     *
     * <p>Over the compiled match index, matching and triage use every core (ADR 0026): both are pure
     * functions of what they are given, and results are put together in the targets' order, so the
     * findings and their order are those of a run on one thread. Whatever reads the database (the facts,
     * a record or VEX statement not prefetched, a lookup over the database's key tables) stays on the
     * calling thread, where a unit of work binds its connection. A target or vulnerability that fails
     * ends the run with an {@link AssessmentFailedException} naming it.
     */
    public List<List<AssessedFinding>> assessAll(List<MatchTarget> targets, AssetContext context) {
        boolean bothCores = engine.readsNoDatabase();
        List<List<Match>> matches;
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        if (bothCores) {
            // The facts of the vulnerabilities matched so far are read on this thread while the other
            // core goes on matching: the database's part of a scan no longer waits for all of matching.
            List<String> batch = new ArrayList<>();
            matches = InOrder.map(targets, engine::match, Assessor::label, found -> {
                for (Match x : found) if (ids.add(x.vulnId())) batch.add(x.vulnId());
                if (batch.size() >= PREFETCH_BATCH) {
                    facts.prefetch(batch);
                    batch.clear();
                }
            });
            facts.prefetch(batch);
        } else {
            matches = new ArrayList<>();
            for (MatchTarget t : targets) matches.add(engine.match(t));
            for (List<Match> m : matches) m.forEach(x -> ids.add(x.vulnId()));
            facts.prefetch(ids);
        }
        // The triage of a vulnerability depends on its facts and the context alone, not on the
        // component: one library in many places of an SBOM is triaged and explained once.
        Map<String, Triaged> triaged = new java.util.HashMap<>();
        if (bothCores) {
            // Records not prefetched are read here, on this thread; then only the pure triage runs on both cores.
            List<Map.Entry<String, VulnerabilityRecord>> records = new ArrayList<>();
            for (String id : ids) facts.record(id).ifPresent(r -> records.add(Map.entry(id, r)));
            List<Triaged> done = InOrder.map(records, e -> triaged(e.getValue(), context), Map.Entry::getKey);
            for (int i = 0; i < records.size(); i++) triaged.put(records.get(i).getKey(), done.get(i));
        }
        List<List<AssessedFinding>> out = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            List<AssessedFinding> list = new ArrayList<>();
            for (Match m : matches.get(i)) list.add(assess(targets.get(i), m, context, triaged));
            out.add(list);
        }
        return out;
    }

    /** How an error names a target: its reference in the document and its name. */
    private static String label(MatchTarget t) {
        return t.ref() + (t.name() == null ? "" : " (" + t.name() + (t.version() == null ? "" : " " + t.version()) + ")");
    }

    private Triaged triaged(VulnerabilityRecord r, AssetContext context) {
        TriageResult result = triage.triage(facts.facts(r), context, List.of());
        return new Triaged(result, EXPLAIN.write(result));
    }

    private record Triaged(TriageResult result, jp.mamori.triage.explain.Explanation explanation) { }

    public AssessedFinding assess(MatchTarget target, Match m, AssetContext context) {
        return assess(target, m, context, new java.util.HashMap<>());
    }

    private AssessedFinding assess(MatchTarget target, Match m, AssetContext context, Map<String, Triaged> triaged) {
        Optional<VulnerabilityRecord> record = facts.record(m.vulnId());
        VexStatement vex = VexMatcher.applicable(vexFor(m.vulnId(), record), target).orElse(null);
        if (record.isEmpty()) {
            return new AssessedFinding(target, m, List.of(), null, null, null, null, vex);
        }
        VulnerabilityRecord r = record.get();
        Triaged t = triaged.computeIfAbsent(m.vulnId(), id -> triaged(r, context));
        return new AssessedFinding(target, m, r.aliases(), r.kev(), r.epss(), t.result(), t.explanation(), vex);
    }

    /** The same finding triaged again with a person's overrides of SSVC inputs (each with its reason). */
    public AssessedFinding withOverrides(AssessedFinding f, AssetContext context, List<jp.mamori.triage.ssvc.SsvcOverride> overrides) {
        if (overrides == null || overrides.isEmpty() || f.triage() == null) return f;
        VulnerabilityRecord r = facts.record(f.match().vulnId()).orElse(null);
        if (r == null) return f;
        TriageResult t = triage.triage(facts.facts(r), context, overrides);
        return new AssessedFinding(f.target(), f.match(), f.aliases(), f.kev(), f.epss(), t, EXPLAIN.write(t), f.vex());
    }

    private List<VexStatement> vexFor(String vulnId, Optional<VulnerabilityRecord> record) {
        return vexCache.computeIfAbsent(vulnId, id -> {
            // The merged record already carries the knowledge base's statements.
            List<VexStatement> all = new ArrayList<>(record.map(VulnerabilityRecord::vex).orElseGet(() -> knowledgeBase.vex(id)));
            for (VexStatement s : extraVex) if (s.vulnId().equals(id)) all.add(s);
            return all;
        });
    }
}
