package jp.mamori.web.findings;

import java.util.Map;

/** The KEV entry on the finding page; dateAdded is null when the vulnerability is not in the catalogue. */
public record KevView(String dateAdded, String dueDate, String ransomware, String requiredAction, String requiredActionOriginal) {

    static KevView of(Object stored) {
        Map<?, ?> m = EvidenceFields.object(stored);
        return new KevView(EvidenceFields.text(m, "dateAdded"), EvidenceFields.text(m, "dueDate"), EvidenceFields.text(m, "ransomware"),
                EvidenceFields.text(m, "requiredAction"), null);
    }
}
