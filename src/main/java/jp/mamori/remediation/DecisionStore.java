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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of finding_decision. Callers pass the connection so a decision and its state change commit together. */
public final class DecisionStore {

    private static final String COLUMNS = "id, organization_id, finding_id, asset_id, component_identity, vuln_id, action, from_state, "
            + "to_state, reason, justification, actor, approver, decided_at, until_date, evidence_links, component_version, "
            + "match_criterion, superseded_at, superseded_reason";

    private DecisionStore() { }

    /**
     * The finding a decision attaches to. Decisions are found by the finding row (which the next SBOM of
     * the asset carries over); the identity is stored beside them as what was decided on. Two
     * versions of one package in one asset are two findings with the same identity and their own decisions.
     */
    public record Identity(long findingId, long assetId, String componentIdentity, String vulnId) { }

    static long insert(Connection c, long orgId, long findingId, Identity id, Decision d, FindingState from, FindingState to, Instant at,
                       String componentVersion, String criterion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding_decision (organization_id, finding_id, asset_id, "
                + "component_identity, vuln_id, action, from_state, to_state, reason, justification, actor, approver, decided_at, "
                + "until_date, evidence_links, component_version, match_criterion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, orgId);
            ps.setLong(2, findingId);
            ps.setLong(3, id.assetId());
            ps.setString(4, id.componentIdentity());
            ps.setString(5, id.vulnId());
            ps.setString(6, d.action().key());
            ps.setString(7, from.key());
            ps.setString(8, to.key());
            ps.setString(9, d.reason());
            ps.setString(10, d.justification() == null ? null : d.justification().key());
            ps.setString(11, d.actor());
            ps.setString(12, d.approver());
            ps.setTimestamp(13, Timestamp.from(at));
            ps.setDate(14, d.until() == null ? null : Date.valueOf(d.until()));
            ps.setString(15, d.evidenceLinks().isEmpty() ? null : String.join("\n", d.evidenceLinks()));
            ps.setString(16, componentVersion);
            ps.setString(17, criterion);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Ends the decision in force for a finding; returns how many were ended (0 or 1). */
    public static int supersede(Connection c, Identity id, Instant at, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding_decision SET superseded_at = ?, superseded_reason = ? "
                + "WHERE finding_id = ? AND superseded_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, reason.length() > 400 ? reason.substring(0, 400) : reason);
            ps.setLong(3, id.findingId());
            return ps.executeUpdate();
        }
    }

    public static Optional<StoredDecision> current(Connection c, Identity id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM finding_decision WHERE finding_id = ? "
                + "AND superseded_at IS NULL ORDER BY id DESC")) {
            ps.setLong(1, id.findingId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Every decision ever recorded for a finding, oldest first. */
    public static List<StoredDecision> history(Connection c, long orgId, long findingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM finding_decision WHERE organization_id = ? "
                + "AND finding_id = ? ORDER BY id")) {
            ps.setLong(1, orgId);
            ps.setLong(2, findingId);
            return list(ps);
        }
    }

    /** The decisions in force of an organisation (optionally one asset), by finding id. */
    public static Map<Long, StoredDecision> currentByFinding(Connection c, long orgId, Long assetId) throws SQLException {
        Map<Long, StoredDecision> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM finding_decision WHERE organization_id = ? "
                + "AND superseded_at IS NULL" + (assetId == null ? "" : " AND asset_id = ?") + " ORDER BY id")) {
            ps.setLong(1, orgId);
            if (assetId != null) ps.setLong(2, assetId);
            for (StoredDecision d : list(ps)) out.put(d.findingId(), d);
        }
        return out;
    }

    /** Every decision of an organisation, oldest first (the export's 対応判断 sheet). */
    public static List<StoredDecision> all(Connection c, long orgId, Collection<Long> findingIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM finding_decision WHERE organization_id = ? ORDER BY id")) {
            ps.setLong(1, orgId);
            List<StoredDecision> all = list(ps);
            if (findingIds == null) return all;
            return all.stream().filter(d -> findingIds.contains(d.findingId())).toList();
        }
    }

    static List<StoredDecision> list(PreparedStatement ps) throws SQLException {
        List<StoredDecision> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(read(rs));
        }
        return out;
    }

    static StoredDecision read(ResultSet rs) throws SQLException {
        Date until = rs.getDate(15);
        String links = rs.getString(16);
        Timestamp superseded = rs.getTimestamp(19);
        return new StoredDecision(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                DecisionAction.fromKey(rs.getString(7)), FindingState.fromKey(rs.getString(8)), FindingState.fromKey(rs.getString(9)),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant(),
                until == null ? null : until.toLocalDate(), links == null ? List.of() : Arrays.asList(links.split("\n")),
                rs.getString(17), rs.getString(18), superseded == null ? null : superseded.toInstant(), rs.getString(20));
    }
}
