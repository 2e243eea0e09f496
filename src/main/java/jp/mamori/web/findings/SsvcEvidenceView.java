package jp.mamori.web.findings;

import java.util.Map;

/** One SSVC input's source and evidence; overridden when a person set the value instead of the data. */
public record SsvcEvidenceView(String source, String evidence, boolean overridden) {

    static SsvcEvidenceView of(Object stored) {
        Map<?, ?> m = EvidenceFields.object(stored);
        return new SsvcEvidenceView(EvidenceFields.text(m, "source"), EvidenceFields.text(m, "evidence"), m.get("overridden") != null);
    }
}
