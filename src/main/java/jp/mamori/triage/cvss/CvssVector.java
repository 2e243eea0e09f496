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

    boolean is(String metric, String value) {
        return value.equals(metrics.get(metric));
    }
}
