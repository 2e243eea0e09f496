package jp.mamori.web.findings;

import java.util.Map;

/** The EPSS score on the finding page; score is null when there is none. */
public record EpssView(Number score, Number percentile, String date) {

    static EpssView of(Object stored) {
        Map<?, ?> m = EvidenceFields.object(stored);
        return new EpssView(EvidenceFields.number(m, "score"), EvidenceFields.number(m, "percentile"), EvidenceFields.text(m, "date"));
    }
}
