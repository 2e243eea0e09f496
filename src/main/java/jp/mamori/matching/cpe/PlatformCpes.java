package jp.mamori.matching.cpe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.mamori.identifiers.cpe.Cpe23;
import jp.mamori.identifiers.cpe.CpeAttribute;

/**
 * The CPEs of a platform, indexed by (part, vendor, product) so that finding the part that satisfies
 * a cpeMatch entry looks at the few CPEs of that product instead of all of them: an SBOM of 10,000
 * components may carry thousands of CPEs, and "running on" is evaluated for every configuration of
 * every component. CPEs whose own part, vendor or product is a wildcard are always looked at, and
 * a criterion that is not concrete in those three falls back to every CPE. Candidates keep the
 * platform's order, so the CPE reported as satisfying an entry is the same as a scan in order.
 */
public final class PlatformCpes {
    private final List<Cpe23> all;
    private final Map<String, List<Integer>> byProduct = new HashMap<>();
    private final List<Integer> wild = new ArrayList<>();

    public PlatformCpes(Collection<Cpe23> cpes) {
        this.all = List.copyOf(cpes);
        for (int i = 0; i < all.size(); i++) {
            String key = key(all.get(i));
            if (key == null) wild.add(i);
            else byProduct.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
    }

    public boolean isEmpty() { return all.isEmpty(); }

    public List<Cpe23> all() { return all; }

    /**
     * Candidates by criterion (the parsed criteria are shared instances, {@code CriterionCache}): a
     * scan asks for the same criteria once per component of the product, and making the key and the
     * list each time was a fifth of CPE matching. At most one entry per criterion a scan evaluates.
     */
    private final Map<Cpe23, List<Cpe23>> byCriterion = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** The CPEs that may satisfy a criterion, in platform order. */
    List<Cpe23> candidates(Cpe23 criterion) {
        List<Cpe23> known = byCriterion.get(criterion);
        if (known != null) return known;
        List<Cpe23> found = List.copyOf(find(criterion));
        byCriterion.put(criterion, found);
        return found;
    }

    private List<Cpe23> find(Cpe23 criterion) {
        String key = key(criterion);
        if (key == null) return all;
        List<Integer> hits = byProduct.getOrDefault(key, List.of());
        if (wild.isEmpty()) return hits.stream().map(all::get).toList();
        List<Cpe23> out = new ArrayList<>(hits.size() + wild.size());
        int i = 0;
        int j = 0;
        while (i < hits.size() || j < wild.size()) {
            boolean takeHit = j >= wild.size() || (i < hits.size() && hits.get(i) < wild.get(j));
            out.add(all.get(takeHit ? hits.get(i++) : wild.get(j++)));
        }
        return out;
    }

    /** part:vendor:product when all three are concrete, else null. */
    private static String key(Cpe23 c) {
        String part = concrete(c.wellFormed(CpeAttribute.PART));
        String vendor = concrete(c.wellFormed(CpeAttribute.VENDOR));
        String product = concrete(c.wellFormed(CpeAttribute.PRODUCT));
        return part == null || vendor == null || product == null ? null : part + ":" + vendor + ":" + product;
    }

    private static String concrete(String value) {
        if (value == null || value.isEmpty() || value.indexOf('*') >= 0 || value.indexOf('?') >= 0
                || Cpe23.ANY.equals(value) || Cpe23.NA.equals(value)) return null;
        return value.toLowerCase(Locale.ROOT);
    }
}
