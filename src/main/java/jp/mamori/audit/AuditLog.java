package jp.mamori.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The audit trail: append-only and hash-chained. Every entry stores the hash of the one before it
 * and its own hash, {@code SHA-256(prev_hash + canonical fields)}; {@link #verify()} recomputes the
 * chain and names the first entry that does not fit, so an edited, deleted, inserted or reordered
 * row is found. There is deliberately no method that updates or deletes an entry.
 *
 * <p>Writers are serialised by locking the single {@code audit_head} row, which also lets
 * {@link #verify()} see a cut-off tail. Call {@link #append(Connection, Entry)} inside the
 * transaction that makes the change, so that the change and its audit entry are stored together.
 *
 * <p>Plain JDBC and plain Java: usable from the command line without Spring.
 */
public final class AuditLog {

    /** prev_hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    static final int MAX_ACTOR = 100;
    static final int MAX_ACTION = 60;
    static final int MAX_TARGET = 400;
    static final int MAX_DETAIL = 8000;

    private final DataSource dataSource;
    private final Clock clock;

    public AuditLog(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public AuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * What to record. {@code actor}: a username, {@code cli:<os user>}, or {@code system};
     * {@code organizationId}: the tenant the event belongs to (null for instance-level events);
     * {@code action}: {@code area.verb}, see {@link AuditAction}; {@code target}: what was acted on
     * (e.g. {@code user:tanaka}, {@code finding:42}); {@code detail}: free text or JSON, no secrets.
     */
    public record Entry(String actor, Long organizationId, String action, String target, String detail) {
        public Entry {
            if (actor == null || actor.isBlank()) throw new IllegalArgumentException("audit actor is required");
            if (action == null || action.isBlank()) throw new IllegalArgumentException("audit action is required");
        }
    }

    /** Appends in a transaction of its own. */
    public AuditEvent append(String actor, Long organizationId, String action, String target, String detail) {
        return append(new Entry(actor, organizationId, action, target, detail));
    }

    /** Appends in a transaction of its own. */
    public AuditEvent append(Entry entry) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                AuditEvent e = append(c, entry);
                c.commit();
                return e;
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException ex) {
            throw new AuditException("audit entry could not be stored: " + ex.getMessage(), ex);
        }
    }

    /**
     * Appends within the caller's transaction (the connection must not be in auto-commit mode for
     * the change and the entry to be atomic). Holds the chain head's row lock until the caller
     * commits or rolls back.
     */
    public AuditEvent append(Connection c, Entry entry) {
        try {
            long lastId;
            String lastHash;
            // Lock the head: concurrent writers in this and other processes chain one after the other.
            try (PreparedStatement lock = c.prepareStatement("UPDATE audit_head SET last_id = last_id WHERE id = 1")) {
                if (lock.executeUpdate() != 1) throw new AuditException("audit chain head is missing");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_id, last_hash FROM audit_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                lastId = rs.getLong(1);
                lastHash = rs.getString(2);
            }
            long id = lastId + 1;
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String actor = clip(entry.actor(), MAX_ACTOR, false);
            String action = clip(entry.action(), MAX_ACTION, false);
            String target = clip(entry.target(), MAX_TARGET, false);
            String detail = clip(entry.detail(), MAX_DETAIL, true);
            String hash = hash(lastHash, id, at, actor, entry.organizationId(), action, target, detail);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (id, at, actor, organization_id, action, target, detail, prev_hash, hash) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ps.setString(3, actor);
                if (entry.organizationId() == null) ps.setNull(4, Types.BIGINT); else ps.setLong(4, entry.organizationId());
                ps.setString(5, action);
                ps.setString(6, target);
                ps.setString(7, detail);
                ps.setString(8, lastHash);
                ps.setString(9, hash);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1")) {
                ps.setLong(1, id);
                ps.setString(2, hash);
                ps.executeUpdate();
            }
            return new AuditEvent(id, at, actor, entry.organizationId(), action, target, detail, lastHash, hash);
        } catch (SQLException ex) {
            throw new AuditException("audit entry could not be stored: " + ex.getMessage(), ex);
        }
    }

    /** The result of {@link #verify()}: intact with {@code entries} entries, or broken at {@code firstBrokenId}. */
    public record Verification(boolean intact, long entries, Long firstBrokenId, String reason) {
        public static Verification ok(long entries) {
            return new Verification(true, entries, null, null);
        }

        public static Verification broken(long id, String reason, long checked) {
            return new Verification(false, checked, id, reason);
        }
    }

    /** Recomputes the whole chain, oldest first, and reports the first entry that does not fit. */
    public Verification verify() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, at, actor, organization_id, action, target, detail, prev_hash, hash "
                     + "FROM audit_event ORDER BY id")) {
            ps.setFetchSize(1000);
            long expectedId = 1;
            String prev = GENESIS;
            long count = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditEvent e = read(rs);
                    if (e.id() != expectedId) {
                        return Verification.broken(expectedId, e.id() > expectedId
                                ? "entry " + expectedId + (expectedId + 1 == e.id() ? " is" : " to " + (e.id() - 1) + " are") + " missing"
                                : "unexpected entry id " + e.id(), count);
                    }
                    if (!prev.equals(e.prevHash())) {
                        return Verification.broken(e.id(), "prev_hash does not match the hash of entry " + (e.id() - 1), count);
                    }
                    String recomputed = hash(e.prevHash(), e.id(), e.at(), e.actor(), e.organizationId(), e.action(), e.target(), e.detail());
                    if (!recomputed.equals(e.hash())) {
                        return Verification.broken(e.id(), "content does not match its hash (edited)", count);
                    }
                    prev = e.hash();
                    expectedId++;
                    count++;
                }
            }
            try (PreparedStatement hp = c.prepareStatement("SELECT last_id, last_hash FROM audit_head WHERE id = 1");
                 ResultSet rs = hp.executeQuery()) {
                if (!rs.next()) return Verification.broken(expectedId, "audit chain head is missing", count);
                long headId = rs.getLong(1);
                if (headId != count || !rs.getString(2).equals(prev)) {
                    return Verification.broken(count + 1, headId > count
                            ? "entries " + (count + 1) + " to " + headId + " are missing (the chain head records " + headId + " entries)"
                            : "the chain head does not match the last entry", count);
                }
            }
            return Verification.ok(count);
        } catch (SQLException ex) {
            throw new AuditException("audit trail could not be read: " + ex.getMessage(), ex);
        }
    }

    /**
     * The newest entries first. {@code organizationId} null: all entries (instance-wide readers
     * only); otherwise only that organisation's entries. {@code beforeId}: paging, or null.
     */
    public List<AuditEvent> list(Long organizationId, boolean allOrganizations, Long beforeId, int limit) {
        if (organizationId == null && !allOrganizations) throw new IllegalArgumentException("an organisation or allOrganizations is required");
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, organization_id, action, target, detail, prev_hash, hash FROM audit_event WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (organizationId != null) {
            sql.append(" AND organization_id = ?");
            params.add(organizationId);
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            params.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(Math.max(1, Math.min(limit, 10_000)));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            return events(ps);
        } catch (SQLException ex) {
            throw new AuditException("audit trail could not be read: " + ex.getMessage(), ex);
        }
    }

    /** The entries a prepared query selects (the columns {@link #read} takes), in its order. */
    private static List<AuditEvent> events(PreparedStatement ps) throws SQLException {
        List<AuditEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(read(rs));
        }
        return out;
    }

    /** One organisation's entries about one target (e.g. {@code incident:12}), oldest first: an object's own history. */
    public List<AuditEvent> forTarget(long organizationId, String target, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, at, actor, organization_id, action, target, detail, prev_hash, hash FROM audit_event "
                        + "WHERE organization_id = ? AND target = ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, organizationId);
            ps.setString(2, target);
            ps.setInt(3, Math.max(1, Math.min(limit, 10_000)));
            return events(ps);
        } catch (SQLException ex) {
            throw new AuditException("audit trail could not be read: " + ex.getMessage(), ex);
        }
    }

    /**
     * What the audit page asks for: one organisation's entries (or all, for instance-wide readers),
     * optionally by actor, by action, from a time (inclusive) to a time (exclusive); newest first.
     */
    public record Query(Long organizationId, boolean allOrganizations, String actor, String action, Instant from, Instant to) {
        public Query {
            if (organizationId == null && !allOrganizations) throw new IllegalArgumentException("an organisation or allOrganizations is required");
            actor = actor == null || actor.isBlank() ? null : actor.strip();
            action = action == null || action.isBlank() ? null : action.strip();
        }
    }

    /** A query (a value, not a store: front ends build it through here, ADR 0008's layering). */
    public static Query query(Long organizationId, boolean allOrganizations, String actor, String action, Instant from, Instant to) {
        return new Query(organizationId, allOrganizations, actor, action, from, to);
    }

    /** One page of a query and how many entries match it in all. */
    public record Page(List<AuditEvent> events, long total) { }

    public Page search(Query q, int offset, int limit) {
        return search(q, null, offset, limit);
    }

    /** As {@link #search(Query, int, int)}, only entries with an id below {@code beforeId} (when given; the API's paging). */
    public Page search(Query q, Long beforeId, int offset, int limit) {
        StringBuilder where = new StringBuilder(" FROM audit_event WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (beforeId != null) {
            where.append(" AND id < ?");
            params.add(beforeId);
        }
        if (q.organizationId() != null) {
            where.append(" AND organization_id = ?");
            params.add(q.organizationId());
        }
        if (q.actor() != null) {
            where.append(" AND actor = ?");
            params.add(q.actor());
        }
        if (q.action() != null) {
            where.append(" AND action = ?");
            params.add(q.action());
        }
        if (q.from() != null) {
            where.append(" AND at >= ?");
            params.add(OffsetDateTime.ofInstant(q.from(), java.time.ZoneOffset.UTC));
        }
        if (q.to() != null) {
            where.append(" AND at < ?");
            params.add(OffsetDateTime.ofInstant(q.to(), java.time.ZoneOffset.UTC));
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + where)) {
                for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, actor, organization_id, action, target, detail, prev_hash, hash"
                    + where + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                int i = 0;
                for (; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
                ps.setInt(i + 1, Math.max(1, Math.min(limit, 10_000)));
                ps.setLong(i + 2, Math.max(0, offset));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(read(rs));
                }
            }
            return new Page(out, total);
        } catch (SQLException ex) {
            throw new AuditException("audit trail could not be read: " + ex.getMessage(), ex);
        }
    }

    /** The actors of the entries a reader may see, for the filter (at most 500, by name). */
    public List<String> actors(Long organizationId) {
        String sql = "SELECT DISTINCT actor FROM audit_event" + (organizationId == null ? "" : " WHERE organization_id = ?") + " ORDER BY actor LIMIT 500";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (organizationId != null) ps.setLong(1, organizationId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException ex) {
            throw new AuditException("audit trail could not be read: " + ex.getMessage(), ex);
        }
    }

    private static AuditEvent read(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
        long org = rs.getLong(4);
        Long orgId = rs.wasNull() ? null : org;
        return new AuditEvent(rs.getLong(1), at.toInstant(), rs.getString(3), orgId, rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9));
    }

    /**
     * SHA-256 over the previous hash and the entry's fields, each length-prefixed so that no two
     * different entries share an encoding; null is encoded apart from the empty string.
     */
    static String hash(String prevHash, long id, Instant at, String actor, Long organizationId, String action, String target, String detail) {
        StringBuilder sb = new StringBuilder(256);
        field(sb, prevHash);
        field(sb, Long.toString(id));
        field(sb, at.truncatedTo(ChronoUnit.MILLIS).toString());
        field(sb, actor);
        field(sb, organizationId == null ? null : organizationId.toString());
        field(sb, action);
        field(sb, target);
        field(sb, detail);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:;");
        } else {
            sb.append(value.length()).append(':').append(value).append(';');
        }
    }

    /**
     * Bounds the length and replaces control characters (log and terminal injection through a
     * typed-in user name); only detail may keep newlines and tabs.
     */
    private static String clip(String s, int max, boolean multiline) {
        if (s == null) return null;
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char ch = s.charAt(i);
            boolean allowed = !Character.isISOControl(ch) || (multiline && (ch == '\n' || ch == '\t'));
            sb.append(allowed ? ch : '?');
        }
        if (sb.length() > 0 && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) sb.setLength(sb.length() - 1);
        return sb.toString();
    }
}
