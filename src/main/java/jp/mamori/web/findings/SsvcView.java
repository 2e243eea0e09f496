package jp.mamori.web.findings;

import java.util.LinkedHashMap;
import java.util.Map;

/** The SSVC panel of the finding page: the rule applied, each input's value and where it came from. */
public record SsvcView(String rule, String exploitation, String automatable, String technicalImpact, String exposure, String mission,
                       String missionFromAsset, boolean missionRaisedBecauseOpen, Map<String, SsvcEvidenceView> evidence) {

    /** Null when the finding has no SSVC evidence, so the panel is not shown. */
    static SsvcView of(Object stored) {
        Map<?, ?> m = EvidenceFields.object(stored);
        if (m.isEmpty()) return null;
        Map<String, SsvcEvidenceView> evidence = new LinkedHashMap<>();
        EvidenceFields.object(m.get("evidence")).forEach((input, e) -> evidence.put(String.valueOf(input), SsvcEvidenceView.of(e)));
        return new SsvcView(EvidenceFields.text(m, "rule"), EvidenceFields.text(m, "exploitation"), EvidenceFields.text(m, "automatable"),
                EvidenceFields.text(m, "technicalImpact"), EvidenceFields.text(m, "exposure"), EvidenceFields.text(m, "mission"),
                EvidenceFields.text(m, "missionFromAsset"), Boolean.TRUE.equals(m.get("missionRaisedBecauseOpen")), Map.copyOf(evidence));
    }

    /** The value of one input by its key (the page's table walks the inputs by key). */
    public String value(String input) {
        return switch (input) {
            case "exploitation" -> exploitation;
            case "automatable" -> automatable;
            case "technicalImpact" -> technicalImpact;
            case "exposure" -> exposure;
            case "mission" -> mission;
            default -> null;
        };
    }

    /** Where one input's value came from, or null when the evidence does not say. */
    public SsvcEvidenceView evidenceOf(String input) {
        return evidence.get(input);
    }
}
