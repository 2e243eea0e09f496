package jp.mamori.inventory.sbom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last step of every reader: refs must be unique (persistence and the dependency graph key on
 * them) and edges must join components that exist.
 */
public final class SbomAssembly {
    private SbomAssembly() { }

    public static SbomDocument assemble(String file, String format, String specVersion, String serialNumber,
                                        String name, Component subject, List<Component> components,
                                        List<DependencyEdge> edges, List<String> warnings) throws SbomFormatException {
        Map<String, Component> byRef = new HashMap<>();
        for (Component c : components) {
            Component earlier = byRef.putIfAbsent(c.ref(), c);
            if (earlier != null) {
                throw new SbomFormatException(file, "component '" + c.ref() + "'",
                        "two components share this reference (" + earlier.displayName() + " and " + c.displayName()
                                + "); references must be unique within a document");
            }
        }
        Set<String> known = new java.util.HashSet<>(byRef.keySet());
        if (subject != null) known.add(subject.ref());

        Set<DependencyEdge> kept = new LinkedHashSet<>();
        List<String> dangling = new ArrayList<>();
        for (DependencyEdge e : edges) {
            if (known.contains(e.from()) && known.contains(e.to())) kept.add(e);
            else dangling.add(known.contains(e.from()) ? e.to() : e.from());
        }
        List<String> allWarnings = new ArrayList<>(warnings);
        if (!dangling.isEmpty()) {
            allWarnings.add(SbomWarning.text(null, "文書にないコンポーネントを指す依存関係 " + dangling.size() + " 件を無視しました（最初: '"
                    + dangling.get(0) + "'）", dangling.size() + " dependency relation(s) name a component that is not in the document"
                    + " and were ignored (first: '" + dangling.get(0) + "')"));
        }
        if (components.isEmpty()) {
            allWarnings.add(SbomWarning.text(null, "コンポーネントが1件もありません", "the document lists no components"));
        }
        return new SbomDocument(format, specVersion, serialNumber, name, subject, components,
                new ArrayList<>(kept), allWarnings);
    }
}
