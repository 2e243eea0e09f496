package jp.mamori.advisory.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.feed.CvssVectors;
import jp.mamori.intake.JsonFields;
import jp.mamori.advisory.feed.JsonRecord;
import jp.mamori.advisory.feed.ReferenceCollector;
import jp.mamori.advisory.feed.Ssvc;
import jp.mamori.advisory.FeedFormatException;

/**
 * {@code metrics} of an NVD cve object: every CVSS statement is kept with who made it (NVD's
 * Primary score and the CNA's Secondary one often differ, and triage shows which it used), plus
 * the CISA SSVC decision points NVD now republishes ({@code ssvcV203}).
 */
final class NvdMetrics {
    /** Newest CVSS version first: the order in which triage prefers them. */
    private static final String[][] CVSS_KEYS = {
            {"cvssMetricV40", "4.0"}, {"cvssMetricV31", "3.1"}, {"cvssMetricV30", "3.0"}, {"cvssMetricV2", "2.0"}};

    private NvdMetrics() { }

    static void map(JsonRecord cve, Advisory.Builder b, ReferenceCollector refs) throws FeedFormatException {
        JsonNode metrics = cve.node().get("metrics");
        if (metrics == null || !metrics.isObject()) return;
        for (String[] key : CVSS_KEYS) {
            int i = 0;
            for (JsonNode m : JsonFields.array(metrics, key[0])) {
                b.cvss(score(m, key, i, cve));
                i++;
            }
        }
        for (JsonNode m : JsonFields.array(metrics, "ssvcV203")) {
            Ssvc.apply(m.path("ssvcData"), b, refs, "https://nvd.nist.gov/vuln/detail/" + b.vulnId(),
                    NvdSources.scorer(JsonFields.text(m, "source")));
        }
    }

    private static CvssScore score(JsonNode m, String[] key, int index, JsonRecord cve) throws FeedFormatException {
        JsonNode data = m.path("cvssData");
        String vector = JsonFields.text(data, "vectorString");
        if (vector == null) {
            throw cve.error("/metrics/" + key[0] + "/" + index + "/cvssData/vectorString", "CVSS metric without vectorString");
        }
        String version = JsonFields.text(data, "version");
        if (version == null) version = CvssVectors.version(vector);
        if (version == null) version = key[1];
        return new CvssScore(version, vector, JsonFields.number(data, "baseScore"),
                NvdSources.scorer(JsonFields.text(m, "source")), JsonFields.text(m, "type"));
    }
}
