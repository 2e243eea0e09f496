package jp.mamori.advisory.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import jp.mamori.advisory.Advisory;

/**
 * CISA's SSVC "Exploitation" decision point, as CVE 5 records carry it in the CISA-ADP container
 * and NVD republishes it ({@code ssvcV203}). Both are read the same way: {@code active} sets
 * {@code exploited}; {@code poc} becomes exploit evidence, i.e. a reference tagged "Exploit" and
 * "exploit:poc" (plus "ssvc:&lt;provider&gt;") that points at the record stating it, because SSVC
 * gives no link of its own and triage looks for exploit references to decide {@code poc};
 * {@code none} says nothing.
 */
public final class Ssvc {
    private Ssvc() { }

    /** The Exploitation option of an SSVC content object, lower-cased; null when absent. */
    public static String exploitation(JsonNode content) {
        for (JsonNode o : content.path("options")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equalsIgnoreCase("exploitation") && e.getValue().isTextual()) {
                    return e.getValue().textValue().trim().toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    public static void apply(JsonNode content, Advisory.Builder b, ReferenceCollector refs,
                             String recordUrl, String provider) {
        String exploitation = exploitation(content);
        if ("active".equals(exploitation)) {
            b.exploited(true);
        } else if ("poc".equals(exploitation)) {
            refs.add(recordUrl, "Exploit", "exploit:poc", "ssvc:" + provider);
        }
    }
}
