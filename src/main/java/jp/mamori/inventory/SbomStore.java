package jp.mamori.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.mamori.identifiers.IndexKeys;
import jp.mamori.persistence.StoredJson;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.DependencyEdge;
import jp.mamori.inventory.sbom.IdentifierOrigin;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.identifiers.purl.PurlKey;
import jp.mamori.persistence.Database;

/**
 * SBOM documents of an asset, with history: a new document becomes the current one of its asset;
 * earlier ones stay for the diff and the audit trail. One transaction per document.
 */
public final class SbomStore {

    private static final int BATCH = 1000;

    /** At most this many warnings are kept per document (all are counted): a broken generator can write one per component. */
    public static final int STORED_WARNINGS = 200;

    /**
     * {@code reviewState}: null, or {@code held} (waiting for a security officer) / {@code confirmed}.
     * {@code warningCount}: what the reader tolerated (schema problems with their place, guesses); the
     * document was "accepted with N warnings"; {@code warnings}: the first {@link #STORED_WARNINGS} of them.
     */
    public record StoredSbom(long id, long assetId, String assetVersion, String format, String specVersion, String fileName,
                             String sha256, int componentCount, boolean current, Instant uploadedAt, String uploadedBy, String reviewState,
                             int warningCount, List<String> warnings) {
        public StoredSbom {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        public boolean held() {
            return "held".equals(reviewState);
        }
    }

    private final Database database;

    public SbomStore(Database database) {
        this.database = database;
    }

    public javax.sql.DataSource dataSource() {
        return database.dataSource();
    }

    public StoredSbom add(long orgId, Asset asset, SbomDocument doc, String fileName, String sha256, String assetVersion,
                          String uploadedBy, Instant now) {
        return store(orgId, asset, doc, fileName, sha256, assetVersion, uploadedBy, now, false);
    }

    /**
     * Stores an SBOM that does not become current until a security officer confirms it
     * ({@link #confirmHeld}): it would close open findings that nobody decided on.
     */
    public StoredSbom hold(long orgId, Asset asset, SbomDocument doc, String fileName, String sha256, String assetVersion,
                           String uploadedBy, Instant now) {
        return store(orgId, asset, doc, fileName, sha256, assetVersion, uploadedBy, now, true);
    }

    /** Makes a held SBOM the asset's current one; false when it is not (or no longer) held. */
    public boolean confirmHeld(long orgId, long sbomId) {
        return database.inTransaction(c -> {
            long assetId;
            try (PreparedStatement ps = c.prepareStatement("SELECT asset_id FROM sbom_document WHERE id = ? AND organization_id = ? AND review_state = 'held'")) {
                ps.setLong(1, sbomId);
                ps.setLong(2, orgId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return false;
                    assetId = rs.getLong(1);
                }
            }
            makeCurrent(c, orgId, assetId, sbomId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE sbom_document SET review_state = 'confirmed' WHERE id = ?")) {
                ps.setLong(1, sbomId);
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** The asset's SBOMs waiting for a security officer's confirmation, newest first. */
    public List<StoredSbom> held(long orgId, long assetId) {
        return query("WHERE organization_id = ? AND asset_id = ? AND review_state = 'held' ORDER BY uploaded_at DESC, id DESC", orgId, assetId);
    }

    private static void makeCurrent(Connection c, long orgId, long assetId, long sbomId) throws SQLException {
        for (String table : new String[] {"sbom_document", "component"}) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET current_doc = FALSE WHERE asset_id = ? AND organization_id = ?")) {
                ps.setLong(1, assetId);
                ps.setLong(2, orgId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sbom_document SET current_doc = TRUE WHERE id = ?")) {
            ps.setLong(1, sbomId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE component SET current_doc = TRUE WHERE sbom_id = ?")) {
            ps.setLong(1, sbomId);
            ps.executeUpdate();
        }
    }

    private StoredSbom store(long orgId, Asset asset, SbomDocument doc, String fileName, String sha256, String assetVersion,
                             String uploadedBy, Instant now, boolean held) {
        if (asset.organizationId() != orgId) throw new InventoryException("asset does not belong to this organisation");
        long id = database.inTransaction(c -> {
            if (!held) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE sbom_document SET current_doc = FALSE WHERE asset_id = ? AND organization_id = ?")) {
                    ps.setLong(1, asset.id());
                    ps.setLong(2, orgId);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE component SET current_doc = FALSE WHERE asset_id = ? AND organization_id = ?")) {
                    ps.setLong(1, asset.id());
                    ps.setLong(2, orgId);
                    ps.executeUpdate();
                }
            }
            long sbomId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sbom_document (organization_id, asset_id, asset_version, format, "
                    + "spec_version, serial_number, file_name, sha256, component_count, current_doc, uploaded_at, uploaded_by, review_state, "
                    + "warning_count, warnings) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + (held ? "FALSE" : "TRUE") + ", ?, ?, " + (held ? "'held'" : "NULL") + ", ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, orgId);
                ps.setLong(2, asset.id());
                ps.setString(3, assetVersion != null ? assetVersion : asset.version());
                ps.setString(4, doc.format());
                ps.setString(5, doc.specVersion());
                ps.setString(6, truncate(doc.serialNumber(), 200));
                ps.setString(7, truncate(fileName, 400));
                ps.setString(8, sha256);
                ps.setInt(9, doc.components().size());
                ps.setTimestamp(10, Timestamp.from(now));
                ps.setString(11, uploadedBy);
                ps.setInt(12, doc.warnings().size());
                ps.setString(13, doc.warnings().isEmpty() ? null : warningsJson(doc.warnings()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    sbomId = keys.getLong(1);
                }
            }
            insertComponents(c, sbomId, orgId, asset.id(), doc.components(), !held);
            insertDependencies(c, sbomId, doc.dependencies());
            return sbomId;
        });
        return find(orgId, id).orElseThrow();
    }

    private static void insertComponents(Connection c, long sbomId, long orgId, long assetId, List<Component> components, boolean current)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO component (sbom_id, asset_id, organization_id, current_doc, ref, "
                + "parent_ref, comp_type, group_name, name, version, supplier, purl, cpe, hashes, licenses, url, id_origin, top_level, "
                + "eco_key, pkg_key, cpe_key) VALUES (?, ?, ?, " + (current ? "TRUE" : "FALSE") + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Component k : components) {
                Optional<PurlKey> key = PurlKey.fromPurl(k.purl());
                ps.setLong(1, sbomId);
                ps.setLong(2, assetId);
                ps.setLong(3, orgId);
                ps.setString(4, truncate(k.ref(), 600));
                ps.setString(5, truncate(k.parentRef(), 600));
                ps.setString(6, truncate(k.type(), 40));
                ps.setString(7, truncate(k.group(), 300));
                ps.setString(8, truncate(k.name() == null ? "(no name)" : k.name(), 400));
                ps.setString(9, truncate(k.version(), 200));
                ps.setString(10, truncate(k.supplier(), 300));
                ps.setString(11, truncate(k.purl(), 1000));
                ps.setString(12, truncate(k.cpe(), 600));
                ps.setString(13, k.hashes().isEmpty() ? null : truncate(json(k.hashes()), 4000));
                ps.setString(14, k.licenses().isEmpty() ? null : truncate(String.join(", ", k.licenses()), 2000));
                ps.setString(15, truncate(k.url(), 1000));
                ps.setString(16, k.idOrigin().name());
                ps.setBoolean(17, k.topLevel());
                ps.setString(18, key.map(PurlKey::ecosystem).orElse(null));
                ps.setString(19, key.map(PurlKey::name).map(s -> truncate(s, 400)).orElse(null));
                ps.setString(20, IndexKeys.cpeKey(k.cpe()));
                ps.addBatch();
                if (++n % BATCH == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertDependencies(Connection c, long sbomId, List<DependencyEdge> edges) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sbom_dependency (sbom_id, from_ref, to_ref) VALUES (?, ?, ?)")) {
            int n = 0;
            for (DependencyEdge e : edges) {
                ps.setLong(1, sbomId);
                ps.setString(2, truncate(e.from(), 600));
                ps.setString(3, truncate(e.to(), 600));
                ps.addBatch();
                if (++n % BATCH == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
    }

    public Optional<StoredSbom> find(long orgId, long sbomId) {
        List<StoredSbom> l = query("WHERE organization_id = ? AND id = ?", orgId, sbomId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Every SBOM of an asset, newest first. */
    public List<StoredSbom> history(long orgId, long assetId) {
        return query("WHERE organization_id = ? AND asset_id = ? ORDER BY uploaded_at DESC, id DESC", orgId, assetId);
    }

    private List<StoredSbom> query(String where, long orgId, long param) {
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("SELECT id, asset_id, asset_version, format, spec_version, file_name, sha256, "
                     + "component_count, current_doc, uploaded_at, uploaded_by, review_state, warning_count, warnings FROM sbom_document " + where)) {
            ps.setLong(1, orgId);
            ps.setLong(2, param);
            List<StoredSbom> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredSbom(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getInt(8), rs.getBoolean(9), rs.getTimestamp(10).toInstant(),
                            rs.getString(11), rs.getString(12), rs.getInt(13), warnings(rs.getString(14))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new InventoryException("cannot read SBOMs: " + e.getMessage(), e);
        }
    }

    /** The stored components of one SBOM, as the parser produced them. */
    public SbomDocument load(long orgId, long sbomId) {
        StoredSbom s = find(orgId, sbomId).orElseThrow(() -> new InventoryException("no SBOM " + sbomId + " in this organisation"));
        List<Component> components = new ArrayList<>();
        List<DependencyEdge> deps = new ArrayList<>();
        try (Connection c = database.connection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ref, parent_ref, comp_type, group_name, name, version, supplier, purl, cpe, "
                    + "hashes, licenses, url, id_origin, top_level FROM component WHERE sbom_id = ? AND organization_id = ? ORDER BY id")) {
                ps.setLong(1, sbomId);
                ps.setLong(2, orgId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        components.add(new Component(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), hashes(rs.getString(10)),
                                rs.getString(11) == null ? List.of() : List.of(rs.getString(11).split(", ")), rs.getString(12),
                                IdentifierOrigin.valueOf(rs.getString(13)), rs.getBoolean(14)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT from_ref, to_ref FROM sbom_dependency WHERE sbom_id = ?")) {
                ps.setLong(1, sbomId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) deps.add(new DependencyEdge(rs.getString(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new InventoryException("cannot read SBOM components: " + e.getMessage(), e);
        }
        return new SbomDocument(s.format(), s.specVersion(), null, s.fileName(), null, components, deps);
    }

    private static String warningsJson(List<String> warnings) {
        List<String> kept = new ArrayList<>();
        for (String w : warnings.subList(0, Math.min(STORED_WARNINGS, warnings.size()))) kept.add(truncate(w, 2000));
        return StoredJson.MAPPER.valueToTree(kept).toString();
    }

    private static List<String> warnings(String json) {
        if (json == null) return List.of();
        try {
            return List.of(StoredJson.MAPPER.readValue(json, String[].class));
        } catch (Exception e) {
            return List.of();
        }
    }

    private static String json(Map<String, String> m) {
        return StoredJson.MAPPER.valueToTree(new LinkedHashMap<>(m)).toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> hashes(String json) {
        if (json == null) return Map.of();
        try {
            return StoredJson.MAPPER.readValue(json, LinkedHashMap.class);
        } catch (Exception e) {
            return Map.of();
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
