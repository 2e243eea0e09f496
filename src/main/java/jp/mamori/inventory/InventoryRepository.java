package jp.mamori.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import jp.mamori.identifiers.IndexKeys;

/**
 * Organisations, systems and assets. Every read and write below the organisation is bound to an
 * organisation id: there is no query that can return another tenant's rows.
 */
public final class InventoryRepository {

    private final DataSource dataSource;
    private final TenantRows<ItSystem> systems;
    private final TenantRows<Asset> assets;

    public InventoryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
        this.systems = new TenantRows<>(dataSource, "SELECT s.id, s.code, s.name, s.segment, s.confidentiality, s.integrity, "
                + "s.availability, s.owner, s.sbom_tier FROM it_system s", "s", "s.code", "system",
                (c, orgId, rs) -> new ItSystem(rs.getLong(1), orgId, rs.getString(2), rs.getString(3), Segment.parse(rs.getString(4)),
                        new Importance(rs.getString(5), rs.getString(6), rs.getString(7)), rs.getString(8),
                        rs.getString(9), systemVendors(c, rs.getLong(1))));
        this.assets = new TenantRows<>(dataSource, "SELECT a.id, a.system_id, a.code, a.name, a.kind, a.vendor_name, a.product, "
                + "a.version, a.cpe, a.exposure, a.internet_boundary, v.name FROM asset a LEFT JOIN vendor v ON v.id = a.vendor_id",
                "a", "a.internet_boundary DESC, a.code", "asset",
                (c, orgId, rs) -> new Asset(rs.getLong(1), orgId, rs.getLong(2), rs.getString(3), rs.getString(4),
                        AssetKind.parse(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), Exposure.parse(rs.getString(10)), rs.getBoolean(11), rs.getString(12)));
    }

    // ---- organisations

    public Organization createOrganization(String code, String name, String kind) {
        if (code == null || code.isBlank() || name == null || name.isBlank()) {
            throw new InventoryException("organisation code and name are required");
        }
        if (code.chars().anyMatch(Character::isISOControl) || name.chars().anyMatch(Character::isISOControl)) {
            // CR/LF in a code would forge lines in logs, CSV exports and mail headers (issue 18.10)
            throw new InventoryException("団体コードと名称に改行などの制御文字は使えません / control characters (CR, LF, …) are not allowed in organisation codes and names");
        }
        if (findOrganization(code).isPresent()) throw new InventoryException("organisation '" + code + "' already exists");
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO organization (code, name, kind) VALUES (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, code.trim());
                ps.setString(2, name.trim());
                ps.setString(3, kind == null ? "municipality" : kind);
                ps.executeUpdate();
                return new Organization(generatedId(ps), code.trim(), name.trim(), kind == null ? "municipality" : kind);
            }
        });
    }

    public Optional<Organization> findOrganization(String code) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, code, name, kind FROM organization WHERE code = ?")) {
                ps.setString(1, code.trim());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Organization(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                            : Optional.<Organization>empty();
                }
            }
        });
    }

    public Organization requireOrganization(String code) {
        return findOrganization(code).orElseThrow(() -> new InventoryException("no organisation with code '" + code + "'"));
    }

    public Optional<Organization> organizationById(long id) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, code, name, kind FROM organization WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Organization(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                            : Optional.<Organization>empty();
                }
            }
        });
    }

    /** The app_setting naming the organisation the command line works in when --org is left out and several exist. */
    public static final String DEFAULT_ORG_SETTING = "cli.default_organization";

    /** The command line's default organisation, if one was set ({@link #setDefaultOrganization}) and still exists. */
    public Optional<Organization> defaultOrganization() {
        String code = withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM app_setting WHERE setting_name = ?")) {
                ps.setString(1, DEFAULT_ORG_SETTING);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return code == null ? Optional.empty() : findOrganization(code);
    }

    /** Sets the command line's default organisation (the demo sets its municipality, so its examples need no --org). */
    public void setDefaultOrganization(String code) {
        withConnection(c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE app_setting SET setting_value = ? WHERE setting_name = ?")) {
                up.setString(1, code);
                up.setString(2, DEFAULT_ORG_SETTING);
                if (up.executeUpdate() == 1) return null;
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO app_setting (setting_name, setting_value) VALUES (?, ?)")) {
                ins.setString(1, DEFAULT_ORG_SETTING);
                ins.setString(2, code);
                ins.executeUpdate();
            }
            return null;
        });
    }

    public List<Organization> listOrganizations() {
        return withConnection(c -> {
            List<Organization> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, code, name, kind FROM organization ORDER BY code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Organization(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return out;
        });
    }

    // ---- vendors

    public long ensureVendor(long orgId, String name) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM vendor WHERE organization_id = ? AND name = ?")) {
                ps.setLong(1, orgId);
                ps.setString(2, name.trim());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO vendor (organization_id, name) VALUES (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, orgId);
                ps.setString(2, name.trim());
                ps.executeUpdate();
                return generatedId(ps);
            }
        });
    }

    // ---- systems

    public ItSystem createSystem(long orgId, String code, String name, Segment segment, Importance importance,
                                 String owner, String sbomTier, List<String> vendors) {
        if (systems.find(orgId, code).isPresent()) throw new InventoryException("system '" + code + "' already exists");
        long id = withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO it_system (organization_id, code, name, segment, confidentiality, "
                    + "integrity, availability, owner, sbom_tier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, orgId);
                ps.setString(2, code.trim());
                ps.setString(3, name.trim());
                ps.setString(4, segment.key());
                ps.setString(5, importance.confidentiality());
                ps.setString(6, importance.integrity());
                ps.setString(7, importance.availability());
                ps.setString(8, owner);
                ps.setString(9, sbomTier);
                ps.executeUpdate();
                return generatedId(ps);
            }
        });
        for (String v : vendors == null ? List.<String>of() : vendors) {
            long vendorId = ensureVendor(orgId, v);
            withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO system_vendor (system_id, vendor_id) VALUES (?, ?)")) {
                    ps.setLong(1, id);
                    ps.setLong(2, vendorId);
                    return ps.executeUpdate();
                }
            });
        }
        return systems.find(orgId, code).orElseThrow();
    }

    /** The organisation's information systems: by code, by id, all. */
    public TenantRows<ItSystem> systems() {
        return systems;
    }

    private static List<String> systemVendors(Connection c, long systemId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT v.name FROM system_vendor sv JOIN vendor v ON v.id = sv.vendor_id WHERE sv.system_id = ? ORDER BY v.name")) {
            ps.setLong(1, systemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Replaces the editable fields of an existing system (ledger re-import). */
    public void updateSystem(long orgId, long systemId, String name, Segment segment, Importance importance, String owner, String sbomTier) {
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE it_system SET name = ?, segment = ?, confidentiality = ?, integrity = ?, "
                    + "availability = ?, owner = ?, sbom_tier = ? WHERE organization_id = ? AND id = ?")) {
                ps.setString(1, name);
                ps.setString(2, segment.key());
                ps.setString(3, importance.confidentiality());
                ps.setString(4, importance.integrity());
                ps.setString(5, importance.availability());
                ps.setString(6, owner);
                ps.setString(7, sbomTier);
                ps.setLong(8, orgId);
                ps.setLong(9, systemId);
                return ps.executeUpdate();
            }
        });
    }

    // ---- assets

    /** Replaces the editable fields of an existing asset (ledger re-import). */
    public void updateAsset(long orgId, long assetId, long systemId, NewAsset a) {
        String cpe = CpeNames.validate(a.cpe());
        Long vendorId = a.maintainer() == null || a.maintainer().isBlank() ? null : ensureVendor(orgId, a.maintainer());
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE asset SET system_id = ?, " + ASSET_FIELDS.replace(",", " = ?,")
                    + " = ?, vendor_id = ? WHERE organization_id = ? AND id = ?")) {
                ps.setLong(1, systemId);
                int next = bindAssetFields(ps, 2, a, cpe);
                ps.setObject(next, vendorId);
                ps.setLong(next + 1, orgId);
                ps.setLong(next + 2, assetId);
                return ps.executeUpdate();
            }
        });
    }

    /** The columns an asset's description fills, in the order {@link #bindAssetFields} binds them. */
    private static final String ASSET_FIELDS = "name, kind, vendor_name, product, version, cpe, cpe_key, exposure, internet_boundary";

    /** Binds {@link #ASSET_FIELDS} from {@code first}; returns the next parameter index. */
    private static int bindAssetFields(PreparedStatement ps, int first, NewAsset a, String cpe) throws SQLException {
        int i = first;
        ps.setString(i++, a.name().trim());
        ps.setString(i++, a.kind().key());
        ps.setString(i++, a.vendorName());
        ps.setString(i++, a.product());
        ps.setString(i++, a.version());
        ps.setString(i++, cpe);
        ps.setString(i++, IndexKeys.cpeKey(cpe));
        ps.setString(i++, a.exposure().key());
        ps.setBoolean(i++, a.internetBoundary());
        return i;
    }

    public record NewAsset(String code, String name, AssetKind kind, String vendorName, String product, String version,
                           String cpe, Exposure exposure, boolean internetBoundary, String maintainer) { }

    public Asset createAsset(long orgId, long systemId, NewAsset a) {
        if (systems.byId(orgId, systemId).isEmpty()) throw new InventoryException("no such system in this organisation");
        if (assets.find(orgId, a.code()).isPresent()) throw new InventoryException("asset '" + a.code() + "' already exists");
        createAssets(orgId, List.of(Map.entry(systemId, a)));
        return assets.find(orgId, a.code()).orElseThrow();
    }

    /**
     * Creates many assets of one organisation in one batch (ledger import, issue 18.9): the systems and the
     * maintainers' vendor rows are looked up once, not per asset. Codes must be new (the caller checked).
     */
    public void createAssets(long orgId, List<Map.Entry<Long, NewAsset>> assets) {
        if (assets.isEmpty()) return;
        java.util.Set<Long> systems = new java.util.HashSet<>();
        for (ItSystem s : this.systems.list(orgId)) systems.add(s.id());
        Map<String, Long> vendors = new java.util.HashMap<>();
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, id FROM vendor WHERE organization_id = ?")) {
                ps.setLong(1, orgId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) vendors.put(rs.getString(1), rs.getLong(2));
                }
            }
            return null;
        });
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<Long, NewAsset> e : assets) {
            NewAsset a = e.getValue();
            if (!systems.contains(e.getKey())) throw new InventoryException("no such system in this organisation");
            String cpe = CpeNames.validate(a.cpe());
            Long vendorId = null;
            if (a.maintainer() != null && !a.maintainer().isBlank()) {
                vendorId = vendors.computeIfAbsent(a.maintainer().trim(), n -> ensureVendor(orgId, n));
            }
            rows.add(new Object[] {e.getKey(), a, cpe, vendorId});
        }
        withConnection(c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO asset (organization_id, system_id, code, " + ASSET_FIELDS
                    + ", vendor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Object[] r : rows) {
                    NewAsset a = (NewAsset) r[1];
                    ps.setLong(1, orgId);
                    ps.setLong(2, (Long) r[0]);
                    ps.setString(3, a.code().trim());
                    ps.setObject(bindAssetFields(ps, 4, a, (String) r[2]), r[3]);
                    ps.addBatch();
                    if (++n % 1000 == 0) ps.executeBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
            return null;
        });
    }

    /** The organisation's assets: by code, by id, all (boundary devices first). */
    public TenantRows<Asset> assets() {
        return assets;
    }

    public List<Asset> listAssets(long orgId) {
        return assets.list(orgId);
    }

    public List<Asset> listAssets(long orgId, long systemId) {
        return assets.where(orgId, "AND a.system_id = ?", systemId);
    }

    // ---- plumbing

    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T withConnection(SqlFunction<T> f) {
        try (Connection c = dataSource.getConnection()) {
            return f.apply(c);
        } catch (SQLException e) {
            throw new InventoryException("inventory database error: " + e.getMessage(), e);
        }
    }

    static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
