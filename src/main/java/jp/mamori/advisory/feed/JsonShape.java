package jp.mamori.advisory.feed;

import jp.mamori.intake.JsonLimits;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the start of a JSON document looks like: its top-level field names and scalar values, the
 * field names inside a few telling objects ({@code document}, {@code cveMetadata}, {@code cve}),
 * and the field names of the first element of each top-level array. Reading stops quietly at the
 * end of the given bytes, so a prefix of a 2 GB document is enough.
 */
public final class JsonShape {
    private static final Set<String> INSPECTED_OBJECTS = Set.of("document", "cveMetadata", "cve");
    private static final JsonFactory FACTORY = JsonLimits.strict(200).allowingDuplicateKeys().factory();

    private boolean array;
    private boolean complete;
    private final Set<String> keys = new LinkedHashSet<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Set<String>> childKeys = new LinkedHashMap<>();
    private final Map<String, String> childValues = new LinkedHashMap<>();
    private final Map<String, Set<String>> firstElementKeys = new LinkedHashMap<>();

    private JsonShape() { }

    /** Reads the shape from {@code in} until it ends or stops being JSON. */
    public static JsonShape of(InputStream in) {
        JsonShape s = new JsonShape();
        try (JsonParser p = FACTORY.createParser(in)) {
            s.read(p);
            s.complete = true;
        } catch (IOException | RuntimeException e) {
            // end of the prefix or not JSON at all: the shape so far is all there is
        }
        return s;
    }

    public boolean isArray() { return array; }

    /** True when the whole input was read without running out or failing. */
    public boolean complete() { return complete; }

    public boolean has(String key) { return keys.contains(key); }

    public Set<String> keys() { return keys; }

    /** A top-level scalar value as text, or for an array of strings ({@code @context}) the strings joined by spaces. */
    public String value(String key) { return values.get(key); }

    /** Field names of a top-level object that is inspected ({@code document}, {@code cveMetadata}, {@code cve}). */
    public Set<String> childKeys(String key) { return childKeys.getOrDefault(key, Set.of()); }

    /** A scalar inside an inspected object, e.g. {@code childValue("document", "csaf_version")}. */
    public String childValue(String key, String child) { return childValues.get(key + "/" + child); }

    /** Field names of the first element of a top-level array; for a top-level array use {@code ""}. */
    public Set<String> firstElementKeys(String key) { return firstElementKeys.getOrDefault(key, Set.of()); }

    private void read(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
            array = true;
            firstElement(p, "");
            return;
        }
        if (t != JsonToken.START_OBJECT) throw new IOException("not a JSON container");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            keys.add(name);
            JsonToken v = p.nextToken();
            if (v.isScalarValue()) {
                values.put(name, clip(p.getText()));
            } else if (v == JsonToken.START_OBJECT && INSPECTED_OBJECTS.contains(name)) {
                inspect(p, name);
            } else if (v == JsonToken.START_ARRAY && name.equals("@context")) {
                values.put(name, strings(p));
            } else if (v == JsonToken.START_ARRAY) {
                firstElement(p, name);
            } else {
                p.skipChildren();
            }
        }
    }

    private void inspect(JsonParser p, String name) throws IOException {
        Set<String> set = childKeys.computeIfAbsent(name, k -> new LinkedHashSet<>());
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String child = p.currentName();
            set.add(child);
            JsonToken v = p.nextToken();
            if (v.isScalarValue()) childValues.put(name + "/" + child, clip(p.getText()));
            else p.skipChildren();
        }
    }

    /** Records the keys of the first element (when an object) and skips the rest of the array. */
    private void firstElement(JsonParser p, String name) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT) {
            Set<String> set = firstElementKeys.computeIfAbsent(name, k -> new LinkedHashSet<>());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                set.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        } else if (t != null && t != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
        if (t == JsonToken.END_ARRAY) return;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new IOException("end of input");
            p.skipChildren();
        }
    }

    private static String strings(JsonParser p) throws IOException {
        StringBuilder sb = new StringBuilder();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new IOException("end of input");
            if (t == JsonToken.VALUE_STRING) sb.append(sb.length() == 0 ? "" : " ").append(clip(p.getText()));
            else p.skipChildren();
        }
        return sb.toString();
    }

    private static String clip(String s) {
        return s != null && s.length() > 500 ? s.substring(0, 500) : s;
    }
}
