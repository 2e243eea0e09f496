package jp.mamori.inventory.sbom;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two SBOMs of the same product (a vendor's update, a re-scan): components added,
 * removed, and changed (same identity, see {@link ComponentIdentity}, with another version or other
 * hashes). An identity may occur several times in one SBOM (npm trees hold several versions of one
 * package): identical occurrences are paired off first, the rest are paired in document order, and
 * what is left over is added or removed.
 */
public final class SbomDiff {
    private SbomDiff() { }

    /** One component in both SBOMs, changed. */
    public record Change(Component before, Component after, boolean versionChanged, boolean hashesChanged) { }

    public record Result(List<Component> added, List<Component> removed, List<Change> changed) {
        public Result {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    public static Result diff(SbomDocument oldDoc, SbomDocument newDoc) {
        Map<String, List<Component>> before = byIdentity(oldDoc.components());
        Map<String, List<Component>> after = byIdentity(newDoc.components());
        List<Component> added = new ArrayList<>();
        List<Component> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (Map.Entry<String, List<Component>> e : after.entrySet()) {
            List<Component> olds = before.getOrDefault(e.getKey(), new ArrayList<>());
            List<Component> news = new ArrayList<>(e.getValue());
            news.removeIf(n -> removeFirstSame(olds, n));
            Iterator<Component> o = olds.iterator();
            for (Component n : news) {
                if (o.hasNext()) {
                    Component old = o.next();
                    o.remove();
                    changed.add(new Change(old, n, !Objects.equals(old.version(), n.version()), hashesDiffer(old, n)));
                } else {
                    added.add(n);
                }
            }
        }
        for (List<Component> left : before.values()) removed.addAll(left);
        return new Result(added, removed, changed);
    }

    private static boolean removeFirstSame(List<Component> olds, Component n) {
        for (Iterator<Component> it = olds.iterator(); it.hasNext(); ) {
            Component o = it.next();
            if (Objects.equals(o.version(), n.version()) && !hashesDiffer(o, n)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /**
     * Hashes differ when an algorithm both sides give has different values. A side that gives no hash,
     * or only other algorithms, is no evidence of a change: generators differ in which hashes they write.
     */
    static boolean hashesDiffer(Component a, Component b) {
        for (Map.Entry<String, String> h : a.hashes().entrySet()) {
            String other = b.hashes().get(h.getKey());
            if (other != null && !other.equalsIgnoreCase(h.getValue())) return true;
        }
        return false;
    }

    private static Map<String, List<Component>> byIdentity(List<Component> components) {
        Map<String, List<Component>> out = new LinkedHashMap<>();
        for (Component c : components) out.computeIfAbsent(ComponentIdentity.of(c), k -> new ArrayList<>()).add(c);
        return out;
    }
}
