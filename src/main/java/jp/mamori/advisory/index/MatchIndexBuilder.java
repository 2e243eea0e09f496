package jp.mamori.advisory.index;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.store.KbGeneration;
import jp.mamori.advisory.store.KnowledgeBase;
import jp.mamori.advisory.store.KnowledgeBaseException;
import jp.mamori.advisory.store.StatementKeys;
import jp.mamori.advisory.store.VulnerabilityRecord;

/**
 * Builds an index file from the knowledge base: the generation is read first, then every live
 * statement of a vulnerability that is not withdrawn, in the order of {@link #ORDER}. A statement
 * committed while the build reads may or may not be in the file, but then the generation has moved
 * on and the file is already stale, so it is never used for it. Statements are parsed on every core.
 *
 * <p>With an earlier file of the same knowledge base built by the same code, the build is
 * incremental ({@link IncrementalBuild}, ADR 0025): what did not change is taken from that file
 * instead of parsing its JSON again. Both ways hand the writer the same statements and facts in the
 * same order, so the file is byte for byte the one a full build writes.
 */
final class MatchIndexBuilder {

    static final int CHUNK = 1000;
    /** The order KnowledgeBase.statementsOf reads a vulnerability's statements in; both builds read in it. */
    static final String ORDER_ONLY = " ORDER BY vuln_id, source, document_id";
    static final String ORDER = " FROM advisory_statement" + ORDER_ONLY;

    private MatchIndexBuilder() { }

    /**
     * @param parsed      statements whose JSON was parsed
     * @param reused      statements taken from the earlier file
     * @param fullBecause why the build was a full one; null when it was incremental
     * @param phases      where the time went, for the benchmark
     */
    record Built(KbGeneration version, int statements, int parsed, int reused, String fullBecause, String phases) { }

    /** One statement ready for the writer; {@code reusedFacts} is its vulnerability's facts taken from the earlier file, or null. */
    record Parsed(long id, byte[] hash, Advisory advisory, StatementKeys keys, VulnerabilityRecord reusedFacts) { }

    /** The earlier file is not what it claims to be: the build starts again as a full one. */
    static final class UnusableBase extends RuntimeException {
        UnusableBase(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Consecutive statements of one vulnerability (the query orders by vulnerability), written to the
     * writer as they come and their facts when the next vulnerability starts: merged from the
     * statements, or those of the earlier file when every statement came from there.
     */
    static final class Sequence {
        private final MatchIndexWriter writer;
        private String vuln;
        private final List<Advisory> statements = new ArrayList<>();
        private VulnerabilityRecord reusedFacts;
        private int reused;
        private int parsed;

        Sequence(MatchIndexWriter writer) {
            this.writer = writer;
        }

        void add(Parsed p) {
            writer.add(p.advisory(), p.keys(), p.id(), p.hash());
            Advisory a = p.advisory();
            if (vuln != null && !vuln.equals(a.vulnId())) flush();
            if (vuln != null && (p.reusedFacts() == null) != (reusedFacts == null)) {
                throw new UnusableBase("statements of " + vuln + " taken from the earlier file and parsed anew");
            }
            vuln = a.vulnId();
            reusedFacts = p.reusedFacts();
            if (reusedFacts == null) {
                statements.add(a);
                parsed++;
            } else {
                reused++;
            }
        }

        int reused() {
            return reused;
        }

        int parsed() {
            return parsed;
        }

        void flush() {
            if (vuln != null) writer.addFacts(reusedFacts != null ? reusedFacts : KnowledgeBase.mergeStatements(vuln, statements));
            vuln = null;
            reusedFacts = null;
            statements.clear();
        }
    }

    static Built build(DataSource dataSource, Path file, MatchIndex previous, byte[] builder) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "match-index-build");
            t.setDaemon(true);
            return t;
        });
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            // PostgreSQL streams a result set only inside a transaction with a fetch size; H2 only when lazy
            // (else it first copies the whole result, to a temporary file beyond its memory rows).
            c.setAutoCommit(false);
            boolean h2 = "H2".equals(c.getMetaData().getDatabaseProductName());
            if (h2) lazy(c, true);
            try {
                // First: whatever is read after it is at least this new (the staleness rule).
                KbGeneration generation = KbGeneration.read(c);
                if (generation.instance() == null) throw new IOException("the knowledge base has no instance id yet");
                Set<String> withdrawn = withdrawnVulnerabilities(c);
                String fullBecause = whyNotIncremental(previous, generation, builder);
                if (fullBecause == null) {
                    MatchIndexWriter writer = new MatchIndexWriter(previous.stringCount());
                    try {
                        IncrementalBuild.Result r = new IncrementalBuild(c, previous, withdrawn, pool, threads).run(writer);
                        if (r.fullBecause() == null) {
                            long w = System.nanoTime();
                            writer.write(file, generation, builder);
                            return new Built(generation, writer.statements(), r.parsed(), r.reused(), null,
                                    r.phases() + ", writing the file " + seconds(System.nanoTime() - w));
                        }
                        fullBecause = r.fullBecause();
                    } catch (UnusableBase e) {
                        fullBecause = "the earlier index does not fit the knowledge base: " + e.getMessage();
                    }
                }
                MatchIndexWriter writer = new MatchIndexWriter();
                long t0 = System.nanoTime();
                int parsed = full(c, withdrawn, writer, pool, threads);
                long w = System.nanoTime();
                writer.write(file, generation, builder);
                return new Built(generation, writer.statements(), parsed, 0, fullBecause,
                        "reading and parsing " + seconds(w - t0) + ", writing the file " + seconds(System.nanoTime() - w));
            } finally {
                c.rollback();
                if (h2) lazy(c, false);
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read the knowledge base for the match index: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void lazy(Connection c, boolean on) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION " + on);
        }
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static String whyNotIncremental(MatchIndex previous, KbGeneration generation, byte[] builder) {
        if (previous == null) return "no intact earlier index";
        if (!generation.instance().equals(previous.version().instance())) return "the earlier index is of another knowledge base";
        if (!Arrays.equals(builder, previous.builtBy())) return "the earlier index was built by other code";
        return null;
    }

    private static Set<String> withdrawnVulnerabilities(Connection c) throws SQLException {
        Set<String> withdrawn = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM vulnerability WHERE withdrawn = TRUE");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) withdrawn.add(rs.getString(1));
        }
        return withdrawn;
    }

    private record Row(long id, String hash, String payload) { }

    /** Every statement parsed from its JSON; returns how many. */
    private static int full(Connection c, Set<String> withdrawn, MatchIndexWriter writer, ExecutorService pool, int threads)
            throws SQLException, IOException {
        ArrayDeque<Future<List<Parsed>>> inFlight = new ArrayDeque<>();
        Sequence sequence = new Sequence(writer);
        try (PreparedStatement ps = c.prepareStatement(
                // Withdrawn statements are read too, only to be counted the way the feed status counts them.
                "SELECT id, vuln_id, source, modified, withdrawn, content_hash, CASE WHEN withdrawn THEN NULL ELSE payload END" + ORDER)) {
            ps.setFetchSize(CHUNK);
            try (ResultSet rs = ps.executeQuery()) {
                List<Row> chunk = new ArrayList<>(CHUNK);
                while (rs.next()) {
                    java.sql.Timestamp modified = rs.getTimestamp(4);
                    writer.countStatement(rs.getString(3), modified == null ? null : modified.toInstant());
                    if (rs.getBoolean(5)) continue;
                    if (withdrawn.contains(rs.getString(2))) continue;
                    chunk.add(new Row(rs.getLong(1), rs.getString(6), rs.getString(7)));
                    if (chunk.size() == CHUNK) {
                        inFlight.add(pool.submit(parse(chunk)));
                        chunk = new ArrayList<>(CHUNK);
                        while (inFlight.size() > 2 * threads) drain(inFlight.poll(), sequence);
                    }
                }
                if (!chunk.isEmpty()) inFlight.add(pool.submit(parse(chunk)));
            }
        }
        while (!inFlight.isEmpty()) drain(inFlight.poll(), sequence);
        sequence.flush();
        return sequence.parsed();
    }

    private static Callable<List<Parsed>> parse(List<Row> rows) {
        return () -> {
            List<Parsed> out = new ArrayList<>(rows.size());
            for (Row r : rows) out.add(parsed(r.id(), r.hash(), r.payload()));
            return out;
        };
    }

    static Parsed parsed(long id, String contentHash, String payload) {
        Advisory a = KnowledgeBase.parse(payload);
        return new Parsed(id, ContentHash.of(contentHash), a, StatementKeys.of(a), null);
    }

    static void drain(Future<List<Parsed>> f, Sequence sequence) throws IOException {
        try {
            for (Parsed p : f.get()) sequence.add(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("match index build interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }

}
