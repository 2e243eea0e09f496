package jp.mamori.web.findings;

import java.util.LinkedHashMap;
import java.util.List;
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

    static final List<String> INPUTS = List.of("exploitation", "automatable", "technicalImpact", "exposure", "mission", "humanImpact");

    static Map<String, Object> ssvc(Map<String, Object> ssvc) {
        Map<String, Object> out = new LinkedHashMap<>(ssvc);
        for (String input : INPUTS) {
            if (out.get(input) instanceof String v) out.put(input, EvidenceWords.value(input, v));
        }
        return out;
    }

    static Map<String, Object> ssvcEvidence(Map<String, Object> evidence) {
        Map<String, Object> out = new LinkedHashMap<>();
        evidence.forEach((input, e) -> {
            Map<String, Object> one = new LinkedHashMap<>(FindingPageController.map(e));
            if (one.get("source") instanceof String s) one.put("source", EvidenceWords.source(s));
            if (one.get("evidence") instanceof String s) one.put("evidence", EvidenceWords.evidence(s));
            out.put(input, one);
        });
        return out;
    }

    static Map<String, Object> match(Map<String, Object> match) {
        Map<String, Object> out = new LinkedHashMap<>(match);
        if (out.get("confidence") instanceof String c) out.put("confidence", EvidenceWords.confidence(c));
        return out;
    }

    static Map<String, Object> kev(Map<String, Object> kev) {
        Map<String, Object> out = new LinkedHashMap<>(kev);
        if (out.get("ransomware") instanceof String r) out.put("ransomware", EvidenceWords.ransomware(r));
        // the translation, with CISA's own sentence beside it, marked English on the page
        if (out.get("requiredAction") instanceof String a && KevActions.ja(a).isPresent()) {
            out.put("requiredAction", KevActions.ja(a).get());
            out.put("requiredActionOriginal", a.strip());
        }
        return out;
    }
}
