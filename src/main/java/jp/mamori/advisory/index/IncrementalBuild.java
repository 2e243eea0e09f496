package jp.mamori.advisory.index;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.store.StatementKeys;
import jp.mamori.advisory.store.VulnerabilityRecord;

/**
 * A build that takes from an earlier file of the same knowledge base what did not change (ADR 0025).
 *
 * <p>Pass 1 reads every statement's row without its JSON, in the full build's order. A live
 * statement is <em>reusable</em> when the earlier file holds the same row id with the same content
 * hash: the same JSON, hence the same encoding and lookup keys. A vulnerability is <em>clean</em>
 * when its live statements are all reusable and are exactly the earlier file's statements of it, in
 * the same order: then its merged facts are the earlier file's too. Pass 2 reads and parses the JSON
 * of the statements of the other vulnerabilities only, chunk by chunk in the same order, and
 * hands everything to the writer as a full build would.
 *
 * <p>A row changed between the passes makes the file stale (the generation was read first), never
 * wrong about itself: each statement's hash in the file is the hash of the JSON it was built from.
 */
final class IncrementalBuild {

    /** More changed statements than this share and a full build is as quick: it reads without a second pass. */
    static final double MOST = 0.5;

    private final Connection connection;
    private final MatchIndex previous;
    private final Set<String> withdrawn;
    private final ExecutorService pool;
    private final int threads;

    /** @param fullBecause why a full build must be done instead; null when this one was done */
    record Result(int parsed, int reused, String fullBecause) { }

    IncrementalBuild(Connection connection, MatchIndex previous, Set<String> withdrawn, ExecutorService pool, int threads) {
        this.connection = connection;
        this.previous = previous;
        this.withdrawn = withdrawn;
        this.pool = pool;
        this.threads = threads;
    }

    /** The live statements as pass 1 found them. */
    private static final class Plan {
        int n;
        long[] ids = new long[1 << 16];
        /** The statement's position in the earlier file when it is reusable, else -1. */
        int[] earlier = new int[1 << 16];
        /** The vulnerability group of each statement, and where each group starts (one more entry at the end). */
        int[] groupOf = new int[1 << 16];
        final List<String> groupVuln = new ArrayList<>();
        int[] groupStart = new int[1 << 12];
        boolean[] clean;

        void add(long id, int earlierAt, String vuln) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
                earlier = Arrays.copyOf(earlier, n * 2);
                groupOf = Arrays.copyOf(groupOf, n * 2);
            }
            int groups = groupVuln.size();
            if (groups == 0 || !groupVuln.get(groups - 1).equals(vuln)) {
                if (groups + 1 >= groupStart.length) groupStart = Arrays.copyOf(groupStart, groupStart.length * 2);
                groupStart[groups] = n;
                groupVuln.add(vuln);
                groups++;
            }
            groupStart[groups] = n + 1;
            ids[n] = id;
            earlier[n] = earlierAt;
            groupOf[n] = groups - 1;
            n++;
        }
    }

    Result run(MatchIndexWriter writer) throws SQLException, IOException {
        Plan plan = readRows(writer);
        int dirty = markClean(plan);
        if (plan.n == 0) return new Result(0, 0, "no live statements");
        if (dirty > MOST * plan.n) {
            return new Result(0, 0, String.format(java.util.Locale.ROOT, "most statements changed (%,d of %,d)", dirty, plan.n));
        }
        MatchIndexBuilder.Sequence sequence = new MatchIndexBuilder.Sequence(writer);
        ArrayDeque<Future<List<MatchIndexBuilder.Parsed>>> inFlight = new ArrayDeque<>();
        try {
            for (int from = 0; from < plan.n; from += MatchIndexBuilder.CHUNK) {
                int to = Math.min(plan.n, from + MatchIndexBuilder.CHUNK);
                Map<Long, String[]> rows = payloads(plan, from, to);
                inFlight.add(pool.submit(chunk(plan, from, to, rows)));
                while (inFlight.size() > 2 * threads) MatchIndexBuilder.drain(inFlight.poll(), sequence);
            }
            while (!inFlight.isEmpty()) MatchIndexBuilder.drain(inFlight.poll(), sequence);
        } finally {
            // Given up half way (the earlier file did not fit): the full build that follows needs the cores.
            inFlight.forEach(f -> f.cancel(true));
        }
        sequence.flush();
        return new Result(sequence.parsed(), sequence.reused(), null);
    }

    /** Pass 1: every row without its JSON; counts them per source as the full build does. */
    private Plan readRows(MatchIndexWriter writer) throws SQLException {
        IdPositions positions = new IdPositions(previous);
        Plan plan = new Plan();
        byte[] stored = new byte[MatchIndexFormat.HASH_BYTES];
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, vuln_id, source, modified, withdrawn, content_hash" + MatchIndexBuilder.ORDER)) {
            ps.setFetchSize(10 * MatchIndexBuilder.CHUNK);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp modified = rs.getTimestamp(4);
                    writer.countStatement(rs.getString(3), modified == null ? null : modified.toInstant());
                    if (rs.getBoolean(5)) continue;
                    String vuln = rs.getString(2);
                    if (withdrawn.contains(vuln)) continue;
                    long id = rs.getLong(1);
                    int at = positions.of(id);
                    if (at >= 0) {
                        previous.statementHash(at, stored);
                        if (!Arrays.equals(stored, ContentHash.of(rs.getString(6)))) at = -1;
                    }
                    plan.add(id, at, vuln);
                }
            }
        }
        return plan;
    }

    /** Marks the clean vulnerabilities; returns how many statements the others have. */
    private int markClean(Plan plan) {
        int groups = plan.groupVuln.size();
        plan.clean = new boolean[groups];
        int dirty = 0;
        int earlierCount = previous.statementCount();
        for (int g = 0; g < groups; g++) {
            int from = plan.groupStart[g];
            int to = plan.groupStart[g + 1];
            int first = plan.earlier[from];
            boolean clean = first >= 0;
            for (int j = from + 1; clean && j < to; j++) clean = plan.earlier[j] == first + (j - from);
            if (clean) {
                // Exactly the earlier file's statements of this vulnerability: none before, none after.
                String vuln = plan.groupVuln.get(g);
                int end = first + (to - from);
                clean = vuln.equals(previous.statementVulnId(first))
                        && (first == 0 || !vuln.equals(previous.statementVulnId(first - 1)))
                        && (end == earlierCount || !vuln.equals(previous.statementVulnId(end)));
            }
            plan.clean[g] = clean;
            if (!clean) dirty += to - from;
        }
        return dirty;
    }

    /** Pass 2, on the build's connection: id, content hash and JSON of the statements in [from, to) that are not clean. */
    private Map<Long, String[]> payloads(Plan plan, int from, int to) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (int j = from; j < to; j++) if (!plan.clean[plan.groupOf[j]]) ids.add(plan.ids[j]);
        Map<Long, String[]> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, content_hash, payload FROM advisory_statement WHERE id IN (" + in + ")")) {
            for (int i = 0; i < ids.size(); i++) ps.setLong(i + 1, ids.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return out;
    }

    /** Decodes the clean statements of [from, to) from the earlier file and parses the others' JSON, in order. */
    private Callable<List<MatchIndexBuilder.Parsed>> chunk(Plan plan, int from, int to, Map<Long, String[]> rows) {
        return () -> {
            List<MatchIndexBuilder.Parsed> out = new ArrayList<>(to - from);
            VulnerabilityRecord facts = null;
            int factsOf = -1;
            byte[] hash = new byte[MatchIndexFormat.HASH_BYTES];
            for (int j = from; j < to; j++) {
                int g = plan.groupOf[j];
                long id = plan.ids[j];
                if (!plan.clean[g]) {
                    String[] row = rows.get(id);
                    // Gone or withdrawn since pass 1 (then the generation moved on and this file is stale).
                    if (row == null || row[1] == null) continue;
                    out.add(MatchIndexBuilder.parsed(id, row[0], row[1]));
                    continue;
                }
                if (factsOf != g) {
                    facts = previous.facts(plan.groupVuln.get(g));
                    factsOf = g;
                    if (facts == null) throw new MatchIndexBuilder.UnusableBase("it has no facts of " + plan.groupVuln.get(g));
                }
                int at = plan.earlier[j];
                Advisory a = previous.statement(at);
                previous.statementHash(at, hash);
                out.add(new MatchIndexBuilder.Parsed(id, hash.clone(), a, StatementKeys.of(a), facts));
            }
            return out;
        };
    }
}
