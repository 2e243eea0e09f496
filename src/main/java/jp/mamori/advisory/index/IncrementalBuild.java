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
    /**
     * The earlier file's strings as decoded so far, shared by the decoding threads (a race decodes a
     * string twice, harmlessly): each is decoded once, and the writer's pool then finds the same
     * instance with its hash already computed.
     */
    private final String[] strings;

    /**
     * @param fullBecause why a full build must be done instead; null when this one was done
     * @param phases      where the time went
     */
    record Result(int parsed, int reused, String fullBecause, String phases) { }

    IncrementalBuild(Connection connection, MatchIndex previous, Set<String> withdrawn, ExecutorService pool, int threads) {
        this.connection = connection;
        this.previous = previous;
        this.withdrawn = withdrawn;
        this.pool = pool;
        this.threads = threads;
        this.strings = new String[previous.stringCount()];
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
        long t0 = System.nanoTime();
        Plan plan = readRows(writer);
        int dirty = markClean(plan);
        if (plan.n == 0) return new Result(0, 0, "no live statements", null);
        if (dirty > MOST * plan.n) {
            return new Result(0, 0, String.format(java.util.Locale.ROOT, "most statements changed (%,d of %,d)", dirty, plan.n), null);
        }
        long t1 = System.nanoTime();
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
        return new Result(sequence.parsed(), sequence.reused(), null, "rows without JSON " + MatchIndexBuilder.seconds(t1 - t0)
                + ", statements (reused and parsed) " + MatchIndexBuilder.seconds(System.nanoTime() - t1));
    }

    /**
     * Pass 1: every row without its JSON, counted per source as the full build counts them. Two reads:
     * the rows' state (withdrawn, content hash, modified) in table order, then the full build's order from
     * the identity index alone. H2 reads a whole row, JSON included, for any column outside an index; in
     * the index's order that was a look-up per row, twice the time of the table scan.
     */
    private Plan readRows(MatchIndexWriter writer) throws SQLException {
        LongIntMap positions = LongIntMap.positionsOf(previous);
        RowStates states = new RowStates(previous.statementCount());
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, withdrawn, content_hash, modified FROM advisory_statement")) {
            ps.setFetchSize(10 * MatchIndexBuilder.CHUNK);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp modified = rs.getTimestamp(4);
                    states.add(rs.getLong(1), rs.getBoolean(2), ContentHash.of(rs.getString(3)), modified == null ? null : modified.toInstant());
                }
            }
        }
        Plan plan = new Plan();
        byte[] stored = new byte[MatchIndexFormat.HASH_BYTES];
        // vuln_id >= '' holds for every row; it makes H2 walk the identity index in order instead of sorting the table.
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, vuln_id, source FROM advisory_statement WHERE vuln_id >= ''" + MatchIndexBuilder.ORDER_ONLY)) {
            ps.setFetchSize(10 * MatchIndexBuilder.CHUNK);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    int s = states.of(id);
                    // A row committed between the two reads (s < 0): parsed in pass 2; the file is stale anyway.
                    writer.countStatement(rs.getString(3), s < 0 ? null : states.modified[s]);
                    if (s >= 0 && states.withdrawn[s]) continue;
                    String vuln = rs.getString(2);
                    if (withdrawn.contains(vuln)) continue;
                    int at = s < 0 ? -1 : positions.get(id);
                    if (at >= 0) {
                        previous.statementHash(at, stored);
                        if (!Arrays.equals(stored, 0, stored.length, states.hashes, s * stored.length, (s + 1) * stored.length)) at = -1;
                    }
                    plan.add(id, at, vuln);
                }
            }
        }
        return plan;
    }

    /** Withdrawn flag, content hash and modified of every row, by id. */
    private static final class RowStates {
        private final LongIntMap index;
        private int n;
        boolean[] withdrawn;
        byte[] hashes;
        java.time.Instant[] modified;

        RowStates(int expected) {
            int capacity = Math.max(16, expected + expected / 8);
            index = new LongIntMap(capacity);
            withdrawn = new boolean[capacity];
            hashes = new byte[capacity * MatchIndexFormat.HASH_BYTES];
            modified = new java.time.Instant[capacity];
        }

        void add(long id, boolean isWithdrawn, byte[] hash, java.time.Instant at) {
            if (n == withdrawn.length) {
                withdrawn = Arrays.copyOf(withdrawn, n * 2);
                hashes = Arrays.copyOf(hashes, n * 2 * MatchIndexFormat.HASH_BYTES);
                modified = Arrays.copyOf(modified, n * 2);
            }
            withdrawn[n] = isWithdrawn;
            System.arraycopy(hash, 0, hashes, n * MatchIndexFormat.HASH_BYTES, MatchIndexFormat.HASH_BYTES);
            modified[n] = at;
            index.put(id, n++);
        }

        int of(long id) {
            return index.get(id);
        }
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
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, content_hash, CASE WHEN withdrawn THEN NULL ELSE payload END FROM advisory_statement WHERE id IN (" + in + ")")) {
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
                Advisory a = previous.statement(at, strings);
                previous.statementHash(at, hash);
                out.add(new MatchIndexBuilder.Parsed(id, hash.clone(), a, StatementKeys.of(a), facts));
            }
            return out;
        };
    }
}
