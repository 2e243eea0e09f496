package jp.mamori.web.findings;

import java.util.Map;

/**
 * A CVSS score the triage named: the one it used (with the reason) or a higher one elsewhere (with the note).
 * All null when the evidence has none.
 */
public record CvssChoiceView(String source, String vector, String reasonJa, String reasonEn, String noteJa, String noteEn) {

    static CvssChoiceView of(Object stored) {
        Map<?, ?> m = EvidenceFields.object(stored);
        return new CvssChoiceView(EvidenceFields.text(m, "source"), EvidenceFields.text(m, "vector"), EvidenceFields.text(m, "reasonJa"),
                EvidenceFields.text(m, "reasonEn"), EvidenceFields.text(m, "noteJa"), EvidenceFields.text(m, "noteEn"));
    }
}
