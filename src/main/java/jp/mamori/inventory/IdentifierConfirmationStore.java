package jp.mamori.inventory;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import jp.mamori.identifiers.IndexKeys;
import jp.mamori.identifiers.cpe.Cpe23;
import jp.mamori.identifiers.purl.PurlKey;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.IdentifierOrigin;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.table.VendorTableReader;

/**
 * The organisation's correction list for identifiers Mamori suggested (issue 13 defect 5): a person
 * confirmed, corrected or rejected the purl/CPE suggested for a vendor-table row, and every row of the
 * same supplier and name — in the current tables and in the tables added later — is treated the same.
 * Only vendor-table rows are touched; an identifier an SBOM declares is never replaced.
 */
public final class IdentifierConfirmationStore {

    /** A person's word on the identifiers of one supplier/name. {@code purl}/{@code cpe}: as confirmed, null when rejected. */
    public record Decision(String supplierKey, String nameKey, boolean confirmed, String purl, String cpe) { }

    /** A component of an asset's current SBOM, as a confirmation needs it. */
    public record CurrentComponent(long id, long sbomId, long assetId, String ref, String supplier, String name, String version,
                                   String purl, String cpe, IdentifierOrigin origin, String format) {
        /** A vendor-table row: its identifiers are Mamori's suggestions (or none), never the document's. */
        public boolean vendorTableRow() {
            return VendorTableReader.FORMAT.equals(format);
        }
    }

    private final DataSource dataSource;

    public IdentifierConfirmationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Supplier and name compared as people type them: NFKC (full-width letters), trimmed, spaces folded, lower case. */
    public static String key(String s) {
        if (s == null) return "";
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        return n.toLowerCase(Locale.ROOT);
    }

    /** The component {@code ref} of the asset's current SBOM, only within the organisation. */
    public Optional<CurrentComponent> currentComponent(Connection c, long orgId, long assetId, String ref) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT k.id, k.sbom_id, k.asset_id, k.ref, k.supplier, k.name, k.version, k.purl, "
                + "k.cpe, k.id_origin, d.format FROM component k JOIN sbom_document d ON d.id = k.sbom_id "
                + "WHERE k.organization_id = ? AND k.asset_id = ? AND k.ref = ? AND k.current_doc = TRUE ORDER BY k.id")) {
            ps.setLong(1, orgId);
            ps.setLong(2, assetId);
            ps.setString(3, ref);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(current(rs));
            }
        }
    }

    private static CurrentComponent current(ResultSet rs) throws SQLException {
        return new CurrentComponent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), IdentifierOrigin.valueOf(rs.getString(10)), rs.getString(11));
    }

    /** Stores the decision for its supplier/name, replacing an earlier one. */
    public void save(Connection c, long orgId, Decision d, String suggestedPurl, String suggestedCpe, String by, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM identifier_confirmation WHERE organization_id = ? "
                + "AND supplier_key = ? AND name_key = ?")) {
            ps.setLong(1, orgId);
            ps.setString(2, d.supplierKey());
            ps.setString(3, d.nameKey());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO identifier_confirmation (organization_id, supplier_key, name_key, "
                + "decision, purl, cpe, suggested_purl, suggested_cpe, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, orgId);
            ps.setString(2, cut(d.supplierKey(), 300));
            ps.setString(3, cut(d.nameKey(), 400));
            ps.setString(4, d.confirmed() ? "confirmed" : "rejected");
            ps.setString(5, d.purl());
            ps.setString(6, d.cpe());
            ps.setString(7, cut(suggestedPurl, 1000));
            ps.setString(8, cut(suggestedCpe, 600));
            ps.setString(9, cut(by, 200));
            ps.setTimestamp(10, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /**
     * A decision as it is listed (CLI {@code sbom decisions}, the SBOM page): what was decided for which supplier/name
     * key, the identifiers as confirmed (none when rejected), what Mamori had suggested, who decided and when (the same
     * person and moment as the audit entry {@code sbom.identifier_confirmed} / {@code sbom.identifier_rejected}).
     */
    public record Listed(String supplierKey, String nameKey, boolean confirmed, String purl, String cpe,
                         String suggestedPurl, String suggestedCpe, String decidedBy, Instant decidedAt) { }

    /** The organisation's decisions, the latest first. */
    public List<Listed> list(long orgId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT supplier_key, name_key, decision, purl, cpe, suggested_purl, suggested_cpe, "
                     + "decided_by, decided_at FROM identifier_confirmation WHERE organization_id = ? ORDER BY decided_at DESC, id DESC")) {
            ps.setLong(1, orgId);
            List<Listed> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Listed(rs.getString(1), rs.getString(2), "confirmed".equals(rs.getString(3)), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new InventoryException("cannot read identifier confirmations: " + e.getMessage(), e);
        }
    }

    /** Every decision of the organisation, by supplier/name key. */
    public Map<String, Decision> decisions(long orgId) {
        try (Connection c = dataSource.getConnection()) {
            return decisions(c, orgId);
        } catch (SQLException e) {
            throw new InventoryException("cannot read identifier confirmations: " + e.getMessage(), e);
        }
    }

    private static Map<String, Decision> decisions(Connection c, long orgId) throws SQLException {
        Map<String, Decision> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT supplier_key, name_key, decision, purl, cpe FROM identifier_confirmation "
                + "WHERE organization_id = ?")) {
            ps.setLong(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Decision d = new Decision(rs.getString(1), rs.getString(2), "confirmed".equals(rs.getString(3)), rs.getString(4), rs.getString(5));
                    out.put(d.supplierKey() + "\u0000" + d.nameKey(), d);
                }
            }
        }
        return out;
    }

    /**
     * Applies the decision to every vendor-table row of the same supplier/name in the organisation's current SBOMs;
     * returns the assets whose components changed.
     */
    public Set<Long> applyToCurrent(Connection c, long orgId, Decision d) throws SQLException {
        List<CurrentComponent> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.id, k.sbom_id, k.asset_id, k.ref, k.supplier, k.name, k.version, k.purl, "
                + "k.cpe, k.id_origin, d.format FROM component k JOIN sbom_document d ON d.id = k.sbom_id "
                + "WHERE k.organization_id = ? AND k.current_doc = TRUE AND d.format = ? ORDER BY k.id")) {
            ps.setLong(1, orgId);
            ps.setString(2, VendorTableReader.FORMAT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CurrentComponent k = current(rs);
                    if (key(k.supplier()).equals(d.supplierKey()) && key(k.name()).equals(d.nameKey())) rows.add(k);
                }
            }
        }
        Set<Long> assets = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE component SET purl = ?, cpe = ?, id_origin = ?, eco_key = ?, pkg_key = ?, "
                + "cpe_key = ? WHERE id = ?")) {
            for (CurrentComponent k : rows) {
                Identifiers ids = identifiers(d, k.version());
                Optional<PurlKey> pk = PurlKey.fromPurl(ids.purl());
                ps.setString(1, ids.purl());
                ps.setString(2, ids.cpe());
                ps.setString(3, ids.origin().name());
                ps.setString(4, pk.map(PurlKey::ecosystem).orElse(null));
                ps.setString(5, pk.map(PurlKey::name).map(s -> cut(s, 400)).orElse(null));
                ps.setString(6, IndexKeys.cpeKey(ids.cpe()));
                ps.setLong(7, k.id());
                ps.executeUpdate();
                assets.add(k.assetId());
            }
        }
        return assets;
    }

    /** A vendor table about to be stored, with the organisation's decisions applied to its rows; other formats as they are. */
    public SbomDocument applyTo(long orgId, SbomDocument doc) {
        if (!VendorTableReader.FORMAT.equals(doc.format())) return doc;
        Map<String, Decision> decisions = decisions(orgId);
        if (decisions.isEmpty()) return doc;
        List<Component> out = new ArrayList<>(doc.components().size());
        boolean changed = false;
        for (Component k : doc.components()) {
            Decision d = decisions.get(key(k.supplier()) + "\u0000" + key(k.name()));
            if (d == null) {
                out.add(k);
                continue;
            }
            Identifiers ids = identifiers(d, k.version());
            out.add(new Component(k.ref(), k.parentRef(), k.type(), k.group(), k.name(), k.version(), k.supplier(), ids.purl(), ids.cpe(),
                    k.hashes(), k.licenses(), k.url(), ids.origin(), k.topLevel()));
            changed = true;
        }
        return changed ? new SbomDocument(doc.format(), doc.specVersion(), doc.serialNumber(), doc.name(), doc.subject(), out,
                doc.dependencies(), doc.warnings()) : doc;
    }

    private record Identifiers(String purl, String cpe, IdentifierOrigin origin) { }

    /** The decision's identifiers with the row's own version (a confirmation on 9.0.80 applies to the 9.0.85 row too). */
    private static Identifiers identifiers(Decision d, String version) {
        if (!d.confirmed()) return new Identifiers(null, null, IdentifierOrigin.REJECTED);
        return new Identifiers(purlWithVersion(d.purl(), version), cpeWithVersion(d.cpe(), version), IdentifierOrigin.CONFIRMED);
    }

    static String purlWithVersion(String purl, String version) {
        if (purl == null || version == null || version.isBlank()) return purl;
        try {
            PackageURL p = new PackageURL(purl);
            return new PackageURL(p.getType(), p.getNamespace(), p.getName(), version.strip(), p.getQualifiers() == null
                    ? null : new java.util.TreeMap<>(p.getQualifiers()), p.getSubpath()).canonicalize();
        } catch (MalformedPackageURLException | RuntimeException e) {
            return purl;
        }
    }

    static String cpeWithVersion(String cpe, String version) {
        if (cpe == null || version == null || version.isBlank()) return cpe;
        return Cpe23.tryParse(cpe).map(x -> {
            try {
                return x.withVersion(version.strip()).toString();
            } catch (RuntimeException e) {
                return cpe;
            }
        }).orElse(cpe);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
