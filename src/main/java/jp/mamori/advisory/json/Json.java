package jp.mamori.advisory.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Null-safe reads on record trees: feeds omit fields freely, and blank means absent. */
public final class Json {
    private Json() { }

    /** Text of a field, trimmed; null when missing, null, not textual/numeric or blank. */
    public static String text(JsonNode node, String field) {
        if (node == null) return null;
        return text(node.get(field));
    }

    public static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) return null;
        String s = value.asText().trim();
        return s.isEmpty() ? null : s;
    }

    /** Follows a path of field names; missing steps give a missing node. */
    public static JsonNode at(JsonNode node, String... fields) {
        JsonNode n = node;
        for (String f : fields) {
            if (n == null) return null;
            n = n.get(f);
        }
        return n;
    }

    public static Double number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.doubleValue();
        try {
            return Double.valueOf(v.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Elements of an array field; empty when missing or not an array. */
    public static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (v != null && v.isArray()) v.forEach(out::add);
        return out;
    }

    /** Text elements of an array field (blank ones dropped). */
    public static List<String> texts(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array(node, field)) {
            String s = text(n);
            if (s != null) out.add(s);
        }
        return out;
    }
}
