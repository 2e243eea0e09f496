package jp.mamori.advisory.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.CvssScore;
import jp.mamori.intake.JsonFields;
/**
 * CVSS of one CSAF vulnerability: CSAF 2.0 {@code scores[].cvss_v2|cvss_v3} and CSAF 2.1 (also
 * MyJVN OKA) {@code metrics[].content.cvss_v2|cvss_v3|cvss_v4}. The same score repeated for
 * several product sets is kept once.
 */
public final class CsafScores {
    private static final String[] KEYS = {"cvss_v4", "cvss_v3", "cvss_v2"};

    private CsafScores() { }

    public static List<CvssScore> read(JsonNode vulnerability, String source) {
        List<CvssScore> out = new ArrayList<>();
        for (JsonNode s : JsonFields.array(vulnerability, "scores")) add(s, source, out);
        for (JsonNode m : JsonFields.array(vulnerability, "metrics")) add(m.get("content"), source, out);
        return out;
    }

    private static void add(JsonNode holder, String source, List<CvssScore> out) {
        if (holder == null) return;
        for (String key : KEYS) {
            JsonNode c = holder.get(key);
            if (c == null || !c.isObject()) continue;
            String vector = JsonFields.text(c, "vectorString");
            Double base = JsonFields.number(c, "baseScore");
            if (vector == null && base == null) continue;
            String version = JsonFields.text(c, "version");
            if (version == null) version = versionOf(key, vector);
            CvssScore score = new CvssScore(version, vector, base, source, null);
            if (!out.contains(score)) out.add(score);
        }
    }

    private static String versionOf(String key, String vector) {
        if (vector != null && vector.startsWith("CVSS:")) {
            int slash = vector.indexOf('/');
            if (slash > 5) return vector.substring(5, slash);
        }
        return switch (key) {
            case "cvss_v4" -> "4.0";
            case "cvss_v3" -> "3.1";
            default -> "2.0";
        };
    }
}
