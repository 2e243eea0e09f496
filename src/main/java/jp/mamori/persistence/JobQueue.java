package jp.mamori.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Background and scheduled work shared by every node on one database (table {@code job}, ADR 0016).
 *
 * <p>A job is taken with a compare-and-set {@code UPDATE ... WHERE state = 'queued' OR (state =
 * 'running' AND lease_until < now)}: the database lets exactly one node win each row, on
 * PostgreSQL (row lock, READ COMMITTED re-check) and H2 alike. The winner holds a lease it renews
 * while it works; a node that dies stops renewing, the lease runs out and another node takes the
 * job again (its handler must be idempotent: imports and the daily run are). Finishing is fenced
 * by the lease owner, so a node that lost its lease cannot overwrite the new owner's result.
 * {@code dedupe_key} makes "the daily run of 3 December" one row however many nodes ask for it.
 */
public final class JobQueue {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public record Job(long id, String kind, String dedupeKey, String payload, String state, String requestedBy,
                      Instant createdAt, Instant runAfter, int attempts, int maxAttempts, String leaseOwner,
                      Instant leaseUntil, Instant startedAt, Instant finishedAt, String result, String lastError) { }

    /** {@code created}: false when a job with the same dedupe key was already there (that one is returned). */
    public record Enqueued(Job job, boolean created) { }

    public record Node(String nodeId, String host, Instant startedAt, Instant heartbeatAt) { }

    private final DataSource dataSource;
    private final Clock clock;

    public JobQueue(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.clock = Objects.requireNonNull(clock);
    }

    public Clock clock() {
        return clock;
    }

    /** Adds a job, or returns the one already there under {@code dedupeKey} (null: never deduplicated). */
    public Enqueued enqueue(String kind, String dedupeKey, String payload, String requestedBy, Instant runAfter, int maxAttempts) {
        if (kind == null || !kind.matches("[a-z][a-z0-9.-]{0,39}")) throw new IllegalArgumentException("bad job kind: " + kind);
        if (payload != null && payload.length() > 8000) throw new IllegalArgumentException("job payload too long");
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            if (dedupeKey != null) {
                Optional<Job> existing = byDedupeKey(c, dedupeKey);
                if (existing.isPresent()) return new Enqueued(existing.get(), false);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job (kind, dedupe_key, payload, state, requested_by, created_at, run_after, attempts, max_attempts) "
                    + "VALUES (?, ?, ?, 'queued', ?, ?, ?, 0, ?)", new String[] {"id"})) {
                ps.setString(1, kind);
                ps.setString(2, dedupeKey);
                ps.setString(3, payload);
                ps.setString(4, requestedBy == null ? "system" : requestedBy);
                setInstant(ps, 5, now);
                setInstant(ps, 6, runAfter == null ? now : runAfter);
                ps.setInt(7, Math.max(1, maxAttempts));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Enqueued(find(c, keys.getLong(1)).orElseThrow(), true);
                }
            } catch (SQLException e) {
                // another node inserted the same occurrence between our read and our insert
                if (dedupeKey != null && "23505".equals(e.getSQLState())) {
                    if (!c.getAutoCommit()) c.rollback();
                    return new Enqueued(byDedupeKey(c, dedupeKey).orElseThrow(() -> e), false);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("job queue: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the oldest job of one of {@code kinds} that is due, or whose lease ran out, for
     * {@code nodeId}: at most one node gets each job.
     */
    public Optional<Job> claim(String nodeId, Duration lease, Set<String> kinds) {
        if (kinds.isEmpty()) return Optional.empty();
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            List<Long> candidates = new ArrayList<>();
            String in = String.join(", ", kinds.stream().map(k -> "?").toList());
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM job WHERE kind IN (" + in + ") AND "
                    + "((state = 'queued' AND run_after <= ?) OR (state = 'running' AND lease_until < ?)) ORDER BY id FETCH FIRST 20 ROWS ONLY")) {
                int i = 1;
                for (String k : kinds) ps.setString(i++, k);
                setInstant(ps, i++, now);
                setInstant(ps, i, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) candidates.add(rs.getLong(1));
                }
            }
            for (long id : candidates) {
                try (PreparedStatement up = c.prepareStatement("UPDATE job SET state = 'running', lease_owner = ?, lease_until = ?, "
                        + "attempts = attempts + 1, started_at = ?, last_error = CASE WHEN state = 'running' THEN ? ELSE last_error END "
                        + "WHERE id = ? AND ((state = 'queued' AND run_after <= ?) OR (state = 'running' AND lease_until < ?))")) {
                    up.setString(1, nodeId);
                    setInstant(up, 2, now.plus(lease));
                    setInstant(up, 3, now);
                    up.setString(4, "lease expired (node gone?); taken over by " + nodeId);
                    up.setLong(5, id);
                    setInstant(up, 6, now);
                    setInstant(up, 7, now);
                    if (up.executeUpdate() == 1) {
                        if (!c.getAutoCommit()) c.commit();
                        return find(c, id);
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("job queue: " + e.getMessage(), e);
        }
    }

    /** Extends the lease; false when this node no longer holds it (it must stop). */
    public boolean renew(long id, String nodeId, Duration lease) {
        return update("UPDATE job SET lease_until = ? WHERE id = ? AND state = 'running' AND lease_owner = ?",
                ps -> {
                    setInstant(ps, 1, clock.instant().plus(lease));
                    ps.setLong(2, id);
                    ps.setString(3, nodeId);
                }) == 1;
    }

    /** Marks the job done (only by the node holding its lease). */
    public boolean complete(long id, String nodeId, String result) {
        return update("UPDATE job SET state = 'done', finished_at = ?, result = ?, lease_until = NULL WHERE id = ? AND state = 'running' AND lease_owner = ?",
                ps -> {
                    setInstant(ps, 1, clock.instant());
                    ps.setString(2, truncate(result));
                    ps.setLong(3, id);
                    ps.setString(4, nodeId);
                }) == 1;
    }

    /** A failed attempt: queued again after {@code retryAfter} while attempts remain, else failed. */
    public boolean fail(long id, String nodeId, String error, Duration retryAfter) {
        Instant now = clock.instant();
        return update("UPDATE job SET state = CASE WHEN attempts < max_attempts THEN 'queued' ELSE 'failed' END, "
                        + "finished_at = CASE WHEN attempts < max_attempts THEN NULL ELSE ? END, run_after = ?, last_error = ?, lease_until = NULL "
                        + "WHERE id = ? AND state = 'running' AND lease_owner = ?",
                ps -> {
                    setInstant(ps, 1, now);
                    setInstant(ps, 2, now.plus(retryAfter));
                    ps.setString(3, truncate(error));
                    ps.setLong(4, id);
                    ps.setString(5, nodeId);
                }) == 1;
    }

    /** Newest first; {@code state} null for every state. */
    public List<Job> list(String state, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM job" + (state == null ? "" : " WHERE state = ?")
                     + " ORDER BY id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 10_000)) + " ROWS ONLY")) {
            if (state != null) ps.setString(1, state);
            List<Job> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(job(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("job queue: " + e.getMessage(), e);
        }
    }

    public Optional<Job> find(long id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("job queue: " + e.getMessage(), e);
        }
    }

    // ---- nodes

    public void heartbeat(String nodeId, String host, Instant startedAt) {
        Instant now = clock.instant();
        int n = update("UPDATE cluster_node SET heartbeat_at = ?, host = ? WHERE node_id = ?", ps -> {
            setInstant(ps, 1, now);
            ps.setString(2, host);
            ps.setString(3, nodeId);
        });
        if (n == 0) {
            try {
                update("INSERT INTO cluster_node (node_id, host, started_at, heartbeat_at) VALUES (?, ?, ?, ?)", ps -> {
                    ps.setString(1, nodeId);
                    ps.setString(2, host);
                    setInstant(ps, 3, startedAt);
                    setInstant(ps, 4, now);
                });
            } catch (DatabaseUnavailableException raced) {
                // inserted by a concurrent heartbeat of the same node: fine
            }
        }
    }

    public void leave(String nodeId) {
        update("DELETE FROM cluster_node WHERE node_id = ?", ps -> ps.setString(1, nodeId));
    }

    public List<Node> nodes() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT node_id, host, started_at, heartbeat_at FROM cluster_node ORDER BY node_id");
             ResultSet rs = ps.executeQuery()) {
            List<Node> out = new ArrayList<>();
            while (rs.next()) out.add(new Node(rs.getString(1), rs.getString(2), instant(rs, "started_at"), instant(rs, "heartbeat_at")));
            return out;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("job queue: " + e.getMessage(), e);
        }
    }

    // ---- helpers

    private Optional<Job> byDedupeKey(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM job WHERE dedupe_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(job(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<Job> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM job WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(job(rs)) : Optional.empty();
            }
        }
    }

    private static Job job(ResultSet rs) throws SQLException {
        return new Job(rs.getLong("id"), rs.getString("kind"), rs.getString("dedupe_key"), rs.getString("payload"), rs.getString("state"),
                rs.getString("requested_by"), instant(rs, "created_at"), instant(rs, "run_after"), rs.getInt("attempts"), rs.getInt("max_attempts"),
                rs.getString("lease_owner"), instant(rs, "lease_until"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getString("result"), rs.getString("last_error"));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            int n = ps.executeUpdate();
            if (!c.getAutoCommit()) c.commit();
            return n;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("job queue: " + e.getMessage(), e);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3990) + "…";
    }

    private static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
