package jp.mamori.web.findings;

import java.util.List;
import java.util.Map;

/** Why the component matched the advisory: how, from which document, the range and identifier, and how sure. */
public record MatchView(String by, String source, String documentId, String criterion, String identifier, String confidence,
                        String identifierOrigin, String note, List<String> runningOn) {

    static MatchView of(Object stored) {
        Map<?, ?> m = EvidenceFields.object(stored);
        return new MatchView(EvidenceFields.text(m, "by"), EvidenceFields.text(m, "source"), EvidenceFields.text(m, "documentId"),
                EvidenceFields.text(m, "criterion"), EvidenceFields.text(m, "identifier"), EvidenceFields.text(m, "confidence"),
                EvidenceFields.text(m, "identifierOrigin"), EvidenceFields.text(m, "note"), EvidenceFields.texts(m, "runningOn"));
    }

    MatchView withConfidence(String words) {
        return new MatchView(by, source, documentId, criterion, identifier, words, identifierOrigin, note, runningOn);
    }
}
