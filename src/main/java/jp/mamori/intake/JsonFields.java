package jp.mamori.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Null-tolerant reads on JSON trees: real documents omit optional fields freely, and blank means absent. */
public final class JsonFields {
    private JsonFields() { }

    /** Text of a scalar field, trimmed; null when missing, JSON null, a container or blank. */
    public static String text(JsonNode node, String field) {
        return node == null ? null : text(node.get(field));
    }

    /** Text of a scalar node, trimmed; null when missing, JSON null, a container or blank. */
    public static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode() || value.isMissingNode()) return null;
        String s = value.asText().trim();
        return s.isEmpty() ? null : s;
    }

    /** Follows a path of field names; null as soon as a step is missing. */
    public static JsonNode at(JsonNode node, String... fields) {
        JsonNode n = node;
        for (String f : fields) {
            if (n == null) return null;
            n = n.get(f);
        }
        return n;
    }

    /** A number given as a JSON number or a numeric string; null when absent or not numeric. */
    public static Double number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.doubleValue();
        if (!v.isTextual()) return null;
        try {
            return Double.valueOf(v.textValue().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A boolean given as a JSON boolean or the text true/false; {@code dflt} when absent. */
    public static boolean bool(JsonNode node, String field, boolean dflt) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) return dflt;
        if (v.isBoolean()) return v.booleanValue();
        return v.isTextual() ? Boolean.parseBoolean(v.textValue().trim()) : dflt;
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
