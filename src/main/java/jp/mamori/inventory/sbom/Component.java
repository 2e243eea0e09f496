package jp.mamori.inventory.sbom;

import java.util.List;
import java.util.Map;

/**
 * One component of an SBOM, whatever format it came in.
 *
 * @param ref        the document's own reference (CycloneDX bom-ref, SPDX SPDXID, table row "row-N")
 * @param parentRef  ref of the enclosing component for nested CycloneDX components, else null
 * @param type       "library", "application", "firmware", "operating-system", "device", ... (lower case)
 * @param hashes     algorithm ("SHA-256") to hex value
 * @param idOrigin   DECLARED when purl/cpe came with the document, SUGGESTED when Mamori guessed them
 *                   (vendor tables) and a person has not confirmed them yet
 * @param topLevel   a direct component of the described product (not a transitive dependency)
 */
public record Component(String ref, String parentRef, String type, String group, String name, String version,
                        String supplier, String purl, String cpe, Map<String, String> hashes,
                        List<String> licenses, String url, IdentifierOrigin idOrigin, boolean topLevel) {

    public Component {
        hashes = hashes == null ? Map.of() : Map.copyOf(hashes);
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        idOrigin = idOrigin == null ? IdentifierOrigin.DECLARED : idOrigin;
    }

    /** No purl and no CPE: the component can't be matched and is flagged to the user. */
    public boolean hasNoIdentifier() {
        return (purl == null || purl.isBlank()) && (cpe == null || cpe.isBlank());
    }

    public String displayName() {
        return group == null || group.isBlank() ? name : group + ":" + name;
    }
}
