package jp.mamori.inventory.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.CpeNames;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;
import jp.mamori.inventory.Segment;

/**
 * Sets up or updates an organisation from a ledger. Every row is checked before anything is
 * written, so a ledger with one bad row changes nothing; importing the same ledger again
 * changes nothing either (systems and assets are matched by code).
 */
public final class LedgerImporter {

    /** @param touchedAssets codes of the assets created or changed, or whose system changed (they need matching again) */
    public record Result(boolean organizationCreated, int systemsCreated, int systemsUpdated, int assetsCreated, int assetsUpdated,
                         Set<String> touchedAssets) { }

    private final InventoryRepository repo;

    public LedgerImporter(InventoryRepository repo) {
        this.repo = repo;
    }

    public static void validate(Ledger l, String file) throws LedgerFormatException {
        List<String> problems = new ArrayList<>();
        if (l.orgCode() == null) problems.add("organization code (団体コード) is missing");
        Set<String> systemCodes = new HashSet<>();
        Set<String> assetCodes = new HashSet<>();
        for (Ledger.SystemEntry s : l.systems()) {
            String w = s.where() + " (system " + s.code() + "): ";
            if (s.code() == null || s.code().isBlank()) problems.add(w + "system code is missing");
            else if (!systemCodes.add(s.code())) problems.add(w + "system code appears twice");
            if (s.name() == null) problems.add(w + "system name is missing");
            check(problems, w, () -> Segment.parse(nz(s.segment())));
            check(problems, w, () -> new Importance(s.confidentiality(), nzDefault(s.integrity()), nzDefault(s.availability())));
            for (Ledger.AssetEntry a : s.assets()) {
                String aw = a.where() + " (asset " + a.code() + "): ";
                if (a.code() == null) problems.add(aw + "asset code is missing");
                else if (!assetCodes.add(a.code())) problems.add(aw + "asset code appears twice");
                if (a.name() == null) problems.add(aw + "asset name is missing");
                check(problems, aw, () -> AssetKind.parse(nz(a.kind())));
                check(problems, aw, () -> Exposure.parse(nz(a.exposure())));
                check(problems, aw, () -> CpeNames.validate(a.cpe()));
            }
        }
        if (!problems.isEmpty()) throw new LedgerFormatException(file, problems);
    }

    /**
     * Set-based (issue 18.9): the organisation's systems and assets are read once and compared in memory; new
     * assets are inserted in one batch; only what changed is written, and only that is reported for matching.
     */
    public Result apply(Ledger l) {
        boolean created = false;
        Organization org = repo.findOrganization(l.orgCode()).orElse(null);
        if (org == null) {
            org = repo.createOrganization(l.orgCode(), l.orgName() == null ? l.orgCode() : l.orgName(), null);
            created = true;
        }
        Map<String, ItSystem> systems = new HashMap<>();
        for (ItSystem s : repo.systems().list(org.id())) systems.put(s.code(), s);
        Map<String, Asset> assets = new HashMap<>();
        for (Asset a : repo.listAssets(org.id())) assets.put(a.code(), a);
        Set<String> touched = new LinkedHashSet<>();
        List<Map.Entry<Long, InventoryRepository.NewAsset>> fresh = new ArrayList<>();
        int sc = 0, su = 0, ac = 0, au = 0;
        for (Ledger.SystemEntry s : l.systems()) {
            Importance imp = new Importance(s.confidentiality(), nzDefault(s.integrity()), nzDefault(s.availability()));
            ItSystem existing = systems.get(s.code().trim());
            ItSystem sys;
            boolean systemChanged = false;
            if (existing == null) {
                sys = repo.createSystem(org.id(), s.code(), s.name(), Segment.parse(s.segment()), imp, s.owner(), s.sbomTier(), s.vendors());
                sc++;
            } else {
                if (!existing.name().equals(s.name()) || existing.segment() != Segment.parse(s.segment()) || !existing.importance().equals(imp)
                        || !java.util.Objects.equals(existing.owner(), s.owner()) || !java.util.Objects.equals(existing.sbomTier(), s.sbomTier())) {
                    repo.updateSystem(org.id(), existing.id(), s.name(), Segment.parse(s.segment()), imp, s.owner(), s.sbomTier());
                    su++;
                    systemChanged = true;
                }
                sys = existing;
            }
            for (Ledger.AssetEntry a : s.assets()) {
                InventoryRepository.NewAsset na = new InventoryRepository.NewAsset(a.code(), a.name(), AssetKind.parse(a.kind()), a.vendorName(),
                        a.product(), a.version(), a.cpe(), Exposure.parse(a.exposure()), a.boundary(), a.maintainer());
                Asset current = assets.get(a.code().trim());
                if (current == null) {
                    fresh.add(Map.entry(sys.id(), na));
                    touched.add(a.code().trim());
                    ac++;
                } else if (!sameAsset(current, sys.id(), na)) {
                    repo.updateAsset(org.id(), current.id(), sys.id(), na);
                    touched.add(current.code());
                    au++;
                } else if (systemChanged) {
                    touched.add(current.code()); // the system's importance feeds the SSVC mission
                }
            }
        }
        repo.createAssets(org.id(), fresh);
        return new Result(created, sc, su, ac, au, touched);
    }

    private static boolean sameAsset(Asset c, long systemId, InventoryRepository.NewAsset n) {
        return c.systemId() == systemId && c.name().equals(n.name()) && c.kind() == n.kind()
                && java.util.Objects.equals(c.vendorName(), n.vendorName()) && java.util.Objects.equals(c.product(), n.product())
                && java.util.Objects.equals(c.version(), n.version()) && java.util.Objects.equals(c.cpe(), n.cpe())
                && c.exposure() == n.exposure() && c.internetBoundary() == n.internetBoundary()
                && java.util.Objects.equals(c.vendor(), n.maintainer());
    }

    private static void check(List<String> problems, String where, Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException | InventoryException e) {
            problems.add(where + e.getMessage());
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String nzDefault(String s) {
        return s == null ? "1" : s;
    }
}
