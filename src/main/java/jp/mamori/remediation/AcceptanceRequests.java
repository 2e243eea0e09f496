package jp.mamori.remediation;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** SQL of acceptance_request: risk acceptances waiting for the named security officer. */
public final class AcceptanceRequests {

    private static final String COLUMNS = "id, organization_id, finding_id, requested_by, approver, reason, until_date, evidence_links, "
            + "requested_at, state, approved_at, decision_id";

    private final DataSource dataSource;

    public AcceptanceRequests(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static long insert(Connection c, long orgId, long findingId, Decision d, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO acceptance_request (organization_id, finding_id, requested_by, approver, "
                + "reason, until_date, evidence_links, requested_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, orgId);
            ps.setLong(2, findingId);
            ps.setString(3, d.actor());
            ps.setString(4, d.approver());
            ps.setString(5, d.reason());
            ps.setDate(6, Date.valueOf(d.until()));
            ps.setString(7, d.evidenceLinks().isEmpty() ? null : String.join("\n", d.evidenceLinks()));
            ps.setTimestamp(8, Timestamp.from(at));
            ps.setString(9, AcceptanceRequest.PENDING);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static Optional<AcceptanceRequest> lock(Connection c, long orgId, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM acceptance_request WHERE organization_id = ? AND id = ? FOR UPDATE")) {
            ps.setLong(1, orgId);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    static void markApproved(Connection c, long id, Instant at, long decisionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE acceptance_request SET state = ?, approved_at = ?, decision_id = ? WHERE id = ?")) {
            ps.setString(1, AcceptanceRequest.APPROVED);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setLong(3, decisionId);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /** One request of the organisation (another tenant's reads as absent). */
    public Optional<AcceptanceRequest> find(long orgId, long id) {
        List<AcceptanceRequest> l = query("SELECT " + COLUMNS + " FROM acceptance_request WHERE organization_id = ? AND id = ?", orgId, id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Pending requests of the organisation, oldest first; {@code approver} null for all of them. */
    public List<AcceptanceRequest> pending(long orgId, String approver) {
        List<AcceptanceRequest> all = query("SELECT " + COLUMNS + " FROM acceptance_request WHERE organization_id = ? AND state = 'pending' "
                + "ORDER BY requested_at, id", orgId);
        return approver == null ? all : all.stream().filter(r -> r.approver().equalsIgnoreCase(approver)).toList();
    }

    /** Pending requests of one finding. */
    public List<AcceptanceRequest> pendingForFinding(long orgId, long findingId) {
        return query("SELECT " + COLUMNS + " FROM acceptance_request WHERE organization_id = ? AND finding_id = ? AND state = 'pending' "
                + "ORDER BY requested_at, id", orgId, findingId);
    }

    private List<AcceptanceRequest> query(String sql, long... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setLong(i + 1, args[i]);
            List<AcceptanceRequest> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read acceptance requests: " + e.getMessage(), e);
        }
    }

    private static AcceptanceRequest map(ResultSet rs) throws SQLException {
        String links = rs.getString("evidence_links");
        Timestamp approved = rs.getTimestamp("approved_at");
        long decision = rs.getLong("decision_id");
        Long decisionId = rs.wasNull() ? null : decision;
        return new AcceptanceRequest(rs.getLong("id"), rs.getLong("organization_id"), rs.getLong("finding_id"), rs.getString("requested_by"),
                rs.getString("approver"), rs.getString("reason"), rs.getDate("until_date").toLocalDate(),
                links == null ? List.of() : Arrays.asList(links.split("\n")), rs.getTimestamp("requested_at").toInstant(), rs.getString("state"),
                approved == null ? null : approved.toInstant(), decisionId);
    }
}
