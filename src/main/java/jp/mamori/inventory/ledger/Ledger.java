package jp.mamori.inventory.ledger;

import java.util.List;

/**
 * An organisation's asset ledger (資産管理台帳) as imported and exported: systems with their
 * assets. Values are kept as text until {@link LedgerValidator} checks them all.
 */
public record Ledger(String orgCode, String orgName, List<SystemEntry> systems) {

    public record SystemEntry(String where, String code, String name, String segment, String confidentiality, String integrity,
                              String availability, String owner, List<String> vendors, String sbomTier, List<AssetEntry> assets) { }

    public record AssetEntry(String where, String code, String name, String kind, String vendorName, String product, String version,
                             String cpe, String exposure, boolean boundary, String maintainer) { }
}
