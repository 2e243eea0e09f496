package jp.mamori.triage.cvss;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks a vector string against {@link CvssGrammar}: known prefix, known metrics, allowed values,
 * no metric twice, every base metric present. Metric order is not enforced: the v2/v3 specifications
 * allow any order, and published v4.0 vectors are in the canonical order anyway.
 */
final class CvssVectorParser {
    private CvssVectorParser() { }

    static CvssVector parse(String raw) throws InvalidCvssVectorException {
        if (raw == null || raw.isBlank()) throw new InvalidCvssVectorException("empty vector");
        String vector = raw.trim();
        CvssGrammar grammar = grammarOf(vector);
        String body;
        if (grammar == CvssGrammar.V2) {
            // NVD's v2 records and some advisories wrap the vector in parentheses.
            if (vector.startsWith("(") && vector.endsWith(")")) vector = vector.substring(1, vector.length() - 1).trim();
            body = vector;
        } else {
            body = vector.substring(grammar.prefix().length());
        }
        return new CvssVector(grammar.version(), vector, metrics(grammar, body));
    }

    private static CvssGrammar grammarOf(String vector) throws InvalidCvssVectorException {
        for (CvssGrammar g : CvssGrammar.values()) {
            if (!g.prefix().isEmpty() && vector.startsWith(g.prefix())) return g;
        }
        if (vector.startsWith("CVSS:")) {
            int slash = vector.indexOf('/');
            String prefix = slash < 0 ? vector : vector.substring(0, slash);
            throw new InvalidCvssVectorException("unsupported CVSS version prefix '" + prefix
                    + "' (expected CVSS:3.0/, CVSS:3.1/, CVSS:4.0/ or a bare v2 vector)");
        }
        if (vector.startsWith("AV:") || vector.startsWith("(AV:")) return CvssGrammar.V2;
        throw new InvalidCvssVectorException("not a CVSS vector: expected 'CVSS:3.x/', 'CVSS:4.0/' or a v2 vector starting with 'AV:'");
    }

    private static Map<String, String> metrics(CvssGrammar grammar, String body) throws InvalidCvssVectorException {
        Map<String, String> metrics = new LinkedHashMap<>();
        String[] parts = body.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int colon = part.indexOf(':');
            if (colon <= 0 || colon == part.length() - 1 || part.indexOf(':', colon + 1) >= 0) {
                throw new InvalidCvssVectorException("component " + (i + 1) + " '" + part + "' is not METRIC:VALUE");
            }
            String name = part.substring(0, colon);
            String value = part.substring(colon + 1);
            List<String> allowed = grammar.allowed().get(name);
            if (allowed == null) {
                throw new InvalidCvssVectorException("unknown metric '" + name + "' for CVSS " + grammar.version());
            }
            if (!allowed.contains(value)) {
                throw new InvalidCvssVectorException("invalid value '" + value + "' for metric " + name
                        + " (allowed: " + String.join(", ", allowed) + ")");
            }
            if (metrics.putIfAbsent(name, value) != null) {
                throw new InvalidCvssVectorException("metric " + name + " appears more than once");
            }
        }
        TreeSet<String> missing = new TreeSet<>(grammar.mandatory());
        missing.removeAll(metrics.keySet());
        if (!missing.isEmpty()) {
            throw new InvalidCvssVectorException("missing base metric(s) " + String.join(", ", missing)
                    + " for CVSS " + grammar.version());
        }
        return metrics;
    }
}
