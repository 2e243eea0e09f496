package jp.mamori.remediation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The prefecture's view of the municipalities it serves (issue 17): per municipality only counts —
 * open Act/Attend findings on internet-boundary devices, overdue open findings, open findings — and
 * the grant in force, if any. Details (the boundary findings themselves) are read only under a
 * valid grant; the caller (use case) checks it with {@link #activeGrant}.
 */
public final class PrefectureStatus {

    /**
     * One served municipality: {@code boundaryAct}, {@code overdue} and {@code open} are its own dashboard's
     * cards (境界装置のAct, 期限超過, 未対応 — {@link Worklist}, the same query), {@code actAttendBoundary} adds the
     * Attend findings on boundary devices counted the same way.
     */
    public record Row(long organizationId, String code, String name, long actAttendBoundary, long boundaryAct, long overdue, long open,
                      Grant grant) { }

    public record Grant(long id, long prefectureId, long organizationId, String reason, String grantedBy, Instant grantedAt,
                        Instant expiresAt, String revokedBy, Instant revokedAt) {
        public boolean activeAt(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    public record Detail(String vulnId, String assetCode, String assetName, String outcome, String state, LocalDate due) { }

    private final DataSource dataSource;

    public PrefectureStatus(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean serves(long prefectureId, long orgId) {
        return count("SELECT COUNT(*) FROM prefecture_member WHERE prefecture_id = ? AND organization_id = ?", prefectureId, orgId) > 0;
    }

    /** The prefectures that serve this municipality (ids, in id order). */
    public List<Long> servedBy(long orgId) {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT prefecture_id FROM prefecture_member WHERE organization_id = ? ORDER BY prefecture_id")) {
            ps.setLong(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the prefectures: " + e.getMessage(), e);
        }
        return out;
    }

    /** Every grant (newest first) this municipality has given, to any prefecture. */
    public List<Grant> grantsOf(long orgId) {
        List<Grant> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT * FROM operator_grant WHERE organization_id = ? ORDER BY id DESC")) {
            ps.setLong(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(grant(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read grants: " + e.getMessage(), e);
        }
        return out;
    }

    public void addMember(Connection c, long prefectureId, long orgId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO prefecture_member (prefecture_id, organization_id, added_at) VALUES (?, ?, ?)")) {
            ps.setLong(1, prefectureId);
            ps.setLong(2, orgId);
            ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    public List<Row> rows(long prefectureId, Instant now, LocalDate today) {
        String sql = "SELECT o.id, o.code, o.name FROM prefecture_member m JOIN organization o ON o.id = m.organization_id "
                + "WHERE m.prefecture_id = ? ORDER BY o.code";
        record Member(long id, String code, String name) { }
        List<Member> members = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, prefectureId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) members.add(new Member(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the prefecture status: " + e.getMessage(), e);
        }
        // the municipality's own dashboard counts, from the same query (issue 12: one source of truth for counts)
        FindingQuery query = new FindingQuery(dataSource);
        Worklist worklist = new Worklist(query);
        FindingQuery.Search onBoundary = new FindingQuery.Search(null, null, Boolean.TRUE, null);
        List<Row> out = new ArrayList<>();
        for (Member mb : members) {
            Worklist.Summary s = worklist.summary(mb.id(), today);
            long attendOnBoundary = query.count(mb.id(), Worklist.Card.ATTEND.filter(), onBoundary);
            out.add(new Row(mb.id(), mb.code(), mb.name(), s.boundaryAct() + attendOnBoundary, s.boundaryAct(), s.overdue(), s.open(),
                    activeGrant(prefectureId, mb.id(), now).orElse(null)));
        }
        return out;
    }

    public Optional<Grant> activeGrant(long prefectureId, long orgId, Instant now) {
        return grants(prefectureId, orgId).stream().filter(g -> g.activeAt(now)).findFirst();
    }

    /** Every grant (newest first) of one municipality to one prefecture; {@code orgId} null for all municipalities. */
    public List<Grant> grants(long prefectureId, Long orgId) {
        String sql = "SELECT * FROM operator_grant WHERE prefecture_id = ?" + (orgId == null ? "" : " AND organization_id = ?") + " ORDER BY id DESC";
        List<Grant> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, prefectureId);
            if (orgId != null) ps.setLong(2, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(grant(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read grants: " + e.getMessage(), e);
        }
        return out;
    }

    public Optional<Grant> grant(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT * FROM operator_grant WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(grant(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read grant: " + e.getMessage(), e);
        }
    }

    public long insertGrant(Connection c, long prefectureId, long orgId, String reason, String by, Instant now, Instant expires) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO operator_grant (prefecture_id, organization_id, reason, granted_by, granted_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setLong(1, prefectureId);
            ps.setLong(2, orgId);
            ps.setString(3, reason);
            ps.setString(4, by);
            ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setObject(6, OffsetDateTime.ofInstant(expires, ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    public boolean revokeGrant(Connection c, long id, String by, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE operator_grant SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            ps.setString(1, by);
            ps.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Open Act/Attend findings on the municipality's boundary devices (read only under a grant), from the
     * same query as the municipality's own dashboard and the overview's "Act/Attend on the boundary" count,
     * so the operator's list never shows a row the count leaves out (an unconfirmed candidate) or the reverse.
     */
    public List<Detail> boundaryFindings(long orgId, int limit) {
        FindingQuery query = new FindingQuery(dataSource);
        FindingQuery.Search onBoundary = new FindingQuery.Search(null, null, Boolean.TRUE, null);
        int n = Math.max(1, Math.min(limit, 1000));
        List<Detail> out = new ArrayList<>();
        for (Worklist.Card card : List.of(Worklist.Card.ACT, Worklist.Card.ATTEND)) {
            for (FindingRow r : query.list(orgId, card.filter(), onBoundary, FindingQuery.Sort.PRIORITY, false, n - out.size(), 0)) {
                out.add(new Detail(r.vulnId(), r.assetCode(), r.assetName(), r.outcome(), r.state(), r.due()));
            }
            if (out.size() >= n) break;
        }
        return out;
    }

    private static Grant grant(ResultSet rs) throws SQLException {
        return new Grant(rs.getLong("id"), rs.getLong("prefecture_id"), rs.getLong("organization_id"), rs.getString("reason"),
                rs.getString("granted_by"), inst(rs, "granted_at"), inst(rs, "expires_at"), rs.getString("revoked_by"), inst(rs, "revoked_at"));
    }

    private static Instant inst(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private long count(String sql, long a, long b) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, a);
            ps.setLong(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
