package jp.mamori.triage.cvss;

import java.util.Map;

/**
 * A vector that passed the grammar check.
 *
 * @param version  "2.0", "3.0", "3.1" or "4.0"
 * @param vector   the vector as given, trimmed (v2: without the surrounding parentheses NVD once used)
 * @param metrics  metric name to value, in the order given
 */
record CvssVector(String version, String vector, Map<String, String> metrics) {

    String get(String metric) {
        return metrics.get(metric);
    }

    boolean is(String metric, String value) {
        return value.equals(metrics.get(metric));
    }

    /** v4.0 only: true when any threat or environmental metric carries a value other than X. */
    boolean hasThreatOrEnvironmental() {
        return metrics.entrySet().stream()
                .anyMatch(e -> CvssGrammar.isV4ThreatOrEnvironmental(e.getKey()) && !"X".equals(e.getValue()));
    }
}
