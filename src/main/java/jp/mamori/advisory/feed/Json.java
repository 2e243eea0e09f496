package jp.mamori.advisory.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Null-tolerant field access on record trees: feeds omit optional fields freely. */
public final class Json {
    private Json() { }

    /** The text of a scalar field; null when absent, JSON null, blank or not a scalar. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isValueNode() || v.isNull()) return null;
        String s = v.asText();
        return s.isBlank() ? null : s.trim();
    }

    public static boolean bool(JsonNode node, String field, boolean dflt) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) return dflt;
        if (v.isBoolean()) return v.booleanValue();
        return v.isTextual() ? Boolean.parseBoolean(v.textValue().trim()) : dflt;
    }

    /** A number given as a JSON number or numeric string; null when absent or not numeric. */
    public static Double number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.doubleValue();
        if (v.isTextual()) {
            try {
                return Double.valueOf(v.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The elements of an array field; an empty iterable when absent or not an array. */
    public static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isArray() ? v : List.of();
    }
}
