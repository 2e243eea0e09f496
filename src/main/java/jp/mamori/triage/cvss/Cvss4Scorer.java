package jp.mamori.triage.cvss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CVSS v4.0 scoring by the FIRST MacroVector method (specification §8.2, reference calculator
 * cvss40.js): look up the MacroVector's score, then subtract the mean proportional severity
 * distance of the vector from the highest-severity vectors of its MacroVector.
 *
 * <p>Why hand-written: cvss-calculator 1.5.1 implements the same method but rounds the final value
 * with a bare {@code Math.round}, so 6 of the 1,694 published test vectors come out 0.1 too low
 * (e.g. {@code CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:N/VI:H/VA:L/SC:N/SI:N/SA:L}: the arithmetic gives
 * 5.6499999999999995 for 5.65, the library says 5.6, FIRST says 5.7). FIRST's calculator and the Red Hat
 * Python implementation add an epsilon of 1e-6 before rounding half up. The library's classes that hold
 * the tables are package-private, so the fix cannot be layered on top of it. This class follows the
 * reference's arithmetic step by step (distances in tenths as doubles, the same summation order, the
 * same epsilon) so that the results are the ones FIRST's calculator shows. The threat (E) and environmental (CR/IR/AR, M*) metrics take part
 * through {@link #effective}, so the result is CVSS-B, -BT, -BE or -BTE as the vector carries them.
 */
final class Cvss4Scorer {
    private static final double STEP = 0.1;
    private static final double EPSILON = 1e-6;

    private Cvss4Scorer() { }

    static double score(CvssVector vector) {
        Map<String, String> m = vector.metrics();
        if (List.of("VC", "VI", "VA", "SC", "SI", "SA").stream().allMatch(k -> effective(m, k).equals("N"))) {
            return 0.0;
        }
        int eq1 = eq1(m), eq2 = eq2(m), eq3 = eq3(m), eq4 = eq4(m), eq5 = eq5(m), eq6 = eq6(m);
        double value = Cvss4MacroVectors.score(macro(eq1, eq2, eq3, eq4, eq5, eq6));

        // a. maximal scoring difference to the next lower MacroVector of each EQ (NaN: there is none)
        double lowerEq1 = scoreOf(macro(eq1 + 1, eq2, eq3, eq4, eq5, eq6));
        double lowerEq2 = scoreOf(macro(eq1, eq2 + 1, eq3, eq4, eq5, eq6));
        double lowerEq3Eq6;
        if (eq3 == 0 && eq6 == 0) {
            // two ways down (00 -> 01 and 00 -> 10): the higher one is the next lower MacroVector
            lowerEq3Eq6 = Math.max(scoreOf(macro(eq1, eq2, eq3, eq4, eq5, eq6 + 1)),
                    scoreOf(macro(eq1, eq2, eq3 + 1, eq4, eq5, eq6)));
        } else if (eq3 == 1 && eq6 == 0) {
            lowerEq3Eq6 = scoreOf(macro(eq1, eq2, eq3, eq4, eq5, eq6 + 1));
        } else if (eq3 == 2 && eq6 == 1) {
            lowerEq3Eq6 = Double.NaN; // 21 is the lowest; 32 does not exist
        } else {
            lowerEq3Eq6 = scoreOf(macro(eq1, eq2, eq3 + 1, eq4, eq5, eq6));
        }
        double lowerEq4 = scoreOf(macro(eq1, eq2, eq3, eq4 + 1, eq5, eq6));
        double lowerEq5 = scoreOf(macro(eq1, eq2, eq3, eq4, eq5 + 1, eq6));

        // b. severity distance from the first highest-severity vector that is not below this one
        Map<String, Double> d = distances(m, eq1, eq2, eq3, eq4, eq5, eq6);
        double distEq1 = d.get("AV") + d.get("PR") + d.get("UI");
        double distEq2 = d.get("AC") + d.get("AT");
        double distEq3Eq6 = d.get("VC") + d.get("VI") + d.get("VA") + d.get("CR") + d.get("IR") + d.get("AR");
        double distEq4 = d.get("SC") + d.get("SI") + d.get("SA");

        // c./d. proportion of the MacroVector's depth, times the maximal scoring difference
        int existing = 0;
        double sum = 0;
        double available = value - lowerEq1;
        if (!Double.isNaN(available)) { existing++; sum += available * (distEq1 / (MaxSeverity.eq1(eq1) * STEP)); }
        available = value - lowerEq2;
        if (!Double.isNaN(available)) { existing++; sum += available * (distEq2 / (MaxSeverity.eq2(eq2) * STEP)); }
        available = value - lowerEq3Eq6;
        if (!Double.isNaN(available)) { existing++; sum += available * (distEq3Eq6 / (MaxSeverity.eq3eq6(eq3, eq6) * STEP)); }
        available = value - lowerEq4;
        if (!Double.isNaN(available)) { existing++; sum += available * (distEq4 / (MaxSeverity.eq4(eq4) * STEP)); }
        available = value - lowerEq5;
        if (!Double.isNaN(available)) { existing++; sum += 0.0; } // EQ5 has a single level per MacroVector

        double mean = existing == 0 ? 0 : sum / existing;
        // Round half up after lifting by 1e-6, as FIRST's reference does: the interpolation can land one
        // ULP below an x.x5 tie (5.6499999999999995 for 5.65) and must still round up.
        return Math.round((Math.max(0, Math.min(10, value - mean)) + EPSILON) * 10) / 10.0;
    }

    /** The value a metric takes for scoring: modified metric if set, worst case for unset E/CR/IR/AR. */
    static String effective(Map<String, String> m, String metric) {
        String value = m.getOrDefault(metric, "X");
        if (value.equals("X")) {
            switch (metric) {
                case "E": return "A";
                case "CR": case "IR": case "AR": return "H";
                default: break;
            }
        }
        String modified = m.get("M" + metric);
        if (modified != null && !modified.equals("X")) return modified;
        return value;
    }

    private static int eq1(Map<String, String> m) {
        String av = effective(m, "AV"), pr = effective(m, "PR"), ui = effective(m, "UI");
        boolean allN = av.equals("N") && pr.equals("N") && ui.equals("N");
        boolean anyN = av.equals("N") || pr.equals("N") || ui.equals("N");
        if (allN) return 0;
        if (anyN && !av.equals("P")) return 1;
        return 2;
    }

    private static int eq2(Map<String, String> m) {
        return effective(m, "AC").equals("L") && effective(m, "AT").equals("N") ? 0 : 1;
    }

    private static int eq3(Map<String, String> m) {
        String vc = effective(m, "VC"), vi = effective(m, "VI"), va = effective(m, "VA");
        if (vc.equals("H") && vi.equals("H")) return 0;
        if (vc.equals("H") || vi.equals("H") || va.equals("H")) return 1;
        return 2;
    }

    private static int eq4(Map<String, String> m) {
        if ("S".equals(m.get("MSI")) || "S".equals(m.get("MSA"))) return 0;
        if (effective(m, "SC").equals("H") || effective(m, "SI").equals("H") || effective(m, "SA").equals("H")) return 1;
        return 2;
    }

    private static int eq5(Map<String, String> m) {
        switch (effective(m, "E")) {
            case "A": return 0;
            case "P": return 1;
            default: return 2;
        }
    }

    private static int eq6(Map<String, String> m) {
        boolean c = effective(m, "CR").equals("H") && effective(m, "VC").equals("H");
        boolean i = effective(m, "IR").equals("H") && effective(m, "VI").equals("H");
        boolean a = effective(m, "AR").equals("H") && effective(m, "VA").equals("H");
        return c || i || a ? 0 : 1;
    }

    private static String macro(int... eqs) {
        StringBuilder sb = new StringBuilder(6);
        for (int e : eqs) sb.append(e);
        return sb.toString();
    }

    private static double scoreOf(String macro) {
        Double s = Cvss4MacroVectors.score(macro);
        return s == null ? Double.NaN : s;
    }

    /**
     * Distances (in tenths) of each metric from the first combined highest-severity vector that is at
     * least as severe in every metric. When none is, the reference keeps the last one tried; so do we.
     */
    private static Map<String, Double> distances(Map<String, String> m, int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
        Map<String, Double> d = null;
        for (Map<String, String> max : MaxVectors.combined(eq1, eq2, eq3, eq4, eq5, eq6)) {
            d = new LinkedHashMap<>();
            boolean allNonNegative = true;
            for (Map.Entry<String, Map<String, Double>> level : Levels.ALL.entrySet()) {
                String metric = level.getKey();
                double dist = level.getValue().get(effective(m, metric)) - level.getValue().get(max.get(metric));
                d.put(metric, dist);
                allNonNegative &= dist >= 0;
            }
            if (allNonNegative) break;
        }
        return d;
    }

    /** Severity level of each metric value in tenths (0.0 = most severe), as in the specification. */
    private static final class Levels {
        static final Map<String, Map<String, Double>> ALL = new LinkedHashMap<>();
        static {
            ALL.put("AV", Map.of("N", 0.0, "A", 0.1, "L", 0.2, "P", 0.3));
            ALL.put("PR", Map.of("N", 0.0, "L", 0.1, "H", 0.2));
            ALL.put("UI", Map.of("N", 0.0, "P", 0.1, "A", 0.2));
            ALL.put("AC", Map.of("L", 0.0, "H", 0.1));
            ALL.put("AT", Map.of("N", 0.0, "P", 0.1));
            ALL.put("VC", Map.of("H", 0.0, "L", 0.1, "N", 0.2));
            ALL.put("VI", Map.of("H", 0.0, "L", 0.1, "N", 0.2));
            ALL.put("VA", Map.of("H", 0.0, "L", 0.1, "N", 0.2));
            ALL.put("SC", Map.of("H", 0.1, "L", 0.2, "N", 0.3));
            ALL.put("SI", Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3));
            ALL.put("SA", Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3));
            ALL.put("CR", Map.of("H", 0.0, "M", 0.1, "L", 0.2));
            ALL.put("IR", Map.of("H", 0.0, "M", 0.1, "L", 0.2));
            ALL.put("AR", Map.of("H", 0.0, "M", 0.1, "L", 0.2));
            ALL.put("E", Map.of("U", 0.2, "P", 0.1, "A", 0.0));
        }
    }

    /** Highest-severity vectors of each EQ level (specification Table 24 and the reference calculator). */
    private static final class MaxVectors {
        private static final List<List<String>> EQ1 = List.of(
                List.of("AV:N/PR:N/UI:N"),
                List.of("AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"),
                List.of("AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"));
        private static final List<List<String>> EQ2 = List.of(
                List.of("AC:L/AT:N"),
                List.of("AC:H/AT:N", "AC:L/AT:P"));
        /** Indexed by eq3 * 2 + eq6; eq3 = 2 with eq6 = 0 cannot occur. */
        private static final List<List<String>> EQ3_EQ6 = List.of(
                List.of("VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"),
                List.of("VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"),
                List.of("VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"),
                List.of("VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
                        "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
                        "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"),
                List.of(),
                List.of("VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"));
        private static final List<List<String>> EQ4 = List.of(
                List.of("SC:H/SI:S/SA:S"), List.of("SC:H/SI:H/SA:H"), List.of("SC:L/SI:L/SA:L"));
        private static final List<String> EQ5 = List.of("E:A", "E:P", "E:U");

        /** Every combination, in the reference calculator's nesting order (which decides ties). */
        static List<Map<String, String>> combined(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
            List<Map<String, String>> out = new ArrayList<>();
            for (String a : EQ1.get(eq1)) {
                for (String b : EQ2.get(eq2)) {
                    for (String c : EQ3_EQ6.get(eq3 * 2 + eq6)) {
                        for (String e : EQ4.get(eq4)) {
                            out.add(parse(a + "/" + b + "/" + c + "/" + e + "/" + EQ5.get(eq5)));
                        }
                    }
                }
            }
            return out;
        }

        private static Map<String, String> parse(String s) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String part : s.split("/")) {
                String[] kv = part.split(":");
                m.put(kv[0], kv[1]);
            }
            return m;
        }
    }

    /** Depth of each EQ level (number of severity steps within it, +1), from the reference calculator. */
    private static final class MaxSeverity {
        static int eq1(int level) { return new int[] {1, 4, 5}[level]; }

        static int eq2(int level) { return new int[] {1, 2}[level]; }

        static int eq3eq6(int eq3, int eq6) {
            if (eq3 == 0) return eq6 == 0 ? 7 : 6;
            if (eq3 == 1) return 8;
            return 10;
        }

        static int eq4(int level) { return new int[] {6, 5, 4}[level]; }
    }
}
