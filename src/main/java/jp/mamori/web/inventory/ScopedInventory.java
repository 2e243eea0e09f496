package jp.mamori.web.inventory;

import jp.mamori.app.Mamori;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.SbomStore;
import jp.mamori.persistence.Database;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Systems, assets and SBOMs as one caller may see them: every query is bound to the
 * organisation and to {@link AccessScope#readFilter} / {@link AccessScope#writeFilter}; what the
 * filter excludes is "not found".
 */
@Component
public class ScopedInventory {

    static final AccessScope.Columns SYSTEM = new AccessScope.Columns("s.organization_id", "s.id", null);
    static final AccessScope.Columns ASSET = new AccessScope.Columns("a.organization_id", "a.system_id", "a.vendor_id");

    private final DataSource dataSource;
    private final InventoryRepository inventory;
    private final SbomStore sboms;
    private final jp.mamori.remediation.Worklist worklist;

    public ScopedInventory(Mamori mamori) {
        this.worklist = mamori.worklist();
        this.dataSource = mamori.database().dataSource();
        this.inventory = mamori.inventory();
        this.sboms = mamori.sboms();
    }

    /** {@code idOrigin}: DECLARED, SUGGESTED (by Mamori, a vendor-table row), CONFIRMED or REJECTED by a person (issue 13). */
    public record Component(long id, String name, String version, String supplier, String purl, String cpe, String licenses,
                            String type, boolean topLevel, String ref, String idOrigin) { }

    public record Page<T>(List<T> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    // ---- systems

    public List<ItSystem> systems(AccessScope scope, long orgId) {
        Set<Long> ids = ids("SELECT s.id FROM it_system s WHERE s.organization_id = ? AND ", scope.readFilter(SYSTEM), orgId, null);
        return inventory.systems().list(orgId).stream().filter(s -> ids.contains(s.id())).toList();
    }

    public ItSystem system(AccessScope scope, long orgId, long systemId) {
        Set<Long> ids = ids("SELECT s.id FROM it_system s WHERE s.organization_id = ? AND s.id = ? AND ", scope.readFilter(SYSTEM), orgId, systemId);
        if (!ids.contains(systemId)) throw new NotFoundException("no such system");
        return inventory.systems().byId(orgId, systemId).orElseThrow(() -> new NotFoundException("no such system"));
    }

    /** Names of the organisation's systems, for labels next to assets the caller may see. */
    public Map<Long, ItSystem> systemsById(long orgId) {
        Map<Long, ItSystem> out = new HashMap<>();
        for (ItSystem s : inventory.systems().list(orgId)) out.put(s.id(), s);
        return out;
    }

    // ---- assets

    public List<Asset> assets(AccessScope scope, long orgId) {
        Set<Long> ids = ids("SELECT a.id FROM asset a WHERE a.organization_id = ? AND ", scope.readFilter(ASSET), orgId, null);
        return inventory.listAssets(orgId).stream().filter(a -> ids.contains(a.id())).toList();
    }

    public List<Asset> assetsOfSystem(AccessScope scope, long orgId, long systemId) {
        return assets(scope, orgId).stream().filter(a -> a.systemId() == systemId).toList();
    }

    public Asset asset(AccessScope scope, long orgId, long assetId) {
        if (!ids("SELECT a.id FROM asset a WHERE a.organization_id = ? AND a.id = ? AND ", scope.readFilter(ASSET), orgId, assetId).contains(assetId)) {
            throw new NotFoundException("no such asset");
        }
        return inventory.assets().byId(orgId, assetId).orElseThrow(() -> new NotFoundException("no such asset"));
    }

    public boolean canWriteAsset(AccessScope scope, long orgId, long assetId) {
        return ids("SELECT a.id FROM asset a WHERE a.organization_id = ? AND a.id = ? AND ", scope.writeFilter(ASSET), orgId, assetId).contains(assetId);
    }

    /** Open, confirmed findings per asset and outcome: assetId → outcome → count. */
    /**
     * Open, confirmed findings per asset and outcome — the worklist's definition (mitigated ones included:
     * the patch is still owed), so an asset's count is the number of rows its findings link shows.
     */
    public Map<Long, Map<String, Long>> openFindingCounts(long orgId) {
        return worklist.openByAsset(orgId);
    }

    /** The asset's open findings as its page lists them (the caller has been checked for the asset). */
    public List<jp.mamori.remediation.FindingRow> openFindings(long orgId, long assetId, int limit) {
        return worklist.openOfAsset(orgId, assetId, limit);
    }

    // ---- SBOMs

    public List<SbomStore.StoredSbom> sboms(AccessScope scope, long orgId, long assetId) {
        asset(scope, orgId, assetId);
        return sboms.history(orgId, assetId);
    }

    public SbomStore.StoredSbom sbom(AccessScope scope, long orgId, long sbomId) {
        SbomStore.StoredSbom s = sboms.find(orgId, sbomId).orElseThrow(() -> new NotFoundException("no such SBOM"));
        asset(scope, orgId, s.assetId());
        return s;
    }

    /** Components of an SBOM the caller may see, paged in the database. */
    public Page<Component> components(AccessScope scope, long orgId, long sbomId, int page, int size) {
        SbomStore.StoredSbom s = sbom(scope, orgId, sbomId);
        List<Component> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, version, supplier, purl, cpe, licenses, comp_type, top_level, group_name, ref, id_origin FROM component "
                        + "WHERE sbom_id = ? AND organization_id = ? ORDER BY id LIMIT ? OFFSET ?")) {
            ps.setLong(1, s.id());
            ps.setLong(2, orgId);
            ps.setInt(3, size);
            ps.setLong(4, (long) page * size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String group = rs.getString(10);
                    String name = group == null || group.isBlank() ? rs.getString(2) : group + "/" + rs.getString(2);
                    out.add(new Component(rs.getLong(1), name, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getString(11), rs.getString(12)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read components: " + e.getMessage(), e);
        }
        return new Page<>(out, s.componentCount(), page, size);
    }

    public Optional<SbomStore.StoredSbom> current(List<SbomStore.StoredSbom> history) {
        return history.stream().filter(SbomStore.StoredSbom::current).findFirst();
    }

    private Set<Long> ids(String sqlPrefix, AccessScope.SqlFilter filter, long orgId, Long id) {
        Set<Long> out = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sqlPrefix + filter.sql())) {
            int i = 1;
            ps.setLong(i++, orgId);
            if (id != null) ps.setLong(i++, id);
            filter.bind(ps, i);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read inventory: " + e.getMessage(), e);
        }
        return out;
    }
}
