package jp.mamori.advisory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import jp.mamori.advisory.Advisory;
import jp.mamori.matching.AdvisoryLookup;

/**
 * The knowledge base's index as the matching engine sees it. Parsed statements are cached for
 * the life of this object (one scan or one re-match run), since many components share a package.
 */
public final class StoreAdvisoryLookup implements AdvisoryLookup {

    private static final String LIVE = " AND s.withdrawn = FALSE AND NOT EXISTS "
            + "(SELECT 1 FROM vulnerability v WHERE v.id = s.vuln_id AND v.withdrawn = TRUE)";

    private final DataSource dataSource;
    private final Map<String, List<Advisory>> byPackage = new ConcurrentHashMap<>();
    private final Map<String, List<Advisory>> byCpe = new ConcurrentHashMap<>();
    private final Map<Long, Advisory> statements = new ConcurrentHashMap<>();

    public StoreAdvisoryLookup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Advisory> byPackage(String ecosystem, String name) {
        return byPackage.computeIfAbsent(ecosystem + "|" + name, k -> load(
                "SELECT s.id, s.payload FROM advisory_package_key k JOIN advisory_statement s ON s.id = k.statement_id "
                        + "WHERE k.ecosystem = ? AND k.package_name = ?" + LIVE, ecosystem, name));
    }

    @Override
    public List<Advisory> byCpeKey(String cpeKey) {
        return byCpe.computeIfAbsent(cpeKey, k -> load(
                "SELECT s.id, s.payload FROM advisory_cpe_key k JOIN advisory_statement s ON s.id = k.statement_id "
                        + "WHERE k.cpe_key = ?" + LIVE, cpeKey));
    }

    private List<Advisory> load(String sql, String... params) {
        List<Advisory> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Advisory a = statements.get(id);
                    if (a == null) {
                        a = KnowledgeBase.parse(rs.getString(2));
                        statements.put(id, a);
                    }
                    out.add(a);
                }
            }
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read the knowledge base index: " + e.getMessage(), e);
        }
        return out;
    }
}
