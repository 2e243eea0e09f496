package jp.mamori.inventory.sbom.spdx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.DependencyEdge;
import jp.mamori.inventory.sbom.SbomAssembly;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.SbomFormatException;

/**
 * SPDX packages and relationships (from JSON or tag-value) to an {@link SbomDocument}.
 *
 * <p>Graph: CONTAINS, DEPENDS_ON, STATIC_LINK, DYNAMIC_LINK, HAS_PREREQUISITE (and the inverses
 * CONTAINED_BY, *DEPENDENCY_OF, PREREQUISITE_FOR) become "from depends on to" edges between packages: a
 * product that contains or links a package ships its vulnerabilities just as one that depends on it does. Relationships with files, snippets or other documents are
 * left out; other relationship types (GENERATED_FROM, VARIANT_OF, ...) say nothing about what ships.
 *
 * <p>Subject and top level: when the document describes exactly one package, that is the subject and
 * its direct contents/dependencies are top level; when it describes several (a release of many
 * artefacts), each described package is top level and there is no single subject; when it describes
 * none (allowed before 2.3, common from older generators), the packages nothing else contains or
 * depends on are top level, which for a flat list is all of them.
 */
final class SpdxAssembler {
    static final String FORMAT = "SPDX";
    private static final Set<String> FORWARD = Set.of("CONTAINS", "DEPENDS_ON", "STATIC_LINK", "DYNAMIC_LINK",
            "HAS_PREREQUISITE");

    private SpdxAssembler() { }

    static SbomDocument assemble(String file, String specVersion, String documentId, String name, String namespace,
                                 List<String> documentDescribes, List<SpdxPackage> packages,
                                 List<SpdxRelationship> relationships, List<String> warnings)
            throws SbomFormatException {
        Map<String, SpdxPackage> byRef = new HashMap<>();
        for (SpdxPackage p : packages) {
            if (byRef.putIfAbsent(p.ref, p) != null) {
                throw new SbomFormatException(file, p.place, "two packages share the SPDXID '" + p.ref + "'");
            }
        }
        Set<String> described = new LinkedHashSet<>(documentDescribes);
        List<DependencyEdge> edges = new ArrayList<>();
        for (SpdxRelationship r : relationships) {
            String type = r.type();
            if (type.equals("DESCRIBES") || type.equals("DESCRIBE")) {  // "DESCRIBE": older Trivy releases
                if (r.from().equals(documentId)) described.add(r.to());
            } else if (type.equals("DESCRIBED_BY")) {
                if (r.to().equals(documentId)) described.add(r.from());
            } else if (FORWARD.contains(type)) {
                edges.add(new DependencyEdge(r.from(), r.to()));
            } else if (type.equals("CONTAINED_BY") || type.equals("PREREQUISITE_FOR") || type.endsWith("DEPENDENCY_OF")) {
                edges.add(new DependencyEdge(r.to(), r.from()));
            }
        }
        edges.removeIf(e -> !byRef.containsKey(e.from()) || !byRef.containsKey(e.to()) || e.from().equals(e.to()));
        described.retainAll(byRef.keySet());

        Set<String> top = topLevel(described, edges, byRef.keySet());
        String subjectRef = described.size() == 1 ? described.iterator().next() : null;
        List<Component> components = new ArrayList<>(packages.size());
        Component subject = null;
        for (SpdxPackage p : packages) {
            Component c = p.toComponent(top.contains(p.ref));
            if (p.ref.equals(subjectRef)) subject = c;
            components.add(c);
        }
        return SbomAssembly.assemble(file, FORMAT, specVersion, namespace, name, subject, components, edges, warnings);
    }

    private static Set<String> topLevel(Set<String> described, List<DependencyEdge> edges, Set<String> all) {
        Set<String> top = new HashSet<>();
        if (described.size() == 1) {
            String subject = described.iterator().next();
            for (DependencyEdge e : edges) if (e.from().equals(subject)) top.add(e.to());
        } else if (described.size() > 1) {
            top.addAll(described);
        } else {
            top.addAll(all);
            for (DependencyEdge e : edges) top.remove(e.to());
        }
        return top;
    }
}
