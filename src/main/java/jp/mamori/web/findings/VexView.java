package jp.mamori.web.findings;

import java.util.Map;

/** The VEX statement that applied to the finding; status is null when none did. */
public record VexView(String status, String justification, String source, String documentId) {

    static VexView of(Object stored) {
        Map<?, ?> m = EvidenceFields.object(stored);
        return new VexView(EvidenceFields.text(m, "status"), EvidenceFields.text(m, "justification"), EvidenceFields.text(m, "source"),
                EvidenceFields.text(m, "documentId"));
    }
}
