package jp.mamori.app.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** A job's parameters as a small properties text (readable in {@code mamori jobs list} and the database). */
final class JobPayload {
    private JobPayload() { }

    static String of(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            p.store(w, null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        // drop the date comment Properties writes, so the payload is stable
        StringBuilder out = new StringBuilder();
        for (String line : w.toString().split("\n")) {
            if (!line.startsWith("#")) out.append(line).append('\n');
        }
        return out.toString();
    }

    static Map<String, String> read(String payload) {
        Properties p = new Properties();
        if (payload != null) {
            try {
                p.load(new java.io.StringReader(payload));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) out.put(k, p.getProperty(k));
        return out;
    }
}
