package jp.mamori.web.findings;

import java.util.Map;

/** The matched component's identifiers as the scan recorded them. */
public record ComponentView(String purl, String cpe) {

    static ComponentView of(Object stored) {
        Map<?, ?> m = EvidenceFields.object(stored);
        return new ComponentView(EvidenceFields.text(m, "purl"), EvidenceFields.text(m, "cpe"));
    }
}
