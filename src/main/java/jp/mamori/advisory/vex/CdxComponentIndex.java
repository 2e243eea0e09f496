package jp.mamori.advisory.vex;

import java.util.HashMap;
import java.util.Map;

/**
 * bom-ref to the identifier a VEX statement should name: the component's purl, else its CPE.
 * Refs that already are identifiers (purl, CPE, BOM-Link {@code urn:cdx:...}) are used as
 * written; a bom-ref the BOM does not describe with a purl or CPE stays as written too.
 */
final class CdxComponentIndex {
    private final Map<String, String> byRef = new HashMap<>();

    void add(String bomRef, String purl, String cpe) {
        if (bomRef == null) return;
        String id = purl != null ? purl : cpe;
        if (id != null) byRef.put(bomRef, id);
    }

    static boolean isIdentifier(String ref) {
        return ref.startsWith("pkg:") || ref.startsWith("cpe:") || ref.startsWith("urn:cdx:");
    }

    /** @return the identifier for a ref, or null when it is a local bom-ref not (yet) known */
    String resolve(String ref) {
        if (isIdentifier(ref)) return ref;
        return byRef.get(ref);
    }
}
