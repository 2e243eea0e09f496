package jp.mamori.inventory.sbom;

import java.util.Optional;

/**
 * Guesses a CPE for a product named in a vendor table. Implemented later against the knowledge base
 * (NVD CPE dictionary, JVN product names); the table reader only asks, and marks any answer as
 * {@link IdentifierOrigin#SUGGESTED} so that a person confirms it before it drives matching.
 */
@FunctionalInterface
public interface CpeSuggester {
    /** @param supplier may be null; @param version may be null */
    Optional<String> suggest(String supplier, String product, String version);

    CpeSuggester NONE = (supplier, product, version) -> Optional.empty();
}
