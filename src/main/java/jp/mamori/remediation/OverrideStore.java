package jp.mamori.remediation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.persistence.Database;
import jp.mamori.triage.ssvc.SsvcOverride;

/**
 * Per-finding overrides of SSVC inputs (SPEC §4: "overridable per finding"), recorded with reason
 * and person, applied every time the finding is triaged again.
 */
public final class OverrideStore {

    /** The finding an override belongs to. */
    public record Target(long organizationId, long assetId, String componentIdentity, String vulnId) { }

    private final Database database;

    public OverrideStore(Database database) {
        this.database = database;
    }

    /** The stored finding's identity, or an exception naming the id when it is not in this organisation. */
    public Target target(long orgId, long findingId) {
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("SELECT asset_id, component_identity, vuln_id FROM finding WHERE id = ? AND organization_id = ?")) {
            ps.setLong(1, findingId);
            ps.setLong(2, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new NoSuchFindingException(findingId);
                return new Target(orgId, rs.getLong(1), rs.getString(2), rs.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read finding: " + e.getMessage(), e);
        }
    }

    public void add(long findingId, Target t, SsvcOverride o, Instant now) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ssvc_override (organization_id, asset_id, component_identity, vuln_id, "
                    + "input_name, input_value, reason, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, t.organizationId());
                ps.setLong(2, t.assetId());
                ps.setString(3, t.componentIdentity());
                ps.setString(4, t.vulnId());
                ps.setString(5, o.input());
                ps.setString(6, o.value());
                ps.setString(7, o.reason());
                ps.setString(8, o.who());
                ps.setTimestamp(9, Timestamp.from(now));
                ps.executeUpdate();
            }
            FindingRecorder.event(c, findingId, now, o.who(), "override", null, null, o.input() + " = " + o.value() + "（理由: " + o.reason() + "）");
            return null;
        });
    }

    /** Overrides of one asset, by "identity|vulnerability", oldest first (the last one of an input wins). */
    public Map<String, List<SsvcOverride>> forAsset(long assetId) {
        Map<String, List<SsvcOverride>> out = new HashMap<>();
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("SELECT component_identity, vuln_id, input_name, input_value, reason, actor "
                     + "FROM ssvc_override WHERE asset_id = ? ORDER BY id")) {
            ps.setLong(1, assetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(new SsvcOverride(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read SSVC overrides: " + e.getMessage(), e);
        }
        return out;
    }

    public static String key(String identity, String vulnId) {
        return identity + "|" + vulnId;
    }
}
