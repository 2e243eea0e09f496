package jp.mamori.inventory.sbom;

import java.util.List;

/**
 * A parsed SBOM.
 *
 * <p>For CycloneDX the subject (metadata.component) is not one of {@link #components()}; for SPDX every
 * package is a component, including the described one, because SPDX has no separate place for it and
 * the described package (an image, an application) can itself carry vulnerabilities.
 *
 * @param format      "CycloneDX", "SPDX" or "VendorTable"
 * @param specVersion "1.5", "2.3", ... ("1" for vendor tables)
 * @param subject     the component the SBOM describes (CycloneDX metadata.component, SPDX describes), may be null
 * @param warnings    things the reader tolerated or guessed (shown to the user, never a reason to reject)
 */
public record SbomDocument(String format, String specVersion, String serialNumber, String name,
                           Component subject, List<Component> components, List<DependencyEdge> dependencies,
                           List<String> warnings) {
    public SbomDocument {
        components = components == null ? List.of() : List.copyOf(components);
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Without warnings (kept so that callers written before warnings existed still compile). */
    public SbomDocument(String format, String specVersion, String serialNumber, String name,
                        Component subject, List<Component> components, List<DependencyEdge> dependencies) {
        this(format, specVersion, serialNumber, name, subject, components, dependencies, List.of());
    }
}
