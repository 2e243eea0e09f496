package jp.mamori.advisory.cve5;

import com.fasterxml.jackson.databind.JsonNode;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.feed.CvssVectors;
import jp.mamori.intake.JsonFields;
import jp.mamori.advisory.feed.ReferenceCollector;
import jp.mamori.advisory.feed.Ssvc;

/**
 * {@code metrics[]} of a CNA or ADP container: CVSS objects ({@code cvssV4_0}, {@code cvssV3_1},
 * {@code cvssV3_0}, {@code cvssV2_0}) and {@code other} entries, of which only CISA's SSVC is read
 * (see {@link Ssvc}). The ADP "kev" entry is ignored: KEV facts come from the KEV feed.
 */
final class Cve5Metrics {
    private static final String[][] CVSS_KEYS = {
            {"cvssV4_0", "4.0"}, {"cvssV3_1", "3.1"}, {"cvssV3_0", "3.0"}, {"cvssV2_0", "2.0"}};

    private Cve5Metrics() { }

    static void map(JsonNode container, String scorer, String recordUrl, Advisory.Builder b, ReferenceCollector refs) {
        for (JsonNode m : JsonFields.array(container, "metrics")) {
            for (String[] key : CVSS_KEYS) {
                JsonNode cvss = m.get(key[0]);
                if (cvss == null || !cvss.isObject()) continue;
                String vector = JsonFields.text(cvss, "vectorString");
                if (vector == null) continue; // a score without its vector cannot be checked or explained
                String version = JsonFields.text(cvss, "version");
                if (version == null) version = CvssVectors.version(vector);
                b.cvss(new CvssScore(version == null ? key[1] : version, vector, JsonFields.number(cvss, "baseScore"), scorer, null));
            }
            JsonNode other = m.path("other");
            if ("ssvc".equalsIgnoreCase(JsonFields.text(other, "type"))) {
                Ssvc.apply(other.path("content"), b, refs, recordUrl, scorer);
            }
        }
    }
}
