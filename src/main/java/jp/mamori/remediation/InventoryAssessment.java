package jp.mamori.remediation;
import jp.mamori.assessment.FindingOrder;
import jp.mamori.assessment.VulnerabilityFactsSource;
import jp.mamori.assessment.AssessedFinding;
import jp.mamori.assessment.Assessor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;
import jp.mamori.identifiers.IndexKeys;
import jp.mamori.advisory.store.KnowledgeBase;
import jp.mamori.advisory.store.StoreAdvisoryLookup;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.ItSystem;
import jp.mamori.matching.MatchEngine;
import jp.mamori.matching.MatchTarget;
import jp.mamori.matching.Platform;
import jp.mamori.identifiers.purl.PurlKey;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingRecorder;
import jp.mamori.remediation.OverrideStore;
import jp.mamori.remediation.FindingRecorder.CloseScope;
import jp.mamori.remediation.TargetFindings;
import jp.mamori.triage.AssetContext;
import jp.mamori.triage.Triage;
import jp.mamori.triage.policy.TriagePolicy;
import jp.mamori.triage.ssvc.Exposure;
import jp.mamori.triage.ssvc.Mission;

/**
 * Keeps the stored findings in step with the inventory and the knowledge base, touching only
 * what changed: a new SBOM is matched alone; a device by its CPE; an advisory change re-matches
 * only the components and devices its package and CPE keys reach.
 */
public final class InventoryAssessment {

    private final Database database;
    private final InventoryRepository inventory;
    private final Clock clock;
    private final TriagePolicy policy;

    public InventoryAssessment(Database database, Clock clock, TriagePolicy policy) {
        this.database = database;
        this.inventory = new InventoryRepository(database.dataSource());
        this.clock = clock;
        this.policy = policy;
    }

    private Assessor newAssessor() {
        return Assessor.overStore(database.dataSource(), new Triage(policy, clock), List.of());
    }

    /** Matches the current SBOM of an asset and the asset's own CPE; closes what no longer matches. */
    public FindingRecorder.Result assessAsset(long orgId, long assetId, String actor) {
        Asset asset = inventory.assets().byId(orgId, assetId).orElseThrow(() -> new InventoryException("no such asset"));
        ItSystem system = inventory.systems().byId(orgId, asset.systemId()).orElseThrow();
        Assessor assessor = newAssessor();
        AssetContext ctx = context(asset, system);
        FindingRecorder recorder = new FindingRecorder(database, clock);
        List<StoredComponent> current = currentComponents(orgId, List.of(assetId), null);
        Platform platform = platform(asset, current);
        List<TargetFindings> components = withOverrides(assessor, asset.id(), ctx, assessComponents(assessor, current, ctx, platform, asset));
        FindingRecorder.Result r1 = recorder.record(orgId, system.id(), asset.id(), asset.internetBoundary(), components,
                new CloseScope.AllComponents(), actor);
        // When the SBOM already lists the device's own product, its findings are the component's: not twice.
        FindingRecorder.Result r2 = recorder.record(orgId, system.id(), asset.id(), asset.internetBoundary(),
                withOverrides(assessor, asset.id(), ctx, deviceTargets(assessor, asset, ctx, platform)), new CloseScope.Device(), actor);
        return sum(r1, r2);
    }

    /**
     * Matches many assets of one organisation (ledger import, issue 18.9): which of them have current components
     * or stored findings is read in two queries for the whole organisation; an asset with neither and no CPE of
     * its own has nothing to match and costs no query at all.
     */
    public FindingRecorder.Result assessAssets(long orgId, Collection<Long> assetIds, String actor) {
        FindingRecorder.Result total = new FindingRecorder.Result(0, 0, 0, 0, 0);
        if (assetIds.isEmpty()) return total;
        Set<Long> busy = new java.util.HashSet<>();
        try (Connection c = database.connection()) {
            for (String sql : List.of("SELECT DISTINCT asset_id FROM component WHERE organization_id = ? AND current_doc = TRUE",
                    "SELECT DISTINCT asset_id FROM finding WHERE organization_id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, orgId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) busy.add(rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new InventoryException("cannot read components: " + e.getMessage(), e);
        }
        Map<Long, Asset> assets = new java.util.HashMap<>();
        for (Asset a : inventory.listAssets(orgId)) assets.put(a.id(), a);
        for (long id : assetIds) {
            Asset a = assets.get(id);
            if (a == null || (a.cpe() == null && !busy.contains(id))) continue;
            total = sum(total, assessAsset(orgId, id, actor));
        }
        return total;
    }

    /** Re-matches what the given vulnerabilities' statements can touch, across every organisation. */
    public FindingRecorder.Result reassess(Set<String> vulnIds, String actor) {
        if (vulnIds.isEmpty()) return new FindingRecorder.Result(0, 0, 0, 0, 0);
        KnowledgeBase kb = new KnowledgeBase(database.dataSource());
        Set<String> cpeKeys = new LinkedHashSet<>();
        Set<String> pkgKeys = new LinkedHashSet<>();
        for (List<Advisory> statements : kb.statementsOf(vulnIds).values()) {
            for (Advisory a : statements) keys(a, cpeKeys, pkgKeys);
        }
        Map<Long, List<StoredComponent>> byAsset = new LinkedHashMap<>();
        for (StoredComponent c : componentsByKeys(cpeKeys, pkgKeys)) byAsset.computeIfAbsent(c.assetId, k -> new ArrayList<>()).add(c);
        Set<DeviceRef> devices = devicesByKeys(cpeKeys);
        // The platform ("running on") of every touched asset that a CPE match will consult, in one read,
        // not one per asset. Components matched by a purl with a version never consult it: after a package
        // advisory (P2, one new OSV record over 1M components) reading every touched asset's platform was
        // three fifths of the re-match.
        Set<Long> consulted = new LinkedHashSet<>();
        byAsset.forEach((assetId, components) -> {
            if (components.stream().anyMatch(c -> MatchEngine.matchesByCpe(c.purl, c.cpe))) consulted.add(assetId);
        });
        devices.forEach(d -> consulted.add(d.assetId()));
        Map<Long, List<StoredComponent>> platforms = componentsWithCpe(consulted);
        Assessor assessor = newAssessor();
        FindingRecorder recorder = new FindingRecorder(database, clock);
        FindingRecorder.Result total = new FindingRecorder.Result(0, 0, 0, 0, 0);
        for (Map.Entry<Long, List<StoredComponent>> e : byAsset.entrySet()) {
            StoredComponent first = e.getValue().get(0);
            Asset asset = inventory.assets().byId(first.orgId, e.getKey()).orElseThrow();
            ItSystem system = inventory.systems().byId(first.orgId, asset.systemId()).orElseThrow();
            AssetContext ctx = context(asset, system);
            Platform platform = platform(asset, platforms.getOrDefault(asset.id(), List.of()));
            List<TargetFindings> targets = withOverrides(assessor, asset.id(), ctx, assessComponents(assessor, e.getValue(), ctx, platform, asset));
            Set<String> identities = new LinkedHashSet<>();
            targets.forEach(t -> identities.add(t.identity()));
            total = sum(total, recorder.record(first.orgId, system.id(), asset.id(), asset.internetBoundary(), targets,
                    new CloseScope.Identities(identities), actor));
        }
        for (DeviceRef d : devices) {
            Asset asset = inventory.assets().byId(d.orgId(), d.assetId()).orElseThrow();
            ItSystem system = inventory.systems().byId(d.orgId(), asset.systemId()).orElseThrow();
            Platform platform = platform(asset, platforms.getOrDefault(asset.id(), List.of()));
            AssetContext ctx = context(asset, system);
            total = sum(total, recorder.record(d.orgId(), system.id(), asset.id(), asset.internetBoundary(),
                    withOverrides(assessor, asset.id(), ctx, deviceTargets(assessor, asset, ctx, platform)),
                    new CloseScope.Device(), actor));
        }
        return total;
    }

    /** Applies the stored per-finding SSVC overrides of the asset (a person's corrections, with reasons). */
    private List<TargetFindings> withOverrides(Assessor assessor, long assetId, AssetContext ctx, List<TargetFindings> targets) {
        if (targets.isEmpty()) return targets;
        Map<String, List<jp.mamori.triage.ssvc.SsvcOverride>> overrides = new OverrideStore(database).forAsset(assetId);
        if (overrides.isEmpty()) return targets;
        List<TargetFindings> out = new ArrayList<>();
        for (TargetFindings t : targets) {
            List<AssessedFinding> fs = t.findings().stream()
                    .map(f -> assessor.withOverrides(f, ctx, overrides.get(OverrideStore.key(t.identity(), f.match().vulnId())))).toList();
            out.add(new TargetFindings(t.identity(), t.componentId(), t.name(), t.version(), fs));
        }
        return out;
    }

    public static AssetContext context(Asset asset, ItSystem system) {
        return new AssetContext(Exposure.fromKey(asset.exposure().key()), Mission.fromKey(system.importance().mission()),
                "資産 " + asset.code() + (asset.internetBoundary() ? "（インターネット境界）" : ""),
                "情報システム " + system.name() + "（" + system.importance() + "）");
    }

    /** The whole asset as NVD's "running on" sees it: its own CPE and every CPE of its current SBOM. */
    private static Platform platform(Asset asset, List<StoredComponent> current) {
        List<Platform.Entry> entries = new ArrayList<>();
        entries.add(new Platform.Entry(asset.cpe(), "資産 " + asset.code()));
        for (StoredComponent c : current) {
            entries.add(new Platform.Entry(c.cpe, "component " + c.ref + " (" + c.name + ")" + (c.suggested() ? " 推定 / suggested" : "")));
        }
        return Platform.of(entries);
    }

    private List<TargetFindings> deviceTargets(Assessor assessor, Asset asset, AssetContext ctx, Platform platform) {
        // When the asset's SBOM already lists the device's own product, its findings are the component's: not twice.
        if (asset.cpe() == null || sbomListsDevice(asset)) return List.of();
        MatchTarget t = new MatchTarget(asset.code(), asset.product() != null ? asset.product() : asset.name(), asset.version(),
                null, asset.cpe(), platform);
        return List.of(new TargetFindings(TargetFindings.DEVICE, null, t.name(), t.version(), assessor.assess(t, ctx)));
    }

    /**
     * A component whose identifier Mamori only suggested is matched as a candidate (issue 13 defect 5); one whose
     * suggested CPE is the device's own (a vendor table row naming the appliance's OS) is not matched at all: the
     * device's declared CPE already carries those findings, and they are not listed twice.
     */
    private static List<TargetFindings> assessComponents(Assessor assessor, List<StoredComponent> components, AssetContext ctx,
                                                         Platform platform, Asset asset) {
        String deviceKey = IndexKeys.cpeKey(asset.cpe());
        List<StoredComponent> matched = components.stream()
                .filter(c -> !(c.suggested() && deviceKey != null && !hasPurl(c.purl) && deviceKey.equals(IndexKeys.cpeKey(c.cpe))))
                .toList();
        List<MatchTarget> targets = matched.stream()
                .map(c -> new MatchTarget(c.ref, c.name, c.version, c.purl, c.cpe, platform, c.suggested())).toList();
        List<List<AssessedFinding>> results = assessor.assessAll(targets, ctx);
        List<TargetFindings> out = new ArrayList<>();
        for (int k = 0; k < matched.size(); k++) {
            StoredComponent c = matched.get(k);
            out.add(new TargetFindings(identity(c.purl, c.cpe, c.group, c.name), c.id, c.name, c.version, results.get(k)));
        }
        return out;
    }

    private static boolean hasPurl(String purl) {
        return PurlKey.fromPurl(purl).map(k -> k.version() != null).orElse(false);
    }

    /** What a decision attaches to: the package without its version, else the CPE product, else the name. */
    public static String identity(String purl, String cpe, String group, String name) {
        Optional<PurlKey> k = PurlKey.fromPurl(purl);
        if (k.isPresent()) return "purl:" + k.get().withoutVersion().lookupKey();
        String ck = IndexKeys.cpeKey(cpe);
        if (ck != null) return "cpe:" + ck;
        return "name:" + ((group == null || group.isBlank() ? "" : group + ":") + (name == null ? "" : name)).toLowerCase(java.util.Locale.ROOT);
    }

    private static void keys(Advisory a, Set<String> cpeKeys, Set<String> pkgKeys) {
        for (CpeConfiguration cfg : a.configurations()) {
            for (CpeNode n : cfg.nodes()) {
                for (CpeMatch m : n.cpeMatch()) {
                    String k = IndexKeys.cpeKey(m.criteria());
                    if (k != null && m.vulnerable()) cpeKeys.add(k);
                }
            }
        }
        for (String n : a.cpeNames()) {
            String k = IndexKeys.cpeKey(n);
            if (k != null) cpeKeys.add(k);
        }
        for (AffectedPackage p : a.packages()) {
            PurlKey k = IndexKeys.packageKey(p.ecosystem(), p.name());
            pkgKeys.add(k.ecosystem() + "\u0000" + k.name());
        }
    }

    private record StoredComponent(long id, long orgId, long assetId, String ref, String group, String name, String version,
                                   String purl, String cpe, String idOrigin) {
        /** Suggested by Mamori and not (yet) confirmed by a person. */
        boolean suggested() {
            return "SUGGESTED".equals(idOrigin);
        }
    }

    private static final String COMPONENT_COLUMNS = "SELECT id, organization_id, asset_id, ref, group_name, name, version, purl, cpe, id_origin FROM component ";

    private List<StoredComponent> currentComponents(long orgId, Collection<Long> assetIds, String extra) {
        List<StoredComponent> out = new ArrayList<>();
        try (Connection c = database.connection()) {
            for (long assetId : assetIds) {
                try (PreparedStatement ps = c.prepareStatement(COMPONENT_COLUMNS
                        + "WHERE organization_id = ? AND asset_id = ? AND current_doc = TRUE" + (extra == null ? "" : extra) + " ORDER BY id")) {
                    ps.setLong(1, orgId);
                    ps.setLong(2, assetId);
                    read(ps, out);
                }
            }
        } catch (SQLException e) {
            throw new InventoryException("cannot read components: " + e.getMessage(), e);
        }
        return out;
    }

    /** The current components with a CPE of each of the given assets, in id order, in one query per 500 assets. */
    private Map<Long, List<StoredComponent>> componentsWithCpe(Collection<Long> assetIds) {
        Map<Long, List<StoredComponent>> out = new java.util.HashMap<>();
        List<Long> ids = new ArrayList<>(assetIds);
        try (Connection c = database.connection()) {
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(COMPONENT_COLUMNS + "WHERE asset_id IN (" + marks + ") AND current_doc = TRUE "
                        + "AND cpe IS NOT NULL ORDER BY id")) {
                    for (int i = 0; i < chunk.size(); i++) ps.setLong(i + 1, chunk.get(i));
                    List<StoredComponent> rows = new ArrayList<>();
                    read(ps, rows);
                    for (StoredComponent r : rows) out.computeIfAbsent(r.assetId, k -> new ArrayList<>()).add(r);
                }
            }
        } catch (SQLException e) {
            throw new InventoryException("cannot read components: " + e.getMessage(), e);
        }
        return out;
    }

    private List<StoredComponent> componentsByKeys(Set<String> cpeKeys, Set<String> pkgKeys) {
        List<StoredComponent> out = new ArrayList<>();
        try (Connection c = database.connection()) {
            try (PreparedStatement ps = c.prepareStatement(COMPONENT_COLUMNS + "WHERE eco_key = ? AND pkg_key = ? AND current_doc = TRUE")) {
                for (String k : pkgKeys) {
                    String[] p = k.split("\u0000", 2);
                    ps.setString(1, p[0]);
                    ps.setString(2, p[1]);
                    read(ps, out);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(COMPONENT_COLUMNS + "WHERE cpe_key = ? AND current_doc = TRUE")) {
                for (String k : cpeKeys) {
                    ps.setString(1, k);
                    read(ps, out);
                }
            }
        } catch (SQLException e) {
            throw new InventoryException("cannot read components: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Whether the current SBOM lists the device's own product by a declared or confirmed CPE. A CPE Mamori only
     * suggested does not count (issue 13 defect 5): the demo firewall's vendor table gets the suggested
     * {@code fortinet:fortios}, the asset's own CPE, and the device's exploited findings must stay the device's.
     */
    private boolean sbomListsDevice(Asset asset) {
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM component WHERE asset_id = ? AND organization_id = ? "
                     + "AND current_doc = TRUE AND cpe_key = ? AND id_origin <> 'SUGGESTED'")) {
            ps.setLong(1, asset.id());
            ps.setLong(2, asset.organizationId());
            ps.setString(3, IndexKeys.cpeKey(asset.cpe()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new InventoryException("cannot read components: " + e.getMessage(), e);
        }
    }

    private record DeviceRef(long orgId, long assetId) { }

    private Set<DeviceRef> devicesByKeys(Set<String> cpeKeys) {
        Set<DeviceRef> out = new LinkedHashSet<>();
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("SELECT organization_id, id FROM asset WHERE cpe_key = ?")) {
            for (String k : cpeKeys) {
                ps.setString(1, k);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new DeviceRef(rs.getLong(1), rs.getLong(2)));
                }
            }
        } catch (SQLException e) {
            throw new InventoryException("cannot read assets: " + e.getMessage(), e);
        }
        return out;
    }

    private static void read(PreparedStatement ps, List<StoredComponent> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredComponent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
            }
        }
    }

    private static FindingRecorder.Result sum(FindingRecorder.Result a, FindingRecorder.Result b) {
        return new FindingRecorder.Result(a.detected() + b.detected(), a.reopened() + b.reopened(), a.updated() + b.updated(),
                a.unchanged() + b.unchanged(), a.closed() + b.closed());
    }
}
