package jp.mamori.inventory.sbom.cyclonedx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.DependencyEdge;
import jp.mamori.inventory.sbom.Hashes;
import jp.mamori.inventory.sbom.IdentifierOrigin;
import jp.mamori.inventory.sbom.SbomAssembly;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.Text;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.ExternalReference;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.OrganizationalEntity;

/** The CycloneDX library's model (same for JSON and XML, 1.0 to 1.6) to Mamori's. */
final class BomMapper {
    static final String FORMAT = "CycloneDX";

    private BomMapper() { }

    static SbomDocument map(Bom bom, String specVersion, String file, List<String> warnings) throws SbomFormatException {
        org.cyclonedx.model.Component meta = bom.getMetadata() == null ? null : bom.getMetadata().getComponent();
        Component subject = meta == null ? null
                : component(meta, Text.firstOf(Text.clean(meta.getBomRef()), "#/metadata/component"), null, false);

        List<DependencyEdge> edges = new ArrayList<>();
        Set<String> direct = new HashSet<>();
        for (Dependency d : nonNull(bom.getDependencies())) {
            for (Dependency on : nonNull(d.getDependencies())) {
                edges.add(new DependencyEdge(d.getRef(), on.getRef()));
                if (subject != null && subject.ref().equals(d.getRef())) direct.add(on.getRef());
            }
        }

        List<Component> out = new ArrayList<>();
        walk(bom.getComponents(), "#/components", null, direct, out);
        return SbomAssembly.assemble(file, FORMAT, specVersion, bom.getSerialNumber(),
                subject == null ? null : subject.name(), subject, out, edges, warnings);
    }

    /**
     * Depth first, parents before children. Top level (SPEC: a direct component of the product) means
     * directly under {@code components}, or named in the subject's own dependsOn.
     */
    private static void walk(List<org.cyclonedx.model.Component> list, String path, String parentRef,
                             Set<String> direct, List<Component> out) {
        List<org.cyclonedx.model.Component> cs = nonNull(list);
        for (int i = 0; i < cs.size(); i++) {
            org.cyclonedx.model.Component c = cs.get(i);
            String here = path + "/" + i;
            // A ref is needed to key the component; one made from its position cannot clash with a bom-ref
            // a generator would write, and stays the same when the same document is read again.
            String ref = Text.firstOf(Text.clean(c.getBomRef()), here);
            boolean top = parentRef == null || direct.contains(ref);
            out.add(component(c, ref, parentRef, top));
            walk(c.getComponents(), here + "/components", ref, direct, out);
        }
    }

    private static Component component(org.cyclonedx.model.Component c, String ref, String parentRef, boolean top) {
        return new Component(ref, parentRef, c.getType() == null ? null : c.getType().getTypeName(),
                Text.clean(c.getGroup()), Text.clean(c.getName()), Text.clean(c.getVersion()), supplier(c),
                Text.clean(c.getPurl()), Text.clean(c.getCpe()), hashes(c.getHashes()), licenses(c.getLicenses()),
                url(c.getExternalReferences()), IdentifierOrigin.DECLARED, top);
    }

    /**
     * NTIA's "supplier" is CycloneDX's supplier; generators older than 1.6 often put the same party in
     * publisher, and 1.6 added manufacturer. Authors are not suppliers and are not used.
     */
    private static String supplier(org.cyclonedx.model.Component c) {
        return Text.firstOf(name(c.getSupplier()), name(c.getManufacturer()), Text.clean(c.getPublisher()));
    }

    private static String name(OrganizationalEntity e) {
        return e == null ? null : Text.clean(e.getName());
    }

    private static Map<String, String> hashes(List<Hash> hashes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Hash h : nonNull(hashes)) {
            if (h.getAlgorithm() != null && Text.clean(h.getValue()) != null) {
                out.putIfAbsent(Hashes.algorithm(h.getAlgorithm()), Hashes.value(h.getValue()));
            }
        }
        return out;
    }

    private static List<String> licenses(LicenseChoice choice) {
        List<String> out = new ArrayList<>();
        if (choice == null) return out;
        for (License l : nonNull(choice.getLicenses())) {
            String v = Text.firstOf(Text.clean(l.getId()), Text.clean(l.getName()));
            if (v != null && !out.contains(v)) out.add(v);
        }
        if (choice.getExpression() != null && Text.clean(choice.getExpression().getValue()) != null) {
            out.add(choice.getExpression().getValue().strip());
        }
        return out;
    }

    /** The product's page, as a vendor table would give it: website, else source repository, else download. */
    private static String url(List<ExternalReference> refs) {
        for (String type : List.of("website", "vcs", "distribution")) {
            for (ExternalReference r : nonNull(refs)) {
                if (r.getType() != null && type.equals(r.getType().getTypeName()) && Text.clean(r.getUrl()) != null) {
                    return r.getUrl().strip();
                }
            }
        }
        return null;
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }
}
