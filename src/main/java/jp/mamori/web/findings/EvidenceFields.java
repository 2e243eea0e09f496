package jp.mamori.web.findings;

import java.util.List;
import java.util.Map;

/** Reading the stored evidence document (parsed JSON, so any value may be missing or of another type) into the page's views. */
final class EvidenceFields {
    private EvidenceFields() { }

    static Map<?, ?> object(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    /** The number as parsed, so the page formats it exactly as it did when it read the map. */
    static Number number(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n : null;
    }

    static List<String> texts(Map<?, ?> m, String key) {
        return m.get(key) instanceof List<?> l ? l.stream().map(v -> v == null ? null : v.toString()).toList() : null;
    }
}
