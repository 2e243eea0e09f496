package jp.mamori.partners;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.scope.SbomScopeCheck;
import jp.mamori.inventory.scope.Tier;
import jp.mamori.persistence.Database;

/** Reads the assets of an organisation with the facts the contract checks and the readiness report need. */
public final class CoverageQuery {

    private final Database database;

    public CoverageQuery(Database database) {
        this.database = database;
    }

    /** Every asset of the organisation, by id, in code order. */
    public Map<Long, CoveredAsset> assets(long orgId) {
        return database.inTransaction(c -> assets(c, orgId));
    }

    /** The assets a contract covers: those named, and every asset of the systems named. */
    public List<CoveredAsset> covered(long orgId, long contractId) {
        return database.inTransaction(c -> {
            Map<Long, CoveredAsset> all = assets(c, orgId);
            List<CoveredAsset> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id FROM asset a WHERE a.organization_id = ? AND (a.id IN "
                    + "(SELECT asset_id FROM contract_asset WHERE contract_id = ?) OR a.system_id IN (SELECT system_id FROM contract_system WHERE contract_id = ?)) "
                    + "ORDER BY a.code")) {
                ps.setLong(1, orgId);
                ps.setLong(2, contractId);
                ps.setLong(3, contractId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        CoveredAsset a = all.get(rs.getLong(1));
                        if (a != null) out.add(a);
                    }
                }
            }
            return out;
        });
    }

    static Map<Long, CoveredAsset> assets(Connection c, long orgId) throws SQLException {
        Map<Long, List<CoveredAsset.Urgent>> urgent = new HashMap<>();
        // still to patch: the dashboard's states (a mitigated finding still owes its patch)
        List<String> states = jp.mamori.remediation.FindingQuery.Filter.stillToPatch().states().stream().map(s -> s.key()).toList();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.asset_id, f.id, f.vuln_id, f.outcome, f.due_date FROM finding f "
                + "WHERE f.organization_id = ? AND f.candidate = FALSE AND f.state IN (" + String.join(", ", states.stream().map(x -> "?").toList()) + ") "
                + "AND f.outcome IN ('act', 'attend') ORDER BY f.due_date, f.vuln_id")) {
            ps.setLong(1, orgId);
            for (int i = 0; i < states.size(); i++) ps.setString(2 + i, states.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    urgent.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new CoveredAsset.Urgent(rs.getLong(2), rs.getString(3), rs.getString(4), VendorStore.date(rs, 5)));
                }
            }
        }
        Map<Long, CoveredAsset> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.code, a.name, a.kind, a.exposure, a.internet_boundary, s.id, s.code, s.sbom_tier, "
                + "s.confidentiality, v.name, (SELECT COUNT(*) FROM sbom_document d WHERE d.asset_id = a.id AND d.current_doc = TRUE) "
                + "FROM asset a JOIN it_system s ON s.id = a.system_id LEFT JOIN vendor v ON v.id = a.vendor_id "
                + "WHERE a.organization_id = ? ORDER BY a.code")) {
            ps.setLong(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    out.put(id, new CoveredAsset(id, rs.getString(2), rs.getString(3), AssetKind.parse(rs.getString(4)),
                            Exposure.parse(rs.getString(5)), rs.getBoolean(6), rs.getLong(7), rs.getString(8), tier(rs.getString(9), rs.getString(10)),
                            rs.getString(11), rs.getLong(12) > 0, urgent.getOrDefault(id, List.of())));
                }
            }
        }
        return out;
    }

    private static Tier tier(String stored, String confidentiality) {
        if (stored != null && !stored.isBlank()) {
            try {
                return Tier.valueOf(stored.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // fall back to what the importance requires
            }
        }
        try {
            return SbomScopeCheck.requiredFor(confidentiality);
        } catch (IllegalArgumentException e) {
            return Tier.STANDARD;
        }
    }
}
