package jp.mamori.inventory;

/**
 * A device or software product of a system.
 *
 * @param cpe              validated CPE 2.3 name, may be null for software known only by its SBOM
 * @param internetBoundary sits at the internet boundary (VPN/VDI gateway, firewall, mail relay)
 * @param vendor           the maintaining vendor (委託事業者), may be null
 */
public record Asset(long id, long organizationId, long systemId, String code, String name, AssetKind kind,
                    String vendorName, String product, String version, String cpe, Exposure exposure,
                    boolean internetBoundary, String vendor) { }
