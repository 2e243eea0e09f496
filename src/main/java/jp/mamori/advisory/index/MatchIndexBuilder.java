package jp.mamori.advisory.index;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

/**
 * Builds an index file from the knowledge base: the generation is read first, then every live
 * statement of a vulnerability that is not withdrawn, in id order. A statement committed while the
 * build reads may or may not be in the file, but then the generation has moved on and the file is
 * already stale, so it is never used for it. Statements are parsed on every core.
 */
final class MatchIndexBuilder {

    private static final int CHUNK = 1000;

    private MatchIndexBuilder() { }

    record Built(KbGeneration version, int statements) { }

    private record Row(long id, String vulnId, String payload) { }

    private record Parsed(long id, Advisory advisory, StatementKeys keys) { }

    /** Consecutive statements of one vulnerability (the query orders by vulnerability), merged when the next one starts. */
    private static final class Facts {
        String vuln;
        final List<Advisory> statements = new ArrayList<>();

        void add(Advisory a, MatchIndexWriter writer) {
            if (vuln != null && !vuln.equals(a.vulnId())) flush(writer);
            vuln = a.vulnId();
            statements.add(a);
        }

        void flush(MatchIndexWriter writer) {
            if (vuln != null) writer.addFacts(KnowledgeBase.mergeStatements(vuln, statements));
            vuln = null;
            statements.clear();
        }
    }

    static Built build(DataSource dataSource, Path file) throws IOException {
        MatchIndexWriter writer = new MatchIndexWriter();
        KbGeneration generation;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "match-index-build");
            t.setDaemon(true);
            return t;
        });
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            // PostgreSQL streams a result set only inside a transaction with a fetch size.
            c.setAutoCommit(false);
            try {
                generation = KbGeneration.read(c);
                if (generation.instance() == null) throw new IOException("the knowledge base has no instance id yet");
                Set<String> withdrawn = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM vulnerability WHERE withdrawn = TRUE");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) withdrawn.add(rs.getString(1));
                }
                ArrayDeque<Future<List<Parsed>>> inFlight = new ArrayDeque<>();
                Facts facts = new Facts();
                try (PreparedStatement ps = c.prepareStatement(
                        // The order KnowledgeBase.statementsOf reads a vulnerability's statements in. Withdrawn
                        // statements are read too, only to be counted the way the feed status counts them.
                        "SELECT id, vuln_id, source, modified, withdrawn, CASE WHEN withdrawn THEN NULL ELSE payload END "
                                + "FROM advisory_statement ORDER BY vuln_id, source, document_id")) {
                    ps.setFetchSize(CHUNK);
                    try (ResultSet rs = ps.executeQuery()) {
                        List<Row> chunk = new ArrayList<>(CHUNK);
                        while (rs.next()) {
                            java.sql.Timestamp modified = rs.getTimestamp(4);
                            writer.countStatement(rs.getString(3), modified == null ? null : modified.toInstant());
                            if (rs.getBoolean(5)) continue;
                            String vuln = rs.getString(2);
                            if (withdrawn.contains(vuln)) continue;
                            chunk.add(new Row(rs.getLong(1), vuln, rs.getString(6)));
                            if (chunk.size() == CHUNK) {
                                inFlight.add(pool.submit(parse(chunk)));
                                chunk = new ArrayList<>(CHUNK);
                                while (inFlight.size() > 2 * threads) drain(inFlight.poll(), writer, facts);
                            }
                        }
                        if (!chunk.isEmpty()) inFlight.add(pool.submit(parse(chunk)));
                    }
                }
                while (!inFlight.isEmpty()) drain(inFlight.poll(), writer, facts);
                facts.flush(writer);
                c.rollback();
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read the knowledge base for the match index: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        writer.write(file, generation);
        return new Built(generation, writer.statements());
    }

    private static java.util.concurrent.Callable<List<Parsed>> parse(List<Row> rows) {
        return () -> {
            List<Parsed> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                Advisory a = KnowledgeBase.parse(r.payload());
                out.add(new Parsed(r.id(), a, StatementKeys.of(a)));
            }
            return out;
        };
    }

    private static void drain(Future<List<Parsed>> f, MatchIndexWriter writer, Facts facts) throws IOException {
        try {
            for (Parsed p : f.get()) {
                writer.add(p.advisory(), p.keys(), p.id());
                facts.add(p.advisory(), writer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("match index build interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }
}
