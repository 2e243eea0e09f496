package jp.mamori.advisory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AdvisoryLookup;

/**
 * The knowledge base's index as the matching engine sees it. Parsed statements are cached for the
 * life of this object (one scan or one re-match run), and shared with {@link KnowledgeBase} when
 * both are given the same cache: a statement's JSON is read and parsed once per run.
 */
public final class StoreAdvisoryLookup implements AdvisoryLookup {

    private final DataSource dataSource;
    private final Map<String, List<Advisory>> byPackage = new ConcurrentHashMap<>();
    private final Map<String, List<Advisory>> byCpe = new ConcurrentHashMap<>();
    private final Map<Long, Advisory> statements;
    private volatile Set<String> withdrawnVulnerabilities;

    public StoreAdvisoryLookup(DataSource dataSource) {
        this(dataSource, new ConcurrentHashMap<>());
    }

    public StoreAdvisoryLookup(DataSource dataSource, Map<Long, Advisory> statementCache) {
        this.dataSource = dataSource;
        this.statements = statementCache;
    }

    @Override
    public List<Advisory> byPackage(String ecosystem, String name) {
        return byPackage.computeIfAbsent(ecosystem + "|" + name, k -> load(
                "SELECT s.id, s.vuln_id FROM advisory_package_key k JOIN advisory_statement s ON s.id = k.statement_id "
                        + "WHERE k.ecosystem = ? AND k.package_name = ? AND s.withdrawn = FALSE", ecosystem, name));
    }

    @Override
    public List<Advisory> byCpeKey(String cpeKey) {
        return byCpe.computeIfAbsent(cpeKey, k -> load(
                "SELECT s.id, s.vuln_id FROM advisory_cpe_key k JOIN advisory_statement s ON s.id = k.statement_id "
                        + "WHERE k.cpe_key = ? AND s.withdrawn = FALSE", cpeKey));
    }

    /** Ids first, then only the statements not parsed yet: popular products share most of them. */
    private List<Advisory> load(String sql, String... params) {
        try (Connection c = dataSource.getConnection()) {
            Set<String> withdrawn = withdrawn(c);
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!withdrawn.contains(rs.getString(2))) ids.add(rs.getLong(1));
                    }
                }
            }
            KnowledgeBase.fetchPayloads(c, ids, statements);
            List<Advisory> out = new ArrayList<>(ids.size());
            for (long id : ids) {
                Advisory a = statements.get(id);
                if (a != null) out.add(a);
            }
            return out;
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read the knowledge base index: " + e.getMessage(), e);
        }
    }

    /** Vulnerabilities withdrawn as a whole (NVD/CVE "Rejected"): none of their statements match. */
    private Set<String> withdrawn(Connection c) throws SQLException {
        Set<String> w = withdrawnVulnerabilities;
        if (w != null) return w;
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM vulnerability WHERE withdrawn = TRUE");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        withdrawnVulnerabilities = Collections.unmodifiableSet(out);
        return withdrawnVulnerabilities;
    }
}
