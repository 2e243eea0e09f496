package jp.mamori.remediation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which stored finding a newly matched instance continues (issue 12.6). Within one asset, component
 * identity and vulnerability there may be several instances (lodash 4.17.19 and 2.4.2): each new
 * instance continues the stored finding of the same version; the remaining new instances continue the
 * remaining stored findings in order (a version upgrade keeps its finding, its decision and deadline);
 * new instances beyond those are new findings, stored findings beyond them are closed. The recorder and
 * the "would close" preview of an SBOM upload both pair this way, so the preview says what happens.
 */
public final class InstancePairing {
    private InstancePairing() { }

    /**
     * @param stored the stored findings' instances, in the order they are continued (open ones first, then by id)
     * @param seen   the new instances (distinct), in document order
     * @return for each new instance, the index of the stored finding it continues, or -1 for a new finding
     */
    public static int[] pair(List<String> stored, List<String> seen) {
        int[] out = new int[seen.size()];
        java.util.Arrays.fill(out, -1);
        boolean[] taken = new boolean[stored.size()];
        Map<String, Integer> byInstance = new HashMap<>();
        for (int i = stored.size() - 1; i >= 0; i--) byInstance.put(stored.get(i), i);
        for (int k = 0; k < seen.size(); k++) {
            Integer i = byInstance.get(seen.get(k));
            if (i != null && !taken[i]) {
                out[k] = i;
                taken[i] = true;
            }
        }
        int next = 0;
        for (int k = 0; k < seen.size(); k++) {
            if (out[k] >= 0) continue;
            while (next < stored.size() && taken[next]) next++;
            if (next == stored.size()) break;
            out[k] = next;
            taken[next] = true;
        }
        return out;
    }

    /** The stored findings no new instance continues (they close): indexes into {@code stored}. */
    public static List<Integer> unpaired(List<String> stored, List<String> seen) {
        int[] p = pair(stored, seen);
        boolean[] taken = new boolean[stored.size()];
        for (int i : p) if (i >= 0) taken[i] = true;
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) if (!taken[i]) out.add(i);
        return out;
    }

    /** The instance key of a component version as stored (the version, "" when it has none). */
    public static String instance(String version) {
        String v = Objects.requireNonNullElse(version, "");
        return v.length() <= 200 ? v : v.substring(0, 200);
    }
}
