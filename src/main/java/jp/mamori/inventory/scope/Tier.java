package jp.mamori.inventory.scope;

/**
 * How complete an SBOM must be. Tiers are cumulative: STANDARD includes MINIMAL's criteria and FULL
 * includes STANDARD's.
 */
public enum Tier {
    /** Top-level components have name, version and supplier: enough to know what the product is made of. */
    MINIMAL,
    /** Every component has a version and a purl or CPE: enough to match every component against advisories. */
    STANDARD,
    /** STANDARD plus hashes, licences and dependency relations: enough to verify what shipped and trace how. */
    FULL;

    /** The tier as an officer reads it. */
    public String ja() {
        return switch (this) {
            case MINIMAL -> "最小";
            case STANDARD -> "標準";
            case FULL -> "詳細";
        };
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
