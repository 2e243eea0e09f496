package jp.mamori.web.findings;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.mamori.advisory.kev.KevActions;
import jp.mamori.triage.EvidenceWords;

/**
 * The stored evidence (language-neutral facts) as a Japanese reader sees it on the finding page:
 * SSVC values and evidence, match confidence, the KEV ransomware flag and required action (with
 * the original beside it). Copies; the stored evidence and the API keep the facts as they are.
 */
final class EvidenceInJapanese {
    private EvidenceInJapanese() { }

    static SsvcView ssvc(SsvcView ssvc) {
        if (ssvc == null) return null;
        Map<String, SsvcEvidenceView> evidence = new LinkedHashMap<>();
        ssvc.evidence().forEach((input, e) -> evidence.put(input, new SsvcEvidenceView(
                e.source() == null ? null : EvidenceWords.source(e.source()),
                e.evidence() == null ? null : EvidenceWords.evidence(e.evidence()), e.overridden())));
        return new SsvcView(ssvc.rule(), value("exploitation", ssvc.exploitation()), value("automatable", ssvc.automatable()),
                value("technicalImpact", ssvc.technicalImpact()), value("exposure", ssvc.exposure()), value("mission", ssvc.mission()),
                ssvc.missionFromAsset(), ssvc.missionRaisedBecauseOpen(), Map.copyOf(evidence));
    }

    private static String value(String input, String v) {
        return v == null ? null : EvidenceWords.value(input, v);
    }

    static MatchView match(MatchView match) {
        return match.confidence() == null ? match : match.withConfidence(EvidenceWords.confidence(match.confidence()));
    }

    static KevView kev(KevView kev) {
        String ransomware = kev.ransomware() == null ? null : EvidenceWords.ransomware(kev.ransomware());
        String a = kev.requiredAction();
        // the translation, with CISA's own sentence beside it, marked English on the page
        if (a != null && KevActions.ja(a).isPresent()) {
            return new KevView(kev.dateAdded(), kev.dueDate(), ransomware, KevActions.ja(a).get(), a.strip());
        }
        return new KevView(kev.dateAdded(), kev.dueDate(), ransomware, a, kev.requiredActionOriginal());
    }
}
