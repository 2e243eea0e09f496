package jp.mamori.inventory.sbom;

import java.util.List;

/**
 * A parsed SBOM.
 *
 * @param format      "CycloneDX", "SPDX" or "VendorTable"
 * @param specVersion "1.5", "2.3", ... ("1" for vendor tables)
 * @param subject     the component the SBOM describes (CycloneDX metadata.component, SPDX describes), may be null
 */
public record SbomDocument(String format, String specVersion, String serialNumber, String name,
                           Component subject, List<Component> components, List<DependencyEdge> dependencies) {
    public SbomDocument {
        components = components == null ? List.of() : List.copyOf(components);
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }
}
